import type { Id } from '@/services/catalog'
import type { Address } from '@/services/address'

/** Small hand-offs between tab pages (switchTab cannot carry a query). */
let pendingCategoryId: Id | null = null

export function openCategoryLater(id: Id): void {
  pendingCategoryId = id
}

export function takePendingCategory(): Id | null {
  const id = pendingCategoryId
  pendingCategoryId = null
  return id
}

/** The address list (opened from checkout to pick one) hands the choice back here. */
let pickedAddress: Address | null = null

export function pickAddress(address: Address): void {
  pickedAddress = address
}

export function takePickedAddress(): Address | null {
  const a = pickedAddress
  pickedAddress = null
  return a
}
