import type { PropsWithChildren } from 'react'
import { useDidShow, useLaunch } from '@tarojs/taro'
import { login, refFromQuery, refFromUrl, rememberRef, isLoggedIn } from '@/services/auth'
import './app.css'

let launchRef: string | undefined

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    // A share path or poster may carry a distributor `ref`; it goes out with the login.
    let ref = refFromQuery(options?.query as Record<string, unknown> | undefined)
    if (!ref && process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') ref = refFromUrl(window.location.href)
    launchRef = ref
    rememberRef(ref)
    login().catch(() => undefined) // the session store keeps the error; pages offer a retry
  })

  // Opening another share link while the app is still alive shows it again without a new launch.
  useDidShow((options) => {
    const ref = refFromQuery(options?.query as Record<string, unknown> | undefined)
    if (!ref || ref === launchRef) return
    launchRef = ref
    // a logged-in customer's ref goes nowhere: the server has no route for a visit yet
    if (!isLoggedIn()) rememberRef(ref)
  })

  return children
}

export default App
