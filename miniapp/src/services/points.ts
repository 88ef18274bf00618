import { POINTS_KIND_LABEL, type PointsKind } from '@mc/shared'
import type { Id, Paged } from './catalog'
import { get } from './request'

/** `GET /api/points/ledger` item. */
export interface PointsLedgerEntry {
  id: Id
  kind: PointsKind
  /** Signed: credits > 0, debits < 0. */
  delta: number
  balanceAfter: number
  orderId: Id | null
  memo: string
  createdAt: string
}

/** The customer's own points ledger, newest first. */
export function listPointsLedger(page: number, pageSize: number): Promise<Paged<PointsLedgerEntry>> {
  return get<Paged<PointsLedgerEntry>>('/api/points/ledger', { page, pageSize })
}

export const pointsKindLabel = (kind: string): string => POINTS_KIND_LABEL[kind as PointsKind] ?? '积分变动'

/** `+120` / `-33` */
export const pointsDeltaText = (delta: number): string => (delta > 0 ? `+${delta}` : String(delta))
