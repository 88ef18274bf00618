import type { Id } from '@/services/catalog'

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
