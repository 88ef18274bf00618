import { useCallback, useEffect, useRef, useState } from 'react'
import type { Paged } from '@/services/catalog'
import { errorMessage } from '@/services/request'

export interface PagedList<T> {
  items: T[]
  total: number
  loading: boolean
  error: string | null
  /** page 1 has arrived at least once for the current key */
  loaded: boolean
  hasMore: boolean
  reload: () => Promise<void>
  loadMore: () => Promise<void>
  retry: () => Promise<void>
}

interface State<T> {
  items: T[]
  total: number
  page: number
  loading: boolean
  error: string | null
  done: boolean
}

/**
 * Any `?page=&pageSize=` list: page 1 whenever `key` changes (and `enabled`), the next page on
 * loadMore, answers for an older key or reload dropped. `fetchPage` may change every render.
 */
export function usePagedList<T>(
  key: string,
  fetchPage: (page: number, pageSize: number) => Promise<Paged<T>>,
  pageSize = 10,
  enabled = true,
  itemKey: (item: T) => string | number = (item) => (item as { id: string | number }).id,
): PagedList<T> {
  const empty: State<T> = { items: [], total: 0, page: 0, loading: false, error: null, done: false }
  const [state, setState] = useState<State<T>>(empty)
  const stateRef = useRef(state)
  stateRef.current = state
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const keyFn = useRef(itemKey)
  keyFn.current = itemKey
  const seq = useRef(0)
  const failedPage = useRef(1)

  const load = useCallback(
    async (page: number) => {
      const id = ++seq.current
      setState((s) => ({ ...s, loading: true, error: null }))
      try {
        const res = await fetchRef.current(page, pageSize)
        if (id !== seq.current) return
        setState((s) => {
          const seen = new Set(page === 1 ? [] : s.items.map((x) => keyFn.current(x)))
          const items = page === 1 ? res.items : [...s.items, ...res.items.filter((x) => !seen.has(keyFn.current(x)))]
          return { items, total: res.total, page, loading: false, error: null, done: items.length >= res.total || res.items.length < pageSize }
        })
      } catch (e) {
        if (id !== seq.current) return
        failedPage.current = page
        setState((s) => ({ ...s, loading: false, error: errorMessage(e) }))
      }
    },
    [pageSize],
  )

  useEffect(() => {
    seq.current++
    setState({ items: [], total: 0, page: 0, loading: false, error: null, done: false })
    if (enabled) void load(1)
  }, [key, enabled, load])

  const reload = useCallback(() => load(1), [load])
  const loadMore = useCallback(async () => {
    const s = stateRef.current
    if (s.loading || s.done || s.page === 0) return
    await load(s.page + 1)
  }, [load])
  const retry = useCallback(() => load(failedPage.current), [load])

  return {
    items: state.items,
    total: state.total,
    loading: state.loading,
    error: state.error,
    loaded: state.page > 0,
    hasMore: !state.done,
    reload,
    loadMore,
    retry,
  }
}
