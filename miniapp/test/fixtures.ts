import type { DistributorMe, DistributorStatus } from '@mc/shared'
import type { Cart, CartLine } from '@/services/cart'
import type { ProductDetail } from '@/services/catalog'
import type { CheckoutPreview } from '@/services/checkout'
import type { OrderDetail } from '@/services/order'

/** A SKU's price as the server gives it to a visitor: list price, and the member price with a card. */
export const asVisitor = (priceCents: number, memberPriceCents: number | null) =>
  ({ unitPriceCents: priceCents, priceSource: 'LIST', priceLabel: null, memberUnitPriceCents: memberPriceCents ?? priceCents }) as const

/** The demo store's T-shirt: 白/黑 × M/L, 黑 L sold out. */
export function tshirt(patch: Partial<ProductDetail> = {}): ProductDetail {
  return {
    id: 7,
    title: '纯棉短袖 T 恤',
    subtitle: '新疆长绒棉 不易变形',
    coverUrl: '/api/media/placeholder/t.svg',
    categoryId: 3,
    memberOnly: false,
    priceCents: 7900,
    memberPriceCents: 6900,
    unitPriceCents: 7900,
    unitListPriceCents: 7900,
    priceSource: 'LIST',
    priceLabel: null,
    memberUnitPriceCents: 6900,
    memberDayOnly: null,
    images: ['/api/media/placeholder/t.svg'],
    description: '纯棉短袖 T 恤：新疆长绒棉 不易变形。',
    specGroups: [
      { name: '颜色', values: ['白', '黑'] },
      { name: '尺码', values: ['M', 'L'] },
    ],
    skus: [
      { id: 71, specs: { 颜色: '白', 尺码: 'M' }, priceCents: 7900, memberPriceCents: 6900, memberDayPriceCents: null, stock: 100, ...asVisitor(7900, 6900) },
      { id: 72, specs: { 颜色: '白', 尺码: 'L' }, priceCents: 8100, memberPriceCents: 7100, memberDayPriceCents: null, stock: 3, ...asVisitor(8100, 7100) },
      { id: 73, specs: { 颜色: '黑', 尺码: 'M' }, priceCents: 7900, memberPriceCents: 6900, memberDayPriceCents: null, stock: 100, ...asVisitor(7900, 6900) },
      { id: 74, specs: { 颜色: '黑', 尺码: 'L' }, priceCents: 7900, memberPriceCents: 6900, memberDayPriceCents: null, stock: 0, ...asVisitor(7900, 6900) },
    ],
    ...patch,
  }
}

export function cartLine(skuId: number, patch: Partial<CartLine> = {}): CartLine {
  return {
    skuId,
    productId: skuId * 10,
    title: `商品${skuId}`,
    coverUrl: `/api/media/placeholder/${skuId}.svg`,
    specs: { 规格: '标准' },
    qty: 1,
    selected: true,
    stock: 50,
    available: true,
    unavailableReason: null,
    priceCents: 1000,
    memberPriceCents: null,
    unitPriceCents: 1000,
    ...patch,
  }
}

export function preview(patch: Partial<CheckoutPreview> = {}): CheckoutPreview {
  return {
    lines: [
      {
        lineId: '71',
        skuId: 71,
        productId: 7,
        categoryId: 3,
        title: '纯棉短袖 T 恤',
        specs: { 颜色: '白', 尺码: 'M' },
        coverUrl: '/api/media/placeholder/t.svg',
        qty: 2,
        listPriceCents: 7900,
        unitPriceCents: 7900,
        priceSource: 'LIST',
        goodsCents: 15800,
        lineDiscountCents: 0,
        couponCents: 0,
        pointsCents: 0,
        cashPaidCents: 15800,
        requiresMembership: false,
      },
    ],
    adjustments: [],
    goodsCents: 15800,
    discountCents: 0,
    shippingCents: 0,
    pointsUsed: 0,
    pointsValueCents: 0,
    payableCents: 15800,
    pointsToEarn: 158,
    memberSavingsCents: 0,
    shippingPaidCents: 0,
    couponId: null,
    couponCents: 0,
    usableCoupons: [],
    unusableCoupons: [],
    memberDayId: null,
    requiresMembership: false,
    ...patch,
  }
}

export const cart = (items: CartLine[], p: CheckoutPreview | null): Cart => ({ items, preview: p })

export function orderDetail(patch: Partial<OrderDetail> = {}): OrderDetail {
  return {
    id: 501,
    orderNo: 'MC202611230001',
    customerId: 1,
    kind: 'GOODS',
    status: 'PENDING_PAYMENT',
    payableCents: 15800,
    itemCount: 2,
    createdAt: '2026-11-23T02:00:00.000Z',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    goodsCents: 15800,
    discountCents: 0,
    shippingCents: 0,
    shippingPaidCents: 0,
    pointsUsed: 0,
    pointsValueCents: 0,
    pointsToEarn: 158,
    refundedCents: 0,
    note: '',
    paidAt: null,
    completedAt: null,
    address: { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 100 号' },
    adjustments: [],
    lines: [
      {
        id: 9001,
        skuId: 71,
        productId: 7,
        title: '纯棉短袖 T 恤',
        coverUrl: '/api/media/placeholder/t.svg',
        specs: { 颜色: '白', 尺码: 'M' },
        qty: 2,
        listPriceCents: 7900,
        unitPriceCents: 7900,
        priceSource: 'LIST',
        cashPaidCents: 15800,
        refundedQty: 0,
        refundedCents: 0,
      },
    ],
    history: [{ from: null, to: 'PENDING_PAYMENT', actor: 'customer:1', reason: null, at: '2026-11-23T02:00:00.000Z' }],
    payment: null,
    shipment: null,
    refunds: [],
    actions: ['pay', 'cancel'],
    ...patch,
  }
}

/** `GET /api/distributors/me` in a given status; an approved one has a ref code, money and stats. */
export function distributorMe(status: DistributorStatus, patch: Partial<DistributorMe> = {}): DistributorMe {
  const approved = status === 'APPROVED'
  return {
    status,
    refCode: approved ? 'KOC888' : null,
    isGuide: false,
    reason: status === 'NONE' ? null : '我常在朋友圈分享好物',
    rejectReason: status === 'REJECTED' ? '资料不完整' : null,
    appliedAt: status === 'NONE' ? null : '2026-11-20T02:00:00.000Z',
    reviewedAt: approved ? '2026-11-21T02:00:00.000Z' : null,
    balances: approved
      ? { pendingCents: 1250, availableCents: 5000, frozenCents: 800, withdrawnCents: 20000, owedCents: 0 }
      : { pendingCents: 0, availableCents: 0, frozenCents: 0, withdrawnCents: 0, owedCents: 0 },
    stats: approved ? { visits: 321, boundCustomers: 17, orders: 9, paidCents: 123456, monthRank: 3 } : { visits: 0, boundCustomers: 0, orders: 0, paidCents: 0, monthRank: null },
    withdrawalRules: { minCents: 100, dailyCapCents: 500000 },
    ...patch,
  }
}
