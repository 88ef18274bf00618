import type { PropsWithChildren } from 'react'
import { useDidShow, useLaunch } from '@tarojs/taro'
import { holdLoginUntil, isLoggedIn, login, refFromQuery, refFromUrl } from '@/services/auth'
import { captureRef, openScene, sceneFromQuery, sceneFromUrl } from '@/services/referral'
import './app.css'

type Query = Record<string, unknown> | undefined

/** The share link or code the app was last opened with (WeChat shows the app again with the same query). */
let lastRef: string | undefined
let lastScene: string | undefined

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    // A share path carries a distributor `ref`; a poster's code a `scene` that names one (services/referral.ts).
    const query = options?.query as Query
    const href = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? window.location.href : ''
    const ref = refFromQuery(query) ?? (href ? refFromUrl(href) : undefined)
    const scene = ref ? undefined : (sceneFromQuery(query) ?? (href ? sceneFromUrl(href) : undefined))
    const loggedIn = isLoggedIn()
    lastRef = ref
    lastScene = scene
    if (ref) captureRef(ref, loggedIn)
    if (scene) {
      const found = openScene(scene, options?.path, loggedIn)
      // a new customer's login carries the scene's ref
      if (!loggedIn) holdLoginUntil(found)
    }
    login().catch(() => undefined) // the session store keeps the error; pages offer a retry
  })

  // Opening another share link or code while the app is still alive shows it again without a new launch.
  useDidShow((options) => {
    const query = (options as { query?: Query; path?: string } | undefined)?.query
    const ref = refFromQuery(query)
    const scene = sceneFromQuery(query)
    if (ref && ref !== lastRef) {
      lastRef = ref
      captureRef(ref)
    } else if (!ref && scene && scene !== lastScene) {
      lastScene = scene
      void openScene(scene, (options as { path?: string }).path)
    }
  })

  return children
}

export default App
