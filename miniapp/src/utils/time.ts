const pad = (n: number) => (n < 10 ? `0${n}` : String(n))

/** ISO time → `2026-11-23 14:05` in the device's time zone ('' for null or garbage). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Milliseconds → `mm:ss` (or `h:mm:ss` from an hour up); never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`
}

/** Milliseconds → `3天 04:05:06` (days only when there are some); never negative. */
export function formatLongCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const d = Math.floor(total / 86400)
  const h = Math.floor((total % 86400) / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const clock = `${pad(h)}:${pad(m)}:${pad(s)}`
  return d > 0 ? `${d}天 ${clock}` : clock
}

/** ISO time → `2026-11-23` in the device's time zone. */
export const formatDate = (iso: string | null | undefined): string => formatDateTime(iso).slice(0, 10)

/** A page query value that may arrive URI-encoded (WeChat passes them as sent; Taro H5 decodes once). */
export function decodeParam(value: string | undefined | null): string {
  if (!value) return ''
  let v = value
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(v) && !v.startsWith('/'); i++) {
    try {
      v = decodeURIComponent(v)
    } catch {
      return ''
    }
  }
  return v
}

/**
 * How far the server's clock (an ISO `now` from the server) is ahead of this device's, in ms; 0 when unknown.
 * Countdowns use `Date.now() + skew`, so a phone with a wrong clock (or the server's dev clock) still counts right.
 */
export function clockSkew(serverNow: string | null | undefined, localNow: number = Date.now()): number {
  if (!serverNow) return 0
  const t = new Date(serverNow).getTime()
  return Number.isNaN(t) ? 0 : t - localNow
}
