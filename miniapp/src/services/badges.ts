import Taro from '@tarojs/taro'
import type { CustomerBadges } from '@mc/shared'
import { get } from './request'

export type { CustomerBadges } from '@mc/shared'

/** The cart's position in app.config.ts's tabBar list. */
export const CART_TAB_INDEX = 2

/** `GET /api/badges`: the counts on the 我的 order icons and the cart tab, in one small request. */
export function getBadges(): Promise<CustomerBadges> {
  return get<CustomerBadges>('/api/badges')
}

/** A badge's text: nothing for 0, 99+ past 99. */
export const badgeText = (n: number): string => (n <= 0 ? '' : n > 99 ? '99+' : String(n))

/**
 * The cart tab's badge: the units in the cart, none when empty. WeChat refuses it on a page that is
 * not a tab page; that is harmless (the next tab page shown sets it).
 */
export function showCartBadge(qty: number): void {
  const done = qty > 0 ? Taro.setTabBarBadge({ index: CART_TAB_INDEX, text: badgeText(qty) }) : Taro.removeTabBarBadge({ index: CART_TAB_INDEX })
  void Promise.resolve(done).catch(() => undefined)
}
