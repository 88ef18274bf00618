import type { OrderStatus } from '@mc/shared'
import type { Id } from '@/services/catalog'
import { encodeItems, type CheckoutItem } from '@/services/checkout'
import type { ShareTarget } from '@/services/distribution'

/** Page paths (one place, so a moved page is one edit). */
export const PAGES = {
  home: '/pages/home/index',
  cart: '/pages/cart/index',
  me: '/pages/me/index',
  product: '/pages/product/index',
  search: '/pages/search/index',
  checkout: '/order/pages/checkout/index',
  orderList: '/order/pages/list/index',
  orderDetail: '/order/pages/detail/index',
  refund: '/order/pages/refund/index',
  paySuccess: '/order/pages/pay-success/index',
  addressList: '/order/pages/address/index',
  addressEdit: '/order/pages/address-edit/index',
  memberCenter: '/member/pages/center/index',
  memberDay: '/member/pages/member-day/index',
  pointsLedger: '/member/pages/points/index',
  coupons: '/member/pages/coupons/index',
  points: '/points/pages/index/index',
  pointsMall: '/points/pages/mall/index',
  mallItem: '/points/pages/item/index',
  redemptions: '/points/pages/redemptions/index',
  lottery: '/points/pages/lottery/index',
  distributor: '/distributor/pages/index/index',
  commissions: '/distributor/pages/commissions/index',
  withdraw: '/distributor/pages/withdraw/index',
  customers: '/distributor/pages/customers/index',
  poster: '/distributor/pages/poster/index',
} as const

/** The member center; `returnTo` (a page path + query, e.g. the checkout) is where a card purchase goes back to. */
export const memberCenterUrl = (returnTo?: string) =>
  returnTo ? `${PAGES.memberCenter}?returnTo=${encodeURIComponent(returnTo)}` : PAGES.memberCenter

export const productUrl = (id: Id) => `${PAGES.product}?id=${encodeURIComponent(String(id))}`

/** The poster of a product, the member-card page or (neither) the home page. */
export const posterUrl = (target: ShareTarget) =>
  'productId' in target ? `${PAGES.poster}?productId=${encodeURIComponent(String(target.productId))}` : 'page' in target ? `${PAGES.poster}?page=${target.page}` : PAGES.poster

export const checkoutUrl = (items: CheckoutItem[], fromCart = false) =>
  `${PAGES.checkout}?items=${encodeURIComponent(encodeItems(items))}${fromCart ? '&fromCart=1' : ''}`

export const mallItemUrl = (id: Id) => `${PAGES.mallItem}?id=${encodeURIComponent(String(id))}`

export const orderDetailUrl = (id: Id) => `${PAGES.orderDetail}?id=${encodeURIComponent(String(id))}`

export const paySuccessUrl = (id: Id) => `${PAGES.paySuccess}?id=${encodeURIComponent(String(id))}`

export const orderListUrl = (status?: OrderStatus | 'AFTER_SALE') => (status ? `${PAGES.orderList}?status=${status}` : PAGES.orderList)

/**
 * H5 only: the absolute URL of a page of this app (hash routing, served under /shop/), for pages
 * outside the app that send the customer back (the WeChat simulator's cashier).
 */
export function h5AbsoluteUrl(pagePath: string): string {
  const { origin, pathname } = window.location
  return `${origin}${pathname}#${pagePath}`
}
