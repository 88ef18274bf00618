import { useCallback, useEffect, useState } from 'react'
import { getCurrentMemberDay, memberDayTarget, type MemberDayCurrent } from '@/services/membership'
import { errorMessage } from '@/services/request'
import { clockSkew } from '@/utils/time'

/**
 * `GET /api/member-days/current` with a clock that ticks every second on the server's time (the answer's
 * `now`), for the countdowns; when the countdown ends (the day starts or ends) it asks the server again.
 * Call `load` when the page is shown.
 */
export function useMemberDay() {
  const [state, setState] = useState<{ data: MemberDayCurrent; skew: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [now, setNow] = useState(() => Date.now())

  const load = useCallback(async () => {
    setError(null)
    try {
      const data = await getCurrentMemberDay()
      const skew = clockSkew(data.now)
      setState({ data, skew })
      setNow(Date.now() + skew)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [])

  const target = memberDayTarget(state?.data ?? null)?.target ?? NaN
  const skew = state?.skew ?? 0
  useEffect(() => {
    if (Number.isNaN(target)) return undefined
    const timer = setInterval(() => {
      const t = Date.now() + skew
      setNow(t)
      // the window opened or closed: ask the server what is on now
      if (t >= target) {
        clearInterval(timer)
        void load()
      }
    }, 1000)
    return () => clearInterval(timer)
  }, [target, skew, state, load])

  return { data: state?.data ?? null, error, now, load }
}
