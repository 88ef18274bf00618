import type { Id } from '@/services/catalog'
import { newIdempotencyKey } from '@/services/order'
import { getItem, removeItem, setItem } from '@/services/storage'

/**
 * One checkout attempt: the items being bought, the `Idempotency-Key` its 提交订单 sends and,
 * once placed, the order. Kept in storage so that leaving the checkout page (after cancelling
 * WeChat Pay, a reload in H5) and coming back with the same items returns to the unpaid order
 * instead of placing a second one. Forgotten once the order is paid, cancelled or gone.
 */
export interface CheckoutAttempt {
  /** `encodeItems(items)` + whether they came from the cart */
  signature: string
  key: string
  orderId: Id | null
  /** Date.now() when it began */
  startedAt: number
}

const STORAGE_KEY = 'mc.checkoutAttempt'
/** Longer than any unpaid order lives (the server cancels unpaid orders well before this). */
const MAX_AGE_MS = 24 * 60 * 60 * 1000

export function checkoutSignature(encodedItems: string, fromCart: boolean): string {
  return `${encodedItems}|${fromCart ? 'cart' : 'direct'}`
}

/** The attempt for these items: the remembered one, or a new one (with a new key) that replaces it. */
export function resumeCheckoutAttempt(signature: string, now = Date.now()): CheckoutAttempt {
  const saved = getItem<CheckoutAttempt>(STORAGE_KEY)
  if (saved && saved.signature === signature && typeof saved.key === 'string' && now - saved.startedAt >= 0 && now - saved.startedAt < MAX_AGE_MS) {
    return saved
  }
  const fresh: CheckoutAttempt = { signature, key: newIdempotencyKey('checkout'), orderId: null, startedAt: now }
  setItem(STORAGE_KEY, fresh)
  return fresh
}

/** The attempt placed this order (its key now always answers it). */
export function rememberPlacedOrder(attempt: CheckoutAttempt, orderId: Id): CheckoutAttempt {
  const next = { ...attempt, orderId }
  setItem(STORAGE_KEY, next)
  return next
}

/** The attempt is over (paid, or its order can no longer be paid): the next checkout starts afresh. */
export function finishCheckoutAttempt(attempt: Pick<CheckoutAttempt, 'key'>): void {
  const saved = getItem<CheckoutAttempt>(STORAGE_KEY)
  if (saved && saved.key === attempt.key) removeItem(STORAGE_KEY)
}
