/**
 * The one request helper of the admin page: JSON in and out, the staff token
 * from localStorage as `Authorization: Bearer`, and the api.md error body
 * `{"error":{"code","message"}}` turned into an ApiError.
 */

export const TOKEN_KEY = 'mc_admin_token';

/** `?page=1&pageSize=20` lists answer `{items, total}`. */
export interface Page<T> {
  items: T[];
  total: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A message fit for the UI, whatever was thrown. */
export function errorMessage(e: unknown, fallback = '操作失败，请稍后重试'): string {
  if (e instanceof ApiError) return e.message || fallback;
  if (e instanceof Error && e.message) return e.message;
  return fallback;
}

export function getToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage unavailable: nothing to clear
  }
}

const loginUrl = () => `${import.meta.env.BASE_URL}login`;

/** Called after a 401 on an authenticated request, once the token is cleared. */
let unauthorizedHandler: () => void = () => {
  if (window.location.pathname !== loginUrl()) window.location.assign(loginUrl());
};

/** The app replaces the full-page redirect with a router navigation; returns a restore function. */
export function setUnauthorizedHandler(handler: () => void): () => void {
  const previous = unauthorizedHandler;
  unauthorizedHandler = handler;
  return () => {
    unauthorizedHandler = previous;
  };
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a FormData as multipart/form-data. */
  body?: unknown;
  /** Appended as a query string; null/undefined/'' values are left out. */
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * false: send no token and treat a 401 as an ordinary error (the login form).
   * Default true: send the token; a 401 clears it and sends the user to the login page.
   */
  auth?: boolean;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求参数有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '操作冲突，请刷新后重试',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
};

function statusMessage(status: number): string {
  return STATUS_MESSAGES[status] ?? (status >= 500 ? '服务器开小差了，请稍后重试' : `请求失败（${status}）`);
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  if (!qs) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${qs}`;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const code = typeof err?.code === 'string' && err.code ? err.code : `HTTP_${status}`;
  const message = typeof err?.message === 'string' && err.message ? err.message : statusMessage(status);
  return new ApiError(status, code, message, err?.details);
}

/**
 * `request('/api/admin/products', {query: {page: 1}})`. Paths are written as in
 * docs/api.md, starting with `/api/`. Resolves to the parsed JSON body
 * (undefined for an empty body); rejects with an ApiError.
 */
export async function request<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, auth = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  // FormData (a file upload) goes as it is: the browser writes its multipart Content-Type
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  const token = auth ? getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;

  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if ((e as { name?: string })?.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }

  const data = await readJson(res);
  if (res.ok) return data as T;

  const error = toApiError(res.status, data);
  if (res.status === 401 && auth) {
    clearToken();
    unauthorizedHandler();
  }
  throw error;
}

/**
 * Downloads a file route (an export) with the staff token and saves it under the server's file
 * name (Content-Disposition `filename*`), else `fallbackName`. Errors come as for `request`.
 */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), { headers });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) {
    const error = toApiError(res.status, await readJson(res));
    if (res.status === 401) {
      clearToken();
      unauthorizedHandler();
    }
    throw error;
  }
  const named = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('Content-Disposition') ?? '');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = named ? decodeURIComponent(named[1]) : fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const api = {
  get: <T = unknown>(path: string, query?: Query, options?: Omit<RequestOptions, 'method' | 'query' | 'body'>) =>
    request<T>(path, { ...options, method: 'GET', query }),
  post: <T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'POST', body }),
  put: <T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  patch: <T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T = unknown>(path: string, options?: Omit<RequestOptions, 'method'>) =>
    request<T>(path, { ...options, method: 'DELETE' }),
};

/** Create (`POST path`) or, given an id, update (`PUT path/id`). */
export const createOrUpdate = <T = unknown>(path: string, id: number | undefined, body: unknown) =>
  id === undefined ? api.post<T>(path, body) : api.put<T>(`${path}/${id}`, body);
