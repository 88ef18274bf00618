import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, type Query } from './api';

export interface FetchState<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
  /** Fetch again (after a change); the old data stays shown meanwhile. */
  reload: () => void;
}

/** GET `path` with `query` whenever either changes; `path` null fetches nothing. Earlier requests are aborted. */
export function useFetch<T>(path: string | null, query?: Query): FetchState<T> {
  const key = path === null ? null : JSON.stringify([path, query ?? {}]);
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const [p, q] = JSON.parse(key) as [string, Query];
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api
      .get<T>(p, q, { signal: controller.signal })
      .then((res) => {
        setData(res);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(e, '加载失败，请稍后重试'));
        setLoading(false);
      });
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading, error, reload };
}
