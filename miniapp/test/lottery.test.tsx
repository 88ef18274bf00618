import Taro from '@tarojs/taro'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import PointsCenterPage from '@/points/pages/index'
import LotteryPage from '@/points/pages/lottery'
import { landingAngle } from '@/services/lottery'
import { reply, requests, routeRequests } from './helpers'

const text = (c: HTMLElement, sel: string) => c.querySelector(sel)?.textContent
const WHEEL = {
  costPoints: 10,
  drawsLeftToday: 2,
  prizes: [
    { id: 1, name: '5 积分', kind: 'POINTS' },
    { id: 2, name: '满 100 减 15 券', kind: 'COUPON' },
    { id: 3, name: '100 积分', kind: 'POINTS' },
    { id: 4, name: '谢谢参与', kind: 'NONE' },
  ],
}
const draws = () => requests().filter((r) => r.method === 'POST' && r.url === '/api/lottery/draw')
const rotation = (c: HTMLElement) => Number(/rotate\(([-\d.]+)deg\)/.exec((c.querySelector('.lottery-wheel') as HTMLElement).style.transform)![1])

function open(draw: () => unknown) {
  routeRequests({
    'GET /api/lottery': () => reply(200, WHEEL),
    'GET /api/points/summary': () => reply(200, { balance: 120, expiring: null }),
    'POST /api/lottery/draw': draw,
  })
  return render(<LotteryPage />)
}

describe('积分抽奖 (mini-program)', () => {
  it('the landing angle puts the middle of the drawn sector under the pointer, always turning forward', () => {
    for (const [from, index, count] of [[0, 0, 4], [1000, 2, 4], [37, 5, 6], [-90, 1, 3]]) {
      const to = landingAngle(from, index, count)
      expect(to).toBeGreaterThan(from + 360)
      const middle = (index + 0.5) * (360 / count)
      expect((((to + middle) % 360) + 360) % 360).toBeCloseTo(0)
    }
  })

  it('积分中心 opens the wheel', async () => {
    routeRequests({
      'GET /api/points/check-in/calendar': () =>
        reply(200, { month: '2026-11', today: '2026-11-18', checkedInToday: false, streak: 0, days: [], nextMilestone: null, rules: { dailyPoints: 5, milestones: [], makeUpEnabled: false, makeUpCostPoints: 0 } }),
    })
    const { container } = render(<PointsCenterPage />)
    await waitFor(() => expect(container.querySelector('.lottery-entry')).not.toBeNull())
    fireEvent.click(container.querySelector('.lottery-entry')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/points/pages/lottery/index' })
  })

  it('shows the cost, draws left and prizes; a spin lands on the server prize, then shows it and the new balance', async () => {
    const { container } = open(() => reply(200, { prize: { id: 3, name: '100 积分', kind: 'POINTS', points: 100 }, balance: 210 }))
    await waitFor(() => expect(text(container, '.lottery-cost')).toBe('每次消耗 10 积分'))
    expect(text(container, '.lottery-left')).toBe('今日还可抽 2 次')
    expect(text(container, '.lottery-balance')).toBe('我的积分 120')
    expect([...container.querySelectorAll('.lottery-prize-name')].map((e) => e.textContent)).toEqual(['5 积分', '满 100 减 15 券', '100 积分', '谢谢参与'])

    fireEvent.click(container.querySelector('.lottery-go')!)
    await waitFor(() => expect(text(container, '.lottery-left')).toBe('今日还可抽 1 次'))
    expect(rotation(container)).toBe(landingAngle(0, 2, 4))
    // a second tap while the wheel turns draws nothing
    fireEvent.click(container.querySelector('.lottery-go')!)
    expect(container.querySelector('.lottery-result')).toBeNull()
    fireEvent.transitionEnd(container.querySelector('.lottery-wheel')!)
    await waitFor(() => expect(text(container, '.lottery-result-title')).toBe('恭喜抽中 100 积分'))
    expect(text(container, '.lottery-result-sub')).toBe('+100 积分已到账')
    expect(text(container, '.lottery-balance')).toBe('我的积分 210')
    expect(draws()).toHaveLength(1)
  })

  it('a refused draw (points short) says why and does not spin', async () => {
    const { container } = open(() => reply(409, { error: { code: 'INSUFFICIENT_POINTS', message: '积分不足：可用 5，需要 10' } }))
    await waitFor(() => expect(container.querySelector('.lottery-go')).not.toBeNull())
    fireEvent.click(container.querySelector('.lottery-go')!)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '积分不足：可用 5，需要 10', icon: 'none' }))
    expect(rotation(container)).toBe(0)
    expect(container.querySelector('.lottery-result')).toBeNull()
  })
})
