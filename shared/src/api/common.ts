/** ISO-8601 with offset, as the server writes it (`Date.toISOString()`, e.g. '2025-03-07T02:00:00.000Z'). */
export type IsoDateTime = string;

/** Ids are the database's integer keys, sent as JSON numbers. */
export type Id = number;

/** `?page=1&pageSize=20` */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export const DEFAULT_PAGE_SIZE = 20;
