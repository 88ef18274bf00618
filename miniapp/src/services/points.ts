import { POINTS_KIND_LABEL, type Paged, type PointsKind, type PointsLedgerEntry } from '@mc/shared'
import { get } from './request'

export type { PointsLedgerEntry } from '@mc/shared'

/** The customer's own points ledger, newest first. */
export function listPointsLedger(page: number, pageSize: number): Promise<Paged<PointsLedgerEntry>> {
  return get<Paged<PointsLedgerEntry>>('/api/points/ledger', { page, pageSize })
}

export const pointsKindLabel = (kind: string): string => POINTS_KIND_LABEL[kind as PointsKind] ?? '积分变动'

/** `+120` / `-33` */
export const pointsDeltaText = (delta: number): string => (delta > 0 ? `+${delta}` : String(delta))
