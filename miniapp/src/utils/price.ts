import type { MemberDayOnly, ShopPrice } from '@mc/shared'

/** How a price the server worked out for this customer (ShopPrice) is shown. */
export interface PriceDisplay {
  /** What this customer pays for one unit: the big red price. */
  main: number
  /** The list price, struck through, when `main` is below it. */
  struck: number | null
  /** What gave `main` ('会员价', '会员日价', '会员日 9 折', '金卡 9.5 折'); null at list price. */
  label: string | null
  /** For a non-member: what one unit costs with a card, when that is lower (the "会员价" tag). */
  memberPrice: number | null
  /** `main − memberPrice`: what a card saves on one unit (the preview's memberSavingsCents for one unit). */
  memberSaving: number | null
}

export function priceDisplay(p: ShopPrice, listPriceCents: number): PriceDisplay {
  const memberPrice = p.memberUnitPriceCents < p.unitPriceCents ? p.memberUnitPriceCents : null
  return {
    main: p.unitPriceCents,
    struck: p.unitPriceCents < listPriceCents ? listPriceCents : null,
    label: p.priceLabel,
    memberPrice,
    memberSaving: memberPrice === null ? null : p.unitPriceCents - memberPrice,
  }
}

/** '2027-03-07' → '3月7日' */
export function monthDayText(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** The note on a member-day-only product: open today, for members only today, or its next date. */
export function memberDayOnlyText(m: MemberDayOnly): string {
  if (m.open) return '会员日专享 · 今日开抢'
  if (m.onNow) return '会员日专享 · 开通会员后购买'
  return m.date ? `会员日专享 · ${monthDayText(m.date)}开抢` : '会员日专享'
}
