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

/** A spec name with its values in SKU order, e.g. `{ name: '颜色', values: ['白', '黑'] }`. */
export interface SpecGroup {
  name: string
  values: string[]
}

export interface SkuView {
  id: Id
  /** spec name → value, e.g. `{ 颜色: '白', 尺码: 'M' }` */
  specs: Record<string, string>
  priceCents: number
  memberPriceCents: number | null
  memberDayPriceCents?: number | null
  stock: number
}

/** `GET /api/products/:id` */
export interface ProductDetail extends ProductListItem {
  images: string[]
  description: string
  specGroups: SpecGroup[]
  skus: SkuView[]
}

/** `GET /api/products/:id` (public; 404 when off shelf). */
export function getProduct(id: Id): Promise<ProductDetail> {
  return get<ProductDetail>(`/api/products/${encodeURIComponent(String(id))}`, undefined, { auth: false })
}
