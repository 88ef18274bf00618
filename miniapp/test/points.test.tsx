import Taro from '@tarojs/taro'
import { act, render, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import PointsLedgerPage from '@/member/pages/points'
import MePage from '@/pages/me'
import type { PointsLedgerEntry } from '@/services/points'
import { updateSession } from '@/stores/session'
import { fire } from './mocks/taro'
import { reply, requests, routeRequests } from './helpers'

const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent
const texts = (c: HTMLElement, sel: string) => [...c.querySelectorAll(sel)].map((e) => e.textContent)

const ME = { id: 1, nickname: '小明', isMember: true, memberUntil: null, tier: null, nextTier: null, growth: 0, pointsBalance: 367 }

function entry(id: number, patch: Partial<PointsLedgerEntry> = {}): PointsLedgerEntry {
  return { id, kind: 'EARN', delta: 10, balanceAfter: 10, orderId: 100 + id, memo: `订单 MC${id} 完成`, createdAt: '2026-11-23T02:00:00.000Z', ...patch }
}

afterEach(() => vi.restoreAllMocks())

describe('PointsLedgerPage', () => {
  it('shows the balance and the entries newest first, with kind labels and signed amounts, and pages on reach-bottom', async () => {
    const all = [
      entry(25, { kind: 'GIFT', delta: 200, balanceAfter: 367, orderId: null, memo: '2026 年会员生日礼' }),
      entry(24, { kind: 'REVERSE', delta: -33, balanceAfter: 167, memo: '退款 R1，扣回订单 MC1 所得积分' }),
      entry(23, { kind: 'REVERSE', delta: 50, balanceAfter: 200, memo: '订单 MC2 已取消，退还抵扣的积分' }),
      entry(22, { kind: 'SPEND', delta: -50, balanceAfter: 150, memo: '订单 MC2 抵扣 0.50 元' }),
      ...Array.from({ length: 18 }, (_, i) => entry(21 - i)),
    ]
    routeRequests({
      'GET /api/me': () => reply(200, ME),
      'GET /api/points/ledger': (_req, q) => {
        const page = Number(q.get('page'))
        const size = Number(q.get('pageSize'))
        return reply(200, { items: all.slice((page - 1) * size, page * size), total: all.length })
      },
    })
    const { container } = render(<PointsLedgerPage />)
    await waitFor(() => expect(container.querySelectorAll('.points-entry')).toHaveLength(20))
    await waitFor(() => expect(text(container, '.points-balance')).toBe('367'))
    expect(texts(container, '.points-entry-kind').slice(0, 5)).toEqual(['赠送积分', '退款扣回', '抵扣退还', '积分抵扣', '购物获得'])
    expect(texts(container, '.points-entry-delta').slice(0, 5)).toEqual(['+200', '-33', '+50', '-50', '+10'])
    expect(text(container, '.points-entry-memo')).toBe('2026 年会员生日礼')
    expect(text(container, '.points-footer')).toBe('上拉加载更多')

    act(() => fire.reachBottom())
    await waitFor(() => expect(container.querySelectorAll('.points-entry')).toHaveLength(22))
    expect(text(container, '.points-footer')).toBe('— 没有更多了 —')
    expect(requests().filter((r) => r.url.includes('/api/points/ledger')).map((r) => new URL(r.url, 'http://x').searchParams.get('page'))).toEqual(['1', '2'])
  })

  it('says so when there is nothing yet, and explains a negative balance', async () => {
    routeRequests({
      'GET /api/me': () => reply(200, { ...ME, pointsBalance: -150 }),
      'GET /api/points/ledger': () => reply(200, { items: [], total: 0 }),
    })
    const { container } = render(<PointsLedgerPage />)
    await waitFor(() => expect(container.textContent).toContain('还没有积分记录'))
    await waitFor(() => expect(text(container, '.points-balance')).toBe('-150'))
    expect(text(container, '.points-hero-note')).toContain('之后获得的积分会先抵扣')
  })

  it('shows a failed load with a retry', async () => {
    let fail = true
    routeRequests({
      'GET /api/me': () => reply(200, ME),
      'GET /api/points/ledger': () => (fail ? reply(500, { error: { code: 'INTERNAL_ERROR', message: '服务器开小差了' } }) : reply(200, { items: [entry(1)], total: 1 })),
    })
    const { container } = render(<PointsLedgerPage />)
    await waitFor(() => expect(container.querySelector('.list-error')).not.toBeNull())
    fail = false
    act(() => (container.querySelector('.list-error') as HTMLElement).click())
    await waitFor(() => expect(container.querySelectorAll('.points-entry')).toHaveLength(1))
  })
})

describe('MePage points', () => {
  it('opens the points ledger from the balance', async () => {
    updateSession({ user: ME, status: 'ready', error: null })
    routeRequests({ 'GET /api/me': () => reply(200, ME) })
    const { container } = render(<MePage />)
    expect(text(container, '.me-points .me-stat-value')).toBe('367')
    act(() => (container.querySelector('.me-points') as HTMLElement).click())
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/pages/points/index' })
  })
})
