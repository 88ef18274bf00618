import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';

/**
 * A paged staff list (`?page=1&pageSize=20`): the page for the request, the Table's pagination
 * (`共 N <unit>`), and `filtered`, which wraps a filter's handler so that a new filter starts at page 1.
 */
export function usePaging(unit: string) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const filtered =
    <A extends unknown[]>(handler: (...args: A) => void) =>
    (...args: A) => {
      handler(...args);
      setPage(1);
    };

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (n) => `共 ${n} ${unit}`,
    onChange: (p, size) => {
      setPage(size === pageSize ? p : 1);
      setPageSize(size);
    },
  });

  return { page, pageSize, filtered, pagination };
}
