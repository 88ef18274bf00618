import type { PointsKind } from '../points';
import type { Id, IsoDateTime } from './common';

/** An entry of `GET /api/points/ledger` (newest first, paged). */
export interface PointsLedgerEntry {
  id: Id;
  kind: PointsKind;
  /** Signed: credits > 0, debits < 0. */
  delta: number;
  balanceAfter: number;
  orderId: Id | null;
  memo: string;
  createdAt: IsoDateTime;
}
