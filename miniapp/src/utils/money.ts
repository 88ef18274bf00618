import { formatYuan } from '@mc/shared'

/**
 * Money is integer fen end to end; display goes through `@mc/shared`'s integer-only formatYuan
 * (1990 → '19.90', -5 → '-0.05'; anything but a safe integer throws).
 */
export { formatYuan }

/** `1990` → `¥19.90` */
export function priceText(cents: number): string {
  return `¥${formatYuan(cents)}`
}

/** Signed amounts (breakdown adjustments are negative): `-500` → `-¥5.00`. */
export function signedPriceText(cents: number): string {
  return cents < 0 ? `-¥${formatYuan(-cents)}` : `¥${formatYuan(cents)}`
}
