import { useSyncExternalStore } from 'react'
import { KEYS, getItem, removeItem, setItem } from '@/services/storage'

/** The logged-in customer as `POST /api/auth/wechat-login` and `GET /api/me` return it. */
export interface User {
  id: number | string
  nickname: string | null
  avatarUrl?: string | null
  isMember?: boolean
  memberUntil?: string | null
  tier?: { id: number; name: string } | null
  growth?: number
  pointsBalance?: number
}

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface SessionState {
  status: SessionStatus
  user: User | null
  error: string | null
}

let state: SessionState = { status: 'idle', user: getItem<User>(KEYS.user) ?? null, error: null }
const listeners = new Set<() => void>()

export function getSession(): SessionState {
  return state
}

export function updateSession(patch: Partial<SessionState>): void {
  state = { ...state, ...patch }
  if ('user' in patch) {
    if (patch.user) setItem(KEYS.user, patch.user)
    else removeItem(KEYS.user)
  }
  listeners.forEach((l) => l())
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession)
}
