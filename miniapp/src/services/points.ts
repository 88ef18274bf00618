import { POINTS_KIND_LABEL, type Paged, type PointsKind, type PointsLedgerEntry } from '@mc/shared'
import { get } from './request'

export type { PointsLedgerEntry } from '@mc/shared'

/** The customer's own points ledger, newest first. */
export function listPointsLedger(page: number, pageSize: number): Promise<Paged<PointsLedgerEntry>> {
  return get<Paged<PointsLedgerEntry>>('/api/points/ledger', { page, pageSize })
}

/** A REVERSE that credits is spent points given back (a cancelled or refunded order), not points taken back. */
export const pointsKindLabel = (kind: string, delta = 0): string =>
  kind === 'REVERSE' && delta > 0 ? '抵扣退还' : (POINTS_KIND_LABEL[kind as PointsKind] ?? '积分变动')

/** `+120` / `-33` */
export const pointsDeltaText = (delta: number): string => (delta > 0 ? `+${delta}` : String(delta))
