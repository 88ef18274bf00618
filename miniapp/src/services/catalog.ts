import { get } from './request'

/** Ids are numbers today; typed loosely so string ids (BIGINT as text) would work unchanged. */
export type Id = number | string

export interface ProductListItem {
  id: Id
  title: string
  subtitle?: string
  coverUrl: string
  categoryId?: Id
  memberOnly?: boolean
  priceCents: number
  /** null when the product has no member price */
  memberPriceCents: number | null
  memberDayPriceCents?: number
}

export interface Paged<T> {
  items: T[]
  total: number
}

export interface Category {
  id: Id
  name: string
  iconUrl: string
  children: Category[]
}

export interface ProductQuery {
  categoryId?: Id
  q?: string
  page: number
  pageSize: number
}

/** `GET /api/products` (public). */
export function listProducts({ categoryId, q, page, pageSize }: ProductQuery): Promise<Paged<ProductListItem>> {
  return get<Paged<ProductListItem>>('/api/products', { categoryId, q, page, pageSize }, { auth: false })
}

/** `GET /api/categories` (public): the category tree. */
export function listCategories(): Promise<Category[]> {
  return get<Category[]>('/api/categories', undefined, { auth: false })
}
