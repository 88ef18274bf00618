import { useEffect, useState } from 'react'
import { useShareAppMessage } from '@tarojs/taro'
import { distributorShare, type SharePayload, type ShareTarget } from '@/services/distribution'
import { useSession } from '@/stores/session'

/**
 * The page's share card (`onShareAppMessage`): an approved distributor shares the server's path with
 * their `ref` (`GET /api/distributors/me/share`), everyone else the plain path. Answers the payload
 * (null until known, and for everyone but an approved distributor) for the page's share buttons.
 */
export function useDistributorShare(target: ShareTarget | null, plain: { title: string; path: string }): SharePayload | null {
  const { user } = useSession()
  const [payload, setPayload] = useState<SharePayload | null>(null)
  const key = target ? JSON.stringify(target) : null
  const userId = user?.id ?? null

  useEffect(() => {
    setPayload(null)
    if (key === null || userId === null) return
    let live = true
    void distributorShare(JSON.parse(key) as ShareTarget).then((p) => {
      if (live) setPayload(p)
    })
    return () => {
      live = false
    }
  }, [key, userId])

  useShareAppMessage(() => (payload ? { title: payload.title || plain.title, path: payload.path } : plain))
  return payload
}
