/**
 * Where the API lives. `process.env.TARO_ENV` is inlined at build time, so each build keeps one branch:
 * - H5 is served by the API server under /shop/, so it calls /api on its own origin (relative base '');
 * - the mini-program calls TARO_APP_API from .env (required there, pitfall P1).
 */
export const IS_WEAPP = process.env.TARO_ENV === 'weapp'

export const API_BASE: string = process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API

/** Server-relative asset paths (e.g. `/api/media/…`) need the API origin in the mini-program. */
export function assetUrl(url: string | null | undefined): string {
  if (!url) return ''
  if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return url
  return url.startsWith('/') ? `${API_BASE}${url}` : url
}

/** The server-relative picture paths in a description's HTML (`<img src="/api/media/…">`) with the API origin. */
export function assetUrlsIn(html: string): string {
  return html.replace(/(<img\b[^>]*?\ssrc=")(\/[^"]*)"/g, (_m, head: string, path: string) => `${head}${assetUrl(path)}"`)
}
