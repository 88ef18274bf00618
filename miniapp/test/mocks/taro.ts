// A stand-in for @tarojs/taro in jsdom: the APIs the app calls as vi.fn()s, storage in a Map, and the
// page/app lifecycle hooks as effects whose handlers tests can fire (fire.reachBottom() …).
import { useEffect, useRef } from 'react'
import { vi } from 'vitest'

type Handler = (...args: unknown[]) => unknown

const storage = new Map<string, unknown>()
const handlers = {
  reachBottom: new Set<Handler>(),
  pullDownRefresh: new Set<Handler>(),
  didShow: new Set<Handler>(),
}

/** What useLaunch's handler gets (set per test with setLaunchOptions). */
let launchOptions: unknown
export function setLaunchOptions(options: { path?: string; query?: Record<string, string> }): void {
  launchOptions = options
}

function lifecycle(set: Set<Handler>, runOnMount = false, mountArgs: () => unknown[] = () => []) {
  return (fn: Handler) => {
    const ref = useRef(fn)
    ref.current = fn
    useEffect(() => {
      const h: Handler = (...args) => ref.current(...args)
      set.add(h)
      if (runOnMount) h(...mountArgs())
      return () => {
        set.delete(h)
      }
    }, [])
  }
}

export const fire = {
  reachBottom: () => [...handlers.reachBottom].forEach((h) => h()),
  pullDownRefresh: () => [...handlers.pullDownRefresh].forEach((h) => h()),
  didShow: (options?: unknown) => [...handlers.didShow].forEach((h) => h(options)),
}

/** What useRouter().params answers (set per test with setRouterParams). */
let routerParams: Record<string, string> = {}
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}
export const useRouter = () => ({ params: routerParams, path: '' })

/** How many pages the fake stack holds (getCurrentPages().length). */
let pageStackDepth = 2
export function setPageStackDepth(depth: number): void {
  pageStackDepth = depth
}

const Taro = {
  request: vi.fn(),
  login: vi.fn(),
  requestPayment: vi.fn(),
  requestSubscribeMessage: vi.fn(),
  showToast: vi.fn(() => Promise.resolve()),
  showModal: vi.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  navigateTo: vi.fn(() => Promise.resolve()),
  redirectTo: vi.fn(() => Promise.resolve()),
  reLaunch: vi.fn(() => Promise.resolve()),
  downloadFile: vi.fn(),
  saveImageToPhotosAlbum: vi.fn(),
  openSetting: vi.fn(() => Promise.resolve()),
  setClipboardData: vi.fn(() => Promise.resolve()),
  navigateBack: vi.fn(() => Promise.resolve()),
  switchTab: vi.fn(() => Promise.resolve()),
  setNavigationBarTitle: vi.fn(() => Promise.resolve()),
  setTabBarBadge: vi.fn(() => Promise.resolve()),
  removeTabBarBadge: vi.fn(() => Promise.resolve()),
  chooseAddress: vi.fn(),
  getCurrentPages: () => Array.from({ length: pageStackDepth }, () => ({})),
  stopPullDownRefresh: vi.fn(),
  previewImage: vi.fn(() => Promise.resolve()),
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => {
    storage.set(key, value)
  },
  removeStorageSync: (key: string) => {
    storage.delete(key)
  },
  clearStorageSync: () => storage.clear(),
}

/** Called after each test (test/setup.ts). */
export function resetTaroMock(): void {
  storage.clear()
  for (const set of Object.values(handlers)) set.clear()
  for (const fn of Object.values(Taro)) if (vi.isMockFunction(fn)) fn.mockReset()
  routerParams = {}
  launchOptions = undefined
  pageStackDepth = 2
  Taro.showToast.mockImplementation(() => Promise.resolve())
  Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }))
  Taro.navigateTo.mockImplementation(() => Promise.resolve())
  Taro.redirectTo.mockImplementation(() => Promise.resolve())
  Taro.reLaunch.mockImplementation(() => Promise.resolve())
  Taro.openSetting.mockImplementation(() => Promise.resolve())
  Taro.setClipboardData.mockImplementation(() => Promise.resolve())
  Taro.navigateBack.mockImplementation(() => Promise.resolve())
  Taro.switchTab.mockImplementation(() => Promise.resolve())
  Taro.setNavigationBarTitle.mockImplementation(() => Promise.resolve())
  Taro.setTabBarBadge.mockImplementation(() => Promise.resolve())
  Taro.removeTabBarBadge.mockImplementation(() => Promise.resolve())
}

export const useLoad = lifecycle(new Set(), true)
export const useReady = lifecycle(new Set(), true)
export const useDidShow = lifecycle(handlers.didShow, true)
export const useDidHide = lifecycle(new Set())
export const useLaunch = lifecycle(new Set(), true, () => (launchOptions === undefined ? [] : [launchOptions]))
export const useReachBottom = lifecycle(handlers.reachBottom)
export const usePullDownRefresh = lifecycle(handlers.pullDownRefresh)
export const useShareAppMessage = vi.fn()

export default Taro
