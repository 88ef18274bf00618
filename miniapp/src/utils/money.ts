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
