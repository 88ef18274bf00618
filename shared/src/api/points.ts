import type { PointsKind } from '../points';
import type { IsoDateTime } from './common';

/** An entry of `GET /api/points/ledger` (newest first, paged). */
export interface PointsLedgerEntry {
  id: number;
  kind: PointsKind;
  /** Signed: credits > 0, debits < 0. */
  delta: number;
  balanceAfter: number;
  orderId: number | null;
  memo: string;
  createdAt: IsoDateTime;
}
