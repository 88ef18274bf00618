import Taro from '@tarojs/taro'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import SubscribePrompt from '@/components/SubscribePrompt'
import PaySuccessPage from '@/order/pages/pay-success'
import { orderDetail } from './fixtures'
import { setRouterParams } from './mocks/taro'
import { reply, requests, routeRequests, type FakeRequest } from './helpers'

const SHIP = { kind: 'ORDER_SHIPPED', templateId: 'tmpl-ship', title: '订单发货通知' }
const CARD = { kind: 'CARD_EXPIRING', templateId: 'tmpl-card', title: '会员卡即将到期提醒' }

/** The server's two routes: the scene's templates, and the consents (echoing a credit per accept). */
function server(templates: (typeof SHIP)[]) {
  const consents: Record<string, string>[] = []
  const scenes: string[] = []
  routeRequests({
    'GET /api/subscriptions/templates': (_, q) => {
      scenes.push(q.get('scene') ?? '')
      return reply(200, { scene: q.get('scene'), templates })
    },
    'POST /api/subscriptions/consents': (req: FakeRequest) => {
      const { results } = req.data as { results: Record<string, string> }
      consents.push(results)
      return reply(200, { credits: Object.fromEntries(Object.entries(results).map(([id, a]) => [id, a === 'accept' ? 1 : 0])) })
    },
    'GET /api/orders/501': () => reply(200, orderDetail({ id: 501, status: 'PAID' })),
  })
  return { consents, scenes }
}

const button = (c: HTMLElement) => c.querySelector('.subscribe-prompt-button') as HTMLElement

describe('subscription consent', () => {
  it('H5: asks only on a tap, in a dialog listing the templates; 允许 records an accept per template', async () => {
    const s = server([{ ...SHIP, kind: 'MEMBER_DAY_TOMORROW', templateId: 'tmpl-md', title: '会员日明日开始提醒' }, CARD])
    const { container } = render(<SubscribePrompt scene='member-day' text='会员日前一天提醒我' />)
    await waitFor(() => expect(button(container)).not.toBeNull())
    expect(s.scenes).toEqual(['member-day'])
    expect(container.querySelector('.subscribe-dialog')).toBeNull() // never by itself
    expect(s.consents).toEqual([])

    fireEvent.click(button(container))
    const items = [...container.querySelectorAll('.subscribe-dialog-item')].map((e) => e.textContent)
    expect(items).toEqual(['· 会员日明日开始提醒', '· 会员卡即将到期提醒'])
    fireEvent.click(container.querySelector('.subscribe-dialog-accept')!)
    await waitFor(() => expect(s.consents).toEqual([{ 'tmpl-md': 'accept', 'tmpl-card': 'accept' }]))
    await waitFor(() => expect(container.querySelector('.subscribe-prompt-text')!.textContent).toBe('已订阅，到时会通过微信通知你'))
    expect(container.querySelector('.subscribe-dialog')).toBeNull()
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '订阅成功', icon: 'none' })
  })

  it('H5: 取消 records the refusals and keeps offering', async () => {
    const s = server([SHIP])
    const { container } = render(<SubscribePrompt scene='after-order' text='发货时通知我' />)
    await waitFor(() => expect(button(container)).not.toBeNull())
    fireEvent.click(button(container))
    fireEvent.click(container.querySelector('.subscribe-dialog-reject')!)
    await waitFor(() => expect(s.consents).toEqual([{ 'tmpl-ship': 'reject' }]))
    expect(container.querySelector('.subscribe-prompt-text')!.textContent).toBe('发货时通知我')
  })

  it('shows nothing when the store enabled no template for the moment, or the templates do not load', async () => {
    const s = server([])
    const { container } = render(<SubscribePrompt scene='check-in' text='提醒我签到' />)
    await waitFor(() => expect(s.scenes).toEqual(['check-in']))
    expect(container.querySelector('.subscribe-prompt')).toBeNull()
    routeRequests({})
    const other = render(<SubscribePrompt scene='check-in' text='提醒我签到' />)
    await waitFor(() => expect(requests().length).toBeGreaterThan(1))
    expect(other.container.querySelector('.subscribe-prompt')).toBeNull()
  })

  it("weapp: WeChat's own sheet on the tap; its answers (not errMsg) are recorded", async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    const s = server([SHIP, CARD])
    vi.mocked(Taro.requestSubscribeMessage).mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-ship': 'accept', 'tmpl-card': 'reject' } as never)
    const { container } = render(<SubscribePrompt scene='member-day' text='提醒我' />)
    await waitFor(() => expect(button(container)).not.toBeNull())
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()
    fireEvent.click(button(container))
    expect(container.querySelector('.subscribe-dialog')).toBeNull()
    await waitFor(() => expect(s.consents).toEqual([{ 'tmpl-ship': 'accept', 'tmpl-card': 'reject' }]))
    expect(vi.mocked(Taro.requestSubscribeMessage).mock.calls[0][0]).toMatchObject({ tmplIds: ['tmpl-ship', 'tmpl-card'] })
  })

  it('weapp: a sheet that fails (subscriptions turned off) records nothing', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    const s = server([SHIP])
    vi.mocked(Taro.requestSubscribeMessage).mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 } as never)
    const { container } = render(<SubscribePrompt scene='after-order' text='提醒我' />)
    await waitFor(() => expect(button(container)).not.toBeNull())
    fireEvent.click(button(container))
    await waitFor(() => expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1))
    await new Promise((r) => setTimeout(r, 20))
    expect(s.consents).toEqual([])
  })

  it('the pay-success page offers the shipping message after a goods order', async () => {
    const s = server([SHIP])
    setRouterParams({ id: '501' })
    const { container } = render(<PaySuccessPage />)
    await waitFor(() => expect(button(container)).not.toBeNull())
    expect(s.scenes).toEqual(['after-order'])
    expect(container.querySelector('.subscribe-prompt-text')!.textContent).toBe('发货时通过微信通知我')
  })
})
