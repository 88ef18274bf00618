import type { LoginResponse, Me } from '@mc/shared'
import Taro from '@tarojs/taro'
import { getSession, updateSession, type User } from '@/stores/session'
import { ApiError, errorMessage, get, post, setAuthHooks } from './request'
import { KEYS, clearToken, getItem, getToken, removeItem, setItem, setToken } from './storage'

/** The server accepts a distributor ref of 1–16 letters or digits; anything else is dropped, not sent. */
const REF_RE = /^[A-Za-z0-9]{1,16}$/

export function normalizeRef(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  let v = value.trim()
  try {
    v = decodeURIComponent(v)
  } catch {
    return undefined
  }
  return REF_RE.test(v) ? v : undefined
}

/** The `ref` of a launch/show query (`?ref=XXX` from a share path). */
export function refFromQuery(query: Record<string, unknown> | undefined | null): string | undefined {
  return query ? normalizeRef(query.ref) : undefined
}

/** `ref=` anywhere in a URL (H5: the query may sit before or inside the hash). */
export function refFromUrl(href: string): string | undefined {
  const m = /[?&]ref=([^&#]+)/.exec(href)
  return m ? normalizeRef(m[1]) : undefined
}

/** Remembers a ref until a login carries it to the server. */
export function rememberRef(ref: string | undefined): void {
  if (ref) setItem(KEYS.ref, ref)
}

export function pendingRef(): string | undefined {
  return normalizeRef(getItem<string>(KEYS.ref))
}

function randomId(): string {
  let id = ''
  while (id.length < 16) id += Math.random().toString(36).slice(2)
  return id.slice(0, 16)
}

/** H5 only: one stable demo customer per browser (the simulator turns `test:<openid>` into that openid). */
export function h5DemoCode(): string {
  let id = getItem<string>(KEYS.demoId)
  if (!id || !/^[a-z0-9]{6,32}$/.test(id)) {
    id = randomId()
    setItem(KEYS.demoId, id)
  }
  return `test:h5-demo-${id}`
}

async function loginCode(): Promise<string> {
  // Pitfall P2: Taro's H5 login is a stub that "succeeds" with no code, so never call it outside WeChat.
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login()
    if (!code) throw new ApiError(0, 'LOGIN_FAILED', '微信登录失败，请稍后重试')
    return code
  }
  return h5DemoCode()
}

let inflight: Promise<User> | null = null
let hold: Promise<unknown> | null = null

/** The next login waits for `p` (a scanned code's ref being looked up, so that it goes out with the login). */
export function holdLoginUntil(p: Promise<unknown>): void {
  const mine: Promise<unknown> = p.catch(() => undefined).finally(() => {
    if (hold === mine) hold = null
  })
  hold = mine
}

async function doLogin(): Promise<User> {
  updateSession({ status: 'loading', error: null })
  try {
    if (hold) await hold
    const code = await loginCode()
    const ref = pendingRef()
    const res = await post<LoginResponse>('/api/auth/wechat-login', ref ? { code, ref } : { code }, { auth: false })
    if (!res || typeof res.token !== 'string') throw new ApiError(200, 'BAD_RESPONSE', '登录失败，请稍后重试')
    setToken(res.token)
    if (ref) removeItem(KEYS.ref)
    updateSession({ status: 'ready', user: res.user, error: null })
    return res.user
  } catch (e) {
    updateSession({ status: 'error', error: errorMessage(e) })
    throw e
  }
}

/** Logs in (single-flight: concurrent callers share one attempt). */
export function login(): Promise<User> {
  if (!inflight) {
    inflight = doLogin().finally(() => {
      inflight = null
    })
  }
  return inflight
}

export function logout(): void {
  clearToken()
  updateSession({ status: 'idle', user: null, error: null })
}

export const isLoggedIn = () => Boolean(getToken())

/** Refreshes the profile (`GET /api/me`); keeps the stored one if that fails. */
export async function refreshMe(): Promise<User | null> {
  try {
    const me = await get<Me>('/api/me')
    updateSession({ user: me, status: 'ready', error: null })
    return me
  } catch {
    return getSession().user
  }
}

setAuthHooks({ pending: () => inflight, relogin: login })
