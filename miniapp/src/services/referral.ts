import Taro from '@tarojs/taro'
import { isLoggedIn, normalizeRef, rememberRef } from './auth'
import { getShareScene, sendReferralVisit } from './distribution'

/**
 * A distributor's `ref` reaches the app in a share path (`?ref=XXX`) or, from a poster's
 * mini-program code, as a short `scene` code that `GET /api/share/scenes/:sceneCode` turns into the
 * ref and the page to open. A customer not logged in yet keeps the ref (storage) until the login
 * carries it (`POST /api/auth/wechat-login {code, ref}`); a logged-in one reports the visit
 * (`POST /api/referrals/visit {ref}`).
 */

/** Scene codes are what the server writes into a code's `scene` (≤ 32 characters, WeChat's limit). */
const SCENE_RE = /^[A-Za-z0-9_-]{1,32}$/

export function normalizeScene(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const v = decodeURIComponent(value.trim())
    return SCENE_RE.test(v) ? v : undefined
  } catch {
    return undefined
  }
}

export const sceneFromQuery = (query: Record<string, unknown> | undefined | null): string | undefined =>
  query ? normalizeScene(query.scene) : undefined

/** H5: `scene=` anywhere in the URL (before or inside the hash). */
export function sceneFromUrl(href: string): string | undefined {
  const m = /[?&]scene=([^&#]+)/.exec(href)
  return m ? normalizeScene(m[1]) : undefined
}

/** A ref met by the app: kept for the login, or sent as a visit when the customer is logged in. */
export function captureRef(ref: string, loggedIn = isLoggedIn()): void {
  if (loggedIn) void sendReferralVisit(ref).catch(() => undefined)
  else rememberRef(ref)
}

const bare = (path: string) => path.split('?')[0].replace(/^\/+/, '')

/** Whether the scene's page differs from the page the code opened (or carries more than the ref, e.g. a product id). */
function mustOpen(scenePath: string, openedPath: string | undefined): boolean {
  if (!openedPath || bare(scenePath) !== bare(openedPath)) return true
  const query = scenePath.split('?')[1] ?? ''
  return query.split('&').some((kv) => kv !== '' && !kv.startsWith('ref='))
}

/**
 * A scanned code: looks the scene up, captures its ref and opens its page when the code opened
 * another one. Resolves to the ref (undefined when the scene is unknown or the lookup failed).
 */
export async function openScene(sceneCode: string, openedPath: string | undefined, loggedIn = isLoggedIn()): Promise<string | undefined> {
  let scene
  try {
    scene = await getShareScene(sceneCode)
  } catch {
    return undefined
  }
  const ref = normalizeRef(scene.refCode)
  if (ref) captureRef(ref, loggedIn)
  if (typeof scene.path === 'string' && scene.path && mustOpen(scene.path, openedPath)) {
    void Taro.reLaunch({ url: scene.path.startsWith('/') ? scene.path : `/${scene.path}` })
  }
  return ref
}
