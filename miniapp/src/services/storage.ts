import Taro from '@tarojs/taro'

/** Storage keys (wx storage in the mini-program, localStorage in H5). */
export const KEYS = {
  token: 'mc.token',
  user: 'mc.user',
  ref: 'mc.ref',
  demoId: 'mc.h5DemoId',
} as const

export function getItem<T>(key: string): T | undefined {
  try {
    const v = Taro.getStorageSync(key)
    return v === '' || v === null || v === undefined ? undefined : (v as T)
  } catch {
    return undefined
  }
}

export function setItem(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // storage full or unavailable: the session simply won't survive a restart
  }
}

export function removeItem(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // ignore
  }
}

export const getToken = () => getItem<string>(KEYS.token)
export const setToken = (token: string) => setItem(KEYS.token, token)
export const clearToken = () => removeItem(KEYS.token)
