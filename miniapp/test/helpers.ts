import Taro from '@tarojs/taro'
import { vi } from 'vitest'
import type { ProductListItem } from '@/services/catalog'

export interface FakeRequest {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
}

export const reply = (statusCode: number, data: unknown) => ({ statusCode, data, header: {} })

/** The calls the app made to Taro.request so far. */
export function requests(): FakeRequest[] {
  return vi.mocked(Taro.request).mock.calls.map((c) => c[0] as FakeRequest)
}

/** Routes Taro.request by path (no origin, no query) to a handler. */
export function routeRequests(routes: Record<string, (req: FakeRequest, query: URLSearchParams) => unknown>): void {
  vi.mocked(Taro.request).mockImplementation(((req: FakeRequest) => {
    const url = new URL(req.url, 'http://shop.test')
    const handler = routes[`${req.method ?? 'GET'} ${url.pathname}`]
    if (!handler) return Promise.resolve(reply(404, { error: { code: 'NOT_FOUND', message: 'no route' } }))
    try {
      return Promise.resolve(handler(req, url.searchParams))
    } catch (e) {
      return Promise.reject(e)
    }
  }) as never)
}

/** A list item as the server prices it for a visitor (list price; the member price with a card), unless patched. */
export function product(id: number, patch: Partial<ProductListItem> = {}): ProductListItem {
  const priceCents = patch.priceCents ?? 1990
  const memberPriceCents = patch.memberPriceCents === undefined ? 1790 : patch.memberPriceCents
  return {
    id,
    title: `商品${id}`,
    subtitle: '',
    coverUrl: `/api/media/placeholder/p${id}.svg`,
    categoryId: 1,
    memberOnly: false,
    priceCents,
    memberPriceCents,
    unitPriceCents: priceCents,
    unitListPriceCents: priceCents,
    priceSource: 'LIST',
    priceLabel: null,
    memberUnitPriceCents: Math.min(priceCents, memberPriceCents ?? priceCents),
    memberDayOnly: null,
    ...patch,
  }
}
