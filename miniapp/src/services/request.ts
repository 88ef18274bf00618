import Taro from '@tarojs/taro'
import type { ErrorCode } from '@mc/shared'
import { API_BASE } from './config'
import { clearToken, getToken } from './storage'

/** Codes of the API's error body, plus the client's own for failures that never reached it. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE' | 'LOGIN_FAILED' | `HTTP_${number}`

/** Every failed call rejects with this: HTTP status (0 = no response), the API's error code and message. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  readonly details?: unknown

  constructor(status: number, code: ApiErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: Method
  query?: Record<string, QueryValue>
  data?: unknown
  header?: Record<string, string>
  /**
   * true (default): wait for a login in flight, send the token, and on 401 log in again once and retry.
   * false: a public or login call: no token, no retry.
   */
  auth?: boolean
}

/** auth.ts plugs itself in here (this module must not import it: auth.ts uses request()). */
export interface AuthHooks {
  /** The login in flight, if any, so calls made at launch wait for the token. */
  pending(): Promise<unknown> | null
  /** Log in again (single-flight); resolves when a new token is stored. */
  relogin(): Promise<unknown>
}

let authHooks: AuthHooks | null = null
export function setAuthHooks(hooks: AuthHooks | null): void {
  authHooks = hooks
}

const DEFAULT_MESSAGES: Record<number, string> = {
  400: '请求参数有误',
  401: '请先登录',
  403: '没有权限',
  404: '内容不存在',
  409: '操作冲突，请刷新后重试',
  429: '操作太频繁，请稍后再试',
}

export function buildQuery(query?: Record<string, QueryValue>): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

/** Turns a non-2xx response into an ApiError, reading the API's `{"error":{"code","message"}}` body. */
export function toApiError(status: number, body: unknown): ApiError {
  let data = body
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data)
    } catch {
      // not JSON (e.g. a proxy's HTML error page)
    }
  }
  const err = data && typeof data === 'object' ? (data as { error?: unknown }).error : undefined
  if (err && typeof err === 'object') {
    const { code, message, details } = err as { code?: unknown; message?: unknown; details?: unknown }
    if (typeof code === 'string' && code) {
      const text = typeof message === 'string' && message ? message : DEFAULT_MESSAGES[status] ?? '请求失败'
      return new ApiError(status, code as ApiErrorCode, text, details)
    }
  }
  if (status === 401) return new ApiError(401, 'UNAUTHORIZED', DEFAULT_MESSAGES[401])
  const fallback = status >= 500 ? '服务器开小差了，请稍后再试' : DEFAULT_MESSAGES[status] ?? '请求失败'
  return new ApiError(status, `HTTP_${status}`, fallback)
}

async function send<T>(path: string, opts: RequestOptions, token: string | undefined): Promise<{ status: number; data: T }> {
  const method = opts.method ?? 'GET'
  const header: Record<string, string> = { Accept: 'application/json', ...opts.header }
  if (opts.data !== undefined) header['Content-Type'] = 'application/json'
  if (token) header.Authorization = `Bearer ${token}`
  try {
    const res = await Taro.request<T>({
      url: `${API_BASE}${path}${buildQuery(opts.query)}`,
      method,
      data: opts.data as never,
      header,
      dataType: 'json',
      timeout: 15000,
    })
    return { status: res.statusCode, data: res.data }
  } catch (e) {
    const errMsg = (e as { errMsg?: string } | undefined)?.errMsg
    throw new ApiError(0, 'NETWORK_ERROR', '网络异常，请检查网络后重试', errMsg)
  }
}

/**
 * The one way the app talks to the API: JSON in and out, bearer token from storage, errors as ApiError,
 * and one silent re-login on 401.
 */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const useAuth = opts.auth !== false
  if (useAuth) {
    const pending = authHooks?.pending()
    if (pending) await pending.catch(() => undefined)
  }
  let res = await send<T>(path, opts, useAuth ? getToken() : undefined)
  if (res.status === 401 && useAuth) {
    clearToken()
    if (authHooks) {
      const ok = await authHooks.relogin().then(
        () => true,
        () => false,
      )
      if (ok) res = await send<T>(path, opts, getToken())
    }
  }
  if (res.status >= 200 && res.status < 300) return res.data
  throw toApiError(res.status, res.data)
}

export const get = <T>(path: string, query?: Record<string, QueryValue>, opts: Omit<RequestOptions, 'query' | 'method'> = {}) =>
  request<T>(path, { ...opts, method: 'GET', query })

export const post = <T>(path: string, data?: unknown, opts: Omit<RequestOptions, 'data' | 'method'> = {}) =>
  request<T>(path, { ...opts, method: 'POST', data: data ?? {} })

export const put = <T>(path: string, data?: unknown, opts: Omit<RequestOptions, 'data' | 'method'> = {}) =>
  request<T>(path, { ...opts, method: 'PUT', data: data ?? {} })

export const del = <T>(path: string, opts: Omit<RequestOptions, 'data' | 'method'> = {}) => request<T>(path, { ...opts, method: 'DELETE' })

/** A message to show for any error a call rejected with. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  return '出错了，请稍后重试'
}
