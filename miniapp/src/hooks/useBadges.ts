import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { isLoggedIn } from '@/services/auth'
import { getBadges, showCartBadge, type CustomerBadges } from '@/services/badges'
import { useSession } from '@/stores/session'

/**
 * For the tab pages: the badge counts, read each time the page shows (and once the login
 * finishes); the cart tab's badge follows. null until known; a failed read keeps the last counts.
 */
export function useBadges(): CustomerBadges | null {
  const { user } = useSession()
  const [badges, setBadges] = useState<CustomerBadges | null>(null)
  const inFlight = useRef<Promise<void> | null>(null)

  // the page showing and the login finishing often come together: one request serves both
  const refresh = useCallback(() => {
    if (!isLoggedIn()) return Promise.resolve()
    inFlight.current ??= getBadges()
      .then((b) => {
        setBadges(b)
        showCartBadge(b.cartQty)
      })
      .catch(() => undefined) // a badge is a hint: keep what was shown
      .finally(() => {
        inFlight.current = null
      })
    return inFlight.current
  }, [])

  useDidShow(() => {
    void refresh()
  })
  const userId = user?.id
  useEffect(() => {
    if (userId !== undefined) void refresh()
  }, [userId, refresh])

  return badges
}
