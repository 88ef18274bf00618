import type { CategoryNode, Paged, ProductDetail, ProductListItem } from '@mc/shared'
import { get } from './request'

/** The server's ids are numbers (`Id` of `@mc/shared`); ids taken from page queries may still be text. */
export type Id = number | string

export type { Paged, ProductDetail, ProductListItem, SkuView, SpecGroup } from '@mc/shared'

/** A node of the category tree (`GET /api/categories`). */
export type Category = CategoryNode

export interface ProductQuery {
  categoryId?: Id
  q?: string
  page: number
  pageSize: number
}

/** `GET /api/products` (public; priced for the signed-in customer, so the token goes along when there is one). */
export function listProducts({ categoryId, q, page, pageSize }: ProductQuery): Promise<Paged<ProductListItem>> {
  return get<Paged<ProductListItem>>('/api/products', { categoryId, q, page, pageSize })
}

/** `GET /api/categories` (public): the category tree. */
export function listCategories(): Promise<Category[]> {
  return get<Category[]>('/api/categories', undefined, { auth: false })
}

/** `GET /api/products/:id` (public; 404 when off shelf; priced for the signed-in customer). */
export function getProduct(id: Id): Promise<ProductDetail> {
  return get<ProductDetail>(`/api/products/${encodeURIComponent(String(id))}`)
}
