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

export function product(id: number, patch: Partial<ProductListItem> = {}): ProductListItem {
  return {
    id,
    title: `商品${id}`,
    subtitle: '',
    coverUrl: `/api/media/placeholder/p${id}.svg`,
    categoryId: 1,
    memberOnly: false,
    priceCents: 1990,
    memberPriceCents: 1790,
    ...patch,
  }
}
