import Taro from '@tarojs/taro'
import type { Id } from './catalog'
import { prepay } from './order'
import { ApiError } from './request'
import { h5AbsoluteUrl, paySuccessUrl } from '@/utils/nav'

/**
 * - paid: nothing to pay (0 fen) or WeChat reported success;
 * - cancelled: the customer closed WeChat's cashier (the order stays 待付款);
 * - redirected: H5 with the WeChat simulator: the browser is going to its cashier page;
 * - unsupported: H5 without the simulator: paying needs WeChat.
 */
export type PayOutcome = 'paid' | 'cancelled' | 'redirected' | 'unsupported'

/** Leaves the app for another URL (a seam for tests; jsdom cannot navigate). */
export const browser = {
  go(url: string): void {
    window.location.href = url
  },
}

export interface PayOptions {
  /**
   * H5 with the simulator: the page (path + query) the cashier sends the browser back to after
   * paying; default: the order's pay-success page, where WeChat's own cashier leads in weapp.
   */
  returnPage?: string
}

/** Pays an unpaid order: `POST /api/orders/:id/pay`, then WeChat's cashier (or the simulator's in H5). */
export async function payForOrder(orderId: Id, options: PayOptions = {}): Promise<PayOutcome> {
  const res = await prepay(orderId)
  if (res.paid) return 'paid'
  // Pitfall P2: Taro's H5 requestPayment is a stub that "succeeds"; only WeChat really pays.
  if (process.env.TARO_ENV === 'weapp') {
    try {
      await Taro.requestPayment({ ...res.params })
      return 'paid'
    } catch (e) {
      const errMsg = (e as { errMsg?: string } | undefined)?.errMsg ?? ''
      if (/cancel/i.test(errMsg)) return 'cancelled'
      throw new ApiError(0, 'PAYMENT_ERROR', '支付失败，请稍后重试', errMsg)
    }
  }
  if (res.simulatorPayUrl && typeof window !== 'undefined') {
    const back = h5AbsoluteUrl(options.returnPage ?? paySuccessUrl(orderId))
    browser.go(`${res.simulatorPayUrl}&redirect=${encodeURIComponent(back)}`)
    return 'redirected'
  }
  return 'unsupported'
}
