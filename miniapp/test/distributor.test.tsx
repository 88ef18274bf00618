import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { CommissionView, WithdrawalView } from '@mc/shared'
import DistributorCenterPage from '@/distributor/pages/index'
import CommissionsPage from '@/distributor/pages/commissions'
import CustomersPage from '@/distributor/pages/customers'
import PosterPage from '@/distributor/pages/poster'
import WithdrawPage from '@/distributor/pages/withdraw'
import MePage from '@/pages/me'
import { fire, setRouterParams } from './mocks/taro'
import { distributorMe } from './fixtures'
import { reply, requests, routeRequests, type FakeRequest } from './helpers'

const toasts = () => vi.mocked(Taro.showToast).mock.calls.map((c) => (c[0] as { title: string }).title)
const callsTo = (method: string, path: string) => requests().filter((r) => (r.method ?? 'GET') === method && new URL(r.url, 'http://x').pathname === path)
const type = (el: Element, value: string) => fireEvent.change(el, { target: { value } })
const click = (el: Element | null) => fireEvent.click(el as Element)

describe('推广中心', () => {
  it('is opened from 我的', () => {
    const { container } = render(<MePage />)
    click(container.querySelector('.entry-distributor'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/distributor/pages/index/index' })
  })

  it('not applied: what distributors get and the apply form; an empty or too long reason is refused, then it applies', async () => {
    routeRequests({
      'GET /api/distributors/me': () => reply(200, distributorMe('NONE')),
      'POST /api/distributors/apply': (req) => reply(200, distributorMe('PENDING', { reason: (req.data as { reason: string }).reason })),
    })
    const { container } = render(<DistributorCenterPage />)
    expect(await screen.findByText('成为推广员')).toBeTruthy()
    expect(screen.getByText(/¥1.00 起提/)).toBeTruthy()

    click(container.querySelector('.dist-apply-submit'))
    expect(toasts()).toContain('请填写申请理由')
    type(container.querySelector('.dist-apply-reason')!, '好'.repeat(201))
    expect(container.querySelector('.dist-apply-count')?.textContent).toBe('201/200')
    click(container.querySelector('.dist-apply-submit'))
    expect(toasts()).toContain('申请理由最多 200 字')
    expect(callsTo('POST', '/api/distributors/apply')).toHaveLength(0)

    type(container.querySelector('.dist-apply-reason')!, '  我在小区团购群里很活跃  ')
    click(container.querySelector('.dist-apply-submit'))
    click(container.querySelector('.dist-apply-submit')) // a double tap sends once
    expect(await screen.findByText('申请审核中')).toBeTruthy()
    expect(callsTo('POST', '/api/distributors/apply').map((r) => r.data)).toEqual([{ reason: '我在小区团购群里很活跃' }])
    expect(screen.getByText('申请理由：我在小区团购群里很活跃')).toBeTruthy()
  })

  it('shows the server’s refusal of an application and keeps the form', async () => {
    routeRequests({
      'GET /api/distributors/me': () => reply(200, distributorMe('NONE')),
      'POST /api/distributors/apply': () => reply(409, { error: { code: 'INVALID_STATE', message: '已提交过申请' } }),
    })
    const { container } = render(<DistributorCenterPage />)
    await screen.findByText('成为推广员')
    type(container.querySelector('.dist-apply-reason')!, '想试试')
    click(container.querySelector('.dist-apply-submit'))
    await waitFor(() => expect(toasts()).toContain('已提交过申请'))
    expect((container.querySelector('.dist-apply-reason') as HTMLTextAreaElement).value).toBe('想试试')
  })

  it('pending: waiting, no form', async () => {
    routeRequests({ 'GET /api/distributors/me': () => reply(200, distributorMe('PENDING')) })
    const { container } = render(<DistributorCenterPage />)
    expect(await screen.findByText('申请审核中')).toBeTruthy()
    expect(container.querySelector('.dist-apply')).toBeNull()
  })

  it('rejected: the reason, and applying again with the last reason filled in', async () => {
    routeRequests({
      'GET /api/distributors/me': () => reply(200, distributorMe('REJECTED')),
      'POST /api/distributors/apply': () => reply(200, distributorMe('PENDING')),
    })
    const { container } = render(<DistributorCenterPage />)
    expect(await screen.findByText('申请未通过')).toBeTruthy()
    expect(screen.getByText('原因：资料不完整')).toBeTruthy()
    expect((container.querySelector('.dist-apply-reason') as HTMLTextAreaElement).value).toBe('我常在朋友圈分享好物')
    click(screen.getByText('重新申请'))
    expect(await screen.findByText('申请审核中')).toBeTruthy()
    expect(callsTo('POST', '/api/distributors/apply')[0].data).toEqual({ reason: '我常在朋友圈分享好物' })
  })

  it('disabled: said plainly, no form and no money', async () => {
    routeRequests({ 'GET /api/distributors/me': () => reply(200, distributorMe('DISABLED')) })
    const { container } = render(<DistributorCenterPage />)
    expect(await screen.findByText('推广资格已停用')).toBeTruthy()
    expect(container.querySelector('.dist-apply')).toBeNull()
    expect(container.querySelector('.dist-earnings')).toBeNull()
  })

  it('approved: ref code, earnings, stats and rank, and the entries', async () => {
    routeRequests({ 'GET /api/distributors/me': () => reply(200, distributorMe('APPROVED', { isGuide: true })) })
    const { container } = render(<DistributorCenterPage />)
    expect(await screen.findByText('KOC888')).toBeTruthy()
    expect(screen.getByText('导购')).toBeTruthy()
    const text = (sel: string) => container.querySelector(`${sel} .dist-cell-value`)?.textContent
    expect(container.querySelector('.dist-available-value')?.textContent).toBe('¥50.00')
    expect(text('.dist-pending-cents')).toBe('¥12.50')
    expect(text('.dist-frozen-cents')).toBe('¥8.00')
    expect(text('.dist-withdrawn-cents')).toBe('¥200.00')
    expect(container.querySelector('.dist-owed')).toBeNull()
    expect(text('.dist-visits')).toBe('321')
    expect(text('.dist-bound')).toBe('17')
    expect(text('.dist-orders')).toBe('9')
    expect(text('.dist-paid')).toBe('¥1234.56')
    expect(text('.dist-rank')).toBe('第 3 名')

    for (const [cls, url] of [
      ['.entry-commissions', '/distributor/pages/commissions/index'],
      ['.entry-withdrawals', '/distributor/pages/withdraw/index'],
      ['.entry-customers', '/distributor/pages/customers/index'],
      ['.entry-poster', '/distributor/pages/poster/index'],
      ['.dist-withdraw', '/distributor/pages/withdraw/index'],
    ]) {
      click(container.querySelector(cls))
      expect(vi.mocked(Taro.navigateTo).mock.lastCall?.[0]).toEqual({ url })
    }
  })

  it('approved with a refund shortfall: the owed amount is shown; no sales this month: no rank', async () => {
    routeRequests({
      'GET /api/distributors/me': () =>
        reply(200, distributorMe('APPROVED', { balances: { pendingCents: 0, availableCents: 0, frozenCents: 0, withdrawnCents: 1000, owedCents: 350 }, stats: { visits: 1, boundCustomers: 0, orders: 0, paidCents: 0, monthRank: null } })),
    })
    const { container } = render(<DistributorCenterPage />)
    expect(await screen.findByText('退款扣回佣金 ¥3.50 尚未抵扣，将从之后的佣金中扣除')).toBeTruthy()
    expect(container.querySelector('.dist-rank .dist-cell-value')?.textContent).toBe('暂无')
  })

  it('a failed load offers a retry', async () => {
    let fail = true
    routeRequests({ 'GET /api/distributors/me': () => (fail ? reply(500, { error: { code: 'INTERNAL_ERROR', message: 'x' } }) : reply(200, distributorMe('PENDING'))) })
    render(<DistributorCenterPage />)
    const retry = await screen.findByText('点击重试')
    fail = false
    click(retry)
    expect(await screen.findByText('申请审核中')).toBeTruthy()
  })
})

function commission(id: number, patch: Partial<CommissionView> = {}): CommissionView {
  return { id, orderId: 100 + id, orderNo: `O2026120100${id}`, level: 1, baseCents: 10000, amountCents: 1000, status: 'PENDING', buyerNickname: '小王', createdAt: '2026-12-01T02:00:00.000Z', settledAt: null, ...patch }
}

describe('佣金明细', () => {
  it('lists by status tab, page by page', async () => {
    routeRequests({
      'GET /api/distributors/me/commissions': (_r: FakeRequest, q: URLSearchParams) => {
        const page = Number(q.get('page'))
        const status = q.get('status')
        const all = Array.from({ length: 25 }, (_, i) => commission(i + 1, i === 0 ? { level: 2, status: 'SETTLED', settledAt: '2026-12-09T02:00:00.000Z' } : {}))
        const items = status ? all.filter((c) => c.status === status) : all
        return reply(200, { items: items.slice((page - 1) * 20, page * 20), total: items.length })
      },
    })
    const { container } = render(<CommissionsPage />)
    await waitFor(() => expect(container.querySelectorAll('.commission-row')).toHaveLength(20))
    const first = container.querySelector('.commission-row')!
    expect(first.textContent).toContain('订单 O20261201001')
    expect(first.textContent).toContain('小王 · 二级佣金 · 实付 ¥100.00')
    expect(first.textContent).toContain('¥10.00')
    expect(first.textContent).toContain('已结算')
    act(() => fire.reachBottom())
    await waitFor(() => expect(container.querySelectorAll('.commission-row')).toHaveLength(25))
    expect(screen.getByText('— 没有更多了 —')).toBeTruthy()

    click(container.querySelector('.commission-tab-settled'))
    await waitFor(() => expect(container.querySelectorAll('.commission-row')).toHaveLength(1))
    click(container.querySelector('.commission-tab-cancelled'))
    expect(await screen.findByText('暂无佣金记录，分享商品给好友试试吧')).toBeTruthy()
    expect(requests().map((r) => r.url)).toEqual([
      '/api/distributors/me/commissions?page=1&pageSize=20',
      '/api/distributors/me/commissions?page=2&pageSize=20',
      '/api/distributors/me/commissions?status=SETTLED&page=1&pageSize=20',
      '/api/distributors/me/commissions?status=CANCELLED&page=1&pageSize=20',
    ])
  })
})

function withdrawal(id: number, patch: Partial<WithdrawalView> = {}): WithdrawalView {
  return { id, amountCents: 2000, status: 'PENDING', createdAt: '2026-12-02T02:00:00.000Z', reviewedAt: null, paidAt: null, failReason: null, ...patch }
}

describe('提现', () => {
  function server(create: (req: FakeRequest) => unknown = () => reply(201, withdrawal(9, { amountCents: 1250 }))) {
    const history = [withdrawal(1, { status: 'PAID', paidAt: '2026-12-03T02:00:00.000Z' }), withdrawal(2, { status: 'REJECTED', failReason: '信息有误' }), withdrawal(3, { status: 'FAILED', failReason: '微信零钱未实名' })]
    routeRequests({
      'GET /api/distributors/me': () => reply(200, distributorMe('APPROVED')),
      'GET /api/distributors/me/withdrawals': () => reply(200, { items: history, total: history.length }),
      'POST /api/distributors/me/withdrawals': create,
    })
  }
  const posts = () => callsTo('POST', '/api/distributors/me/withdrawals')
  const input = (c: HTMLElement) => c.querySelector('.withdraw-amount') as HTMLInputElement
  const problem = (c: HTMLElement) => c.querySelector('.withdraw-problem')?.textContent

  it('shows the history with statuses and reasons', async () => {
    server()
    const { container } = render(<WithdrawPage />)
    await waitFor(() => expect(container.querySelectorAll('.withdrawal-row')).toHaveLength(3))
    expect(container.querySelector('.withdrawal-status-paid')?.textContent).toBe('已到账')
    expect(container.querySelector('.withdrawal-status-rejected')?.textContent).toBe('已拒绝')
    expect(screen.getByText('原因：信息有误')).toBeTruthy()
    expect(screen.getByText('原因：微信零钱未实名')).toBeTruthy()
    expect(screen.getByText('可提现 ¥50.00 · 最低 ¥1.00 · 单日最多 ¥5000.00')).toBeTruthy()
  })

  it('refuses an amount below the minimum, above the balance or badly typed, leaving it as typed', async () => {
    server()
    const { container } = render(<WithdrawPage />)
    await screen.findByText(/可提现 ¥/)
    for (const [typed, message] of [
      ['', '请输入提现金额'],
      ['0.99', '最低提现 ¥1.00'],
      ['50.01', '超出可提现余额 ¥50.00'],
      ['1.234', '请输入正确的金额，最多两位小数'],
      ['-3', '请输入正确的金额，最多两位小数'],
    ]) {
      type(input(container), typed)
      click(container.querySelector('.withdraw-submit'))
      expect(problem(container)).toBe(message)
      expect(input(container).value).toBe(typed)
    }
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(posts()).toHaveLength(0)
  })

  it('refuses more than the daily cap', async () => {
    routeRequests({ 'GET /api/distributors/me': () => reply(200, distributorMe('APPROVED', { withdrawalRules: { minCents: 100, dailyCapCents: 2000 } })), 'GET /api/distributors/me/withdrawals': () => reply(200, { items: [], total: 0 }) })
    const { container } = render(<WithdrawPage />)
    await screen.findByText(/可提现 ¥/)
    expect(await screen.findByText('暂无提现记录')).toBeTruthy()
    type(input(container), '20.01')
    click(container.querySelector('.withdraw-submit'))
    expect(problem(container)).toBe('单日最多提现 ¥20.00')
  })

  it('confirms, then asks once with an Idempotency-Key, clears the field and reloads', async () => {
    server()
    const { container } = render(<WithdrawPage />)
    await screen.findByText(/可提现 ¥/)
    type(input(container), '12.5')
    click(container.querySelector('.withdraw-submit'))
    click(container.querySelector('.withdraw-submit'))
    await waitFor(() => expect(toasts()).toContain('已提交，等待审核'))
    expect(vi.mocked(Taro.showModal).mock.calls[0][0]).toMatchObject({ content: expect.stringContaining('¥12.50') })
    expect(posts()).toHaveLength(1)
    expect(posts()[0].data).toEqual({ amountCents: 1250 })
    expect(posts()[0].header?.['Idempotency-Key']).toMatch(/^withdraw-/)
    expect(input(container).value).toBe('')
    expect(callsTo('GET', '/api/distributors/me/withdrawals')).toHaveLength(2)
  })

  it('sends nothing when the confirmation is cancelled', async () => {
    server()
    vi.mocked(Taro.showModal).mockResolvedValue({ confirm: false, cancel: true } as never)
    const { container } = render(<WithdrawPage />)
    await screen.findByText(/可提现 ¥/)
    type(input(container), '5')
    click(container.querySelector('.withdraw-submit'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(posts()).toHaveLength(0)
  })

  it('retries an unanswered attempt with the same key; a new amount or a refusal starts a new key', async () => {
    let answer = () => reply(502, 'Bad Gateway')
    server(() => answer())
    const { container } = render(<WithdrawPage />)
    await screen.findByText(/可提现 ¥/)
    const submit = async (amount: string, n: number) => {
      type(input(container), amount)
      click(container.querySelector('.withdraw-submit'))
      await waitFor(() => expect(posts()).toHaveLength(n))
      await waitFor(() => expect(container.querySelector('.withdraw-submit')?.className).not.toContain('disabled'))
    }
    const keys = () => posts().map((r) => r.header?.['Idempotency-Key'])
    await submit('10', 1)
    expect(problem(container)).toBe('服务器开小差了，请稍后再试')
    await submit('10', 2)
    expect(keys()[1]).toBe(keys()[0])
    await submit('11', 3)
    expect(keys()[2]).not.toBe(keys()[1])
    answer = () => reply(409, { error: { code: 'LIMIT_EXCEEDED', message: '今日提现已达上限' } })
    await submit('11', 4)
    expect(keys()[3]).toBe(keys()[2])
    expect(problem(container)).toBe('今日提现已达上限')
    await submit('11', 5)
    expect(keys()[4]).not.toBe(keys()[3])
  })

  it('is only for approved distributors', async () => {
    routeRequests({ 'GET /api/distributors/me': () => reply(200, distributorMe('PENDING')), 'GET /api/distributors/me/withdrawals': () => reply(200, { items: [], total: 0 }) })
    const { container } = render(<WithdrawPage />)
    expect(await screen.findByText('成为推广员后才能提现')).toBeTruthy()
    expect(container.querySelector('.withdraw-form')).toBeNull()
  })
})

describe('我的客户', () => {
  it('lists the bound customers with what they bought', async () => {
    routeRequests({
      'GET /api/distributors/me/customers': () =>
        reply(200, {
          items: [
            { customerId: 31, nickname: '阿花', avatarUrl: null, boundAt: '2026-11-01T02:00:00.000Z', expiresAt: '2026-12-01T02:00:00.000Z', orders: 2, paidCents: 15800 },
            { customerId: 32, nickname: '', avatarUrl: '/api/media/a.png', boundAt: '2026-11-02T02:00:00.000Z', expiresAt: '2026-12-02T02:00:00.000Z', orders: 0, paidCents: 0 },
          ],
          total: 2,
        }),
    })
    const { container } = render(<CustomersPage />)
    await waitFor(() => expect(container.querySelectorAll('.customer-row')).toHaveLength(2))
    expect(screen.getByText('共 2 位客户')).toBeTruthy()
    expect(screen.getByText('阿花')).toBeTruthy()
    expect(screen.getByText('微信用户')).toBeTruthy()
    expect(screen.getByText('¥158.00')).toBeTruthy()
    expect(screen.getByText('2 单')).toBeTruthy()
    expect(requests()[0].url).toBe('/api/distributors/me/customers?page=1&pageSize=20')
  })

  it('says so when there are none', async () => {
    routeRequests({ 'GET /api/distributors/me/customers': () => reply(200, { items: [], total: 0 }) })
    render(<CustomersPage />)
    expect(await screen.findByText(/还没有绑定的客户/)).toBeTruthy()
  })
})

describe('推广海报', () => {
  const PAYLOAD = { path: '/pages/product/index?id=12&ref=KOC888', title: '纯棉短袖', refCode: 'KOC888', sceneCode: 'Sc0001', posterUrl: '/api/share/posters/Sc0001.png' }
  function server() {
    routeRequests({ 'GET /api/distributors/me/share': () => reply(200, PAYLOAD) })
  }

  it('H5: shows the poster of the product, with a download and the link to copy', async () => {
    server()
    setRouterParams({ productId: '12' })
    const { container } = render(<PosterPage />)
    await waitFor(() => expect(container.querySelector('.poster-image')?.getAttribute('src')).toBe('/api/share/posters/Sc0001.png'))
    expect(requests()[0].url).toBe('/api/distributors/me/share?productId=12')
    expect(screen.getByText('下载海报')).toBeTruthy()
    expect(screen.getByText(/长按图片保存/)).toBeTruthy()
    const clickSpy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    click(container.querySelector('.poster-save'))
    expect(clickSpy).toHaveBeenCalledTimes(1)
    expect((clickSpy.mock.contexts[0] as HTMLAnchorElement).getAttribute('href')).toBe('/api/share/posters/Sc0001.png')
    clickSpy.mockRestore()
    click(container.querySelector('.poster-share'))
    await waitFor(() => expect(toasts()).toContain('链接已复制，发给好友吧'))
  })

  it('WeChat: downloads the PNG and saves it to the album; the share button shares the ref path', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    vi.stubEnv('TARO_APP_API', 'https://api.shop.test')
    server()
    setRouterParams({ page: 'card' })
    vi.mocked(Taro.downloadFile).mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/poster.png' } as never)
    vi.mocked(Taro.saveImageToPhotosAlbum).mockResolvedValue({ errMsg: 'saveImageToPhotosAlbum:ok' } as never)
    const { container } = render(<PosterPage />)
    await waitFor(() => expect(container.querySelector('.poster-image')).toBeTruthy())
    expect(requests()[0].url).toContain('/api/distributors/me/share?page=card')
    expect(container.querySelector('.poster-share')?.getAttribute('data-open-type')).toBe('share')
    click(container.querySelector('.poster-save'))
    await waitFor(() => expect(toasts()).toContain('已保存到相册'))
    expect(vi.mocked(Taro.saveImageToPhotosAlbum).mock.calls[0][0]).toEqual({ filePath: 'wxfile://tmp/poster.png' })
  })

  it('WeChat: a refused album permission leads to the settings', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    server()
    vi.mocked(Taro.downloadFile).mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/p.png' } as never)
    vi.mocked(Taro.saveImageToPhotosAlbum).mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })
    const { container } = render(<PosterPage />)
    await waitFor(() => expect(container.querySelector('.poster-image')).toBeTruthy())
    click(container.querySelector('.poster-save'))
    await waitFor(() => expect(Taro.openSetting).toHaveBeenCalled())
    expect(vi.mocked(Taro.showModal).mock.calls[0][0]).toMatchObject({ title: '需要相册权限' })
  })

  it('shows why there is no poster (not a distributor)', async () => {
    routeRequests({ 'GET /api/distributors/me/share': () => reply(403, { error: { code: 'FORBIDDEN', message: '仅推广员可以生成海报' } }) })
    render(<PosterPage />)
    expect(await screen.findByText('仅推广员可以生成海报')).toBeTruthy()
    expect(requests()[0].url).toBe('/api/distributors/me/share')
  })
})
