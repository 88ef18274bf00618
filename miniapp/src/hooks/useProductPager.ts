import { useCallback, useEffect, useRef, useState } from 'react'
import { listProducts, type Id, type ProductListItem } from '@/services/catalog'
import { errorMessage } from '@/services/request'

export interface PagerFilter {
  categoryId?: Id
  q?: string
}

export interface ProductPager {
  items: ProductListItem[]
  total: number
  loading: boolean
  error: string | null
  hasMore: boolean
  /** Fetch page 1 again; keeps the current items on screen until it arrives (pull-to-refresh). */
  reload: () => Promise<void>
  /** Fetch the next page (ignored while loading or at the end). */
  loadMore: () => Promise<void>
  /** Fetch the page that failed last. */
  retry: () => Promise<void>
}

interface State {
  items: ProductListItem[]
  total: number
  page: number
  loading: boolean
  error: string | null
  done: boolean
}

const EMPTY: State = { items: [], total: 0, page: 0, loading: false, error: null, done: false }

/**
 * Paged `GET /api/products` for one filter. Loads page 1 whenever the filter changes (and `enabled`);
 * a response for an older filter or an older reload is dropped.
 */
export function useProductPager(filter: PagerFilter, pageSize = 10, enabled = true): ProductPager {
  const [state, setState] = useState<State>(EMPTY)
  const stateRef = useRef(state)
  stateRef.current = state
  const filterRef = useRef(filter)
  filterRef.current = filter
  const seq = useRef(0)
  const failedPage = useRef(1)

  const fetchPage = useCallback(
    async (page: number) => {
      const id = ++seq.current
      setState((s) => ({ ...s, loading: true, error: null }))
      try {
        const res = await listProducts({ ...filterRef.current, page, pageSize })
        if (id !== seq.current) return
        setState((s) => {
          const seen = new Set(page === 1 ? [] : s.items.map((p) => p.id))
          const items = page === 1 ? res.items : [...s.items, ...res.items.filter((p) => !seen.has(p.id))]
          const done = items.length >= res.total || res.items.length < pageSize
          return { items, total: res.total, page, loading: false, error: null, done }
        })
      } catch (e) {
        if (id !== seq.current) return
        failedPage.current = page
        setState((s) => ({ ...s, loading: false, error: errorMessage(e) }))
      }
    },
    [pageSize],
  )

  const key = `${filter.categoryId ?? ''}|${filter.q ?? ''}`
  useEffect(() => {
    seq.current++ // drop whatever the previous filter still has in flight
    setState(EMPTY)
    if (enabled) void fetchPage(1)
  }, [key, enabled, fetchPage])

  const reload = useCallback(() => fetchPage(1), [fetchPage])
  const loadMore = useCallback(async () => {
    const s = stateRef.current
    if (s.loading || s.done || s.page === 0) return
    await fetchPage(s.page + 1)
  }, [fetchPage])
  const retry = useCallback(() => fetchPage(failedPage.current), [fetchPage])

  return {
    items: state.items,
    total: state.total,
    loading: state.loading,
    error: state.error,
    hasMore: !state.done,
    reload,
    loadMore,
    retry,
  }
}
