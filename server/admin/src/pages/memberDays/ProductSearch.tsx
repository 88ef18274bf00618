import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { api, type Page } from '../../api';
import type { ProductSummary } from '../products/types';

const DEBOUNCE_MS = 300;

/** Products matching the typed text, from `GET /api/admin/products?q=`; every title seen is remembered for the labels. */
function useProductSearch() {
  const [options, setOptions] = useState<ProductSummary[]>([]);
  const [titles, setTitles] = useState<ReadonlyMap<number, string>>(new Map());
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const controller = useRef<AbortController>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      controller.current?.abort();
    },
    [],
  );

  const search = (text: string) => {
    clearTimeout(timer.current);
    const q = text.trim();
    if (!q) return;
    timer.current = setTimeout(() => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setLoading(true);
      api
        .get<Page<ProductSummary>>('/api/admin/products', { q, pageSize: 20 }, { signal: c.signal })
        .then((res) => {
          setOptions(res.items);
          setTitles((m) => new Map([...m, ...res.items.map((p) => [p.id, p.title] as const)]));
        })
        .catch(() => {
          if (!c.signal.aborted) setOptions([]);
        })
        .finally(() => {
          if (!c.signal.aborted) setLoading(false);
        });
    }, DEBOUNCE_MS);
  };

  return { options, titles, loading, search };
}

const showSearch = (onSearch: (q: string) => void) => ({ filterOption: false, onSearch }) as const;

/** Pick one product (then cleared): the SKU price list adds its SKUs. */
export function ProductPicker({ onPick, className }: { onPick: (p: ProductSummary) => void; className?: string }) {
  const { options, loading, search } = useProductSearch();
  return (
    <Select<number>
      className={className}
      value={null}
      placeholder="搜索商品，添加其 SKU"
      style={{ width: 320 }}
      showSearch={showSearch(search)}
      loading={loading}
      notFoundContent={null}
      options={options.map((p) => ({ value: p.id, label: p.title }))}
      onChange={(id) => {
        const p = options.find((o) => o.id === id);
        if (p) onPick(p);
      }}
    />
  );
}

/** Product ids, searched by title: a form control (`value` / `onChange`). */
export function ProductIdsSelect({ id, value, onChange }: { id?: string; value?: number[]; onChange?: (ids: number[]) => void }) {
  const { options, titles, loading, search } = useProductSearch();
  const ids = value ?? [];
  const known = new Set(options.map((p) => p.id));
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={ids}
      placeholder="搜索商品"
      showSearch={showSearch(search)}
      loading={loading}
      notFoundContent={null}
      options={[
        ...ids.filter((pid) => !known.has(pid)).map((pid) => ({ value: pid, label: titles.get(pid) ?? `商品 #${pid}` })),
        ...options.map((p) => ({ value: p.id, label: p.title })),
      ]}
      onChange={(next) => onChange?.(next)}
    />
  );
}

/** One product id, searched by title: a form control (`value` / `onChange`); a saved id not searched yet shows as 商品 #id. */
export function ProductIdSelect({ id, value, onChange, className }: { id?: string; value?: number; onChange?: (id: number) => void; className?: string }) {
  const { options, titles, loading, search } = useProductSearch();
  const known = new Set(options.map((p) => p.id));
  return (
    <Select<number>
      id={id}
      className={className}
      value={value}
      placeholder="搜索商品"
      style={{ width: 280 }}
      showSearch={showSearch(search)}
      loading={loading}
      notFoundContent={null}
      options={[
        ...(value !== undefined && !known.has(value) ? [{ value, label: titles.get(value) ?? `商品 #${value}` }] : []),
        ...options.map((p) => ({ value: p.id, label: p.title })),
      ]}
      onChange={(next) => onChange?.(next)}
    />
  );
}
