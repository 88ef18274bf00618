/** ISO-8601 with offset, e.g. '2025-03-07T10:00:00+08:00'. */
export type IsoDateTime = string;

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
