import { Injectable } from '@nestjs/common';
import { commissionMovement, type CommissionMovement } from '@mc/shared';
import { Clock } from '../../common/clock';
import { conflict } from '../../common/errors';
import { rowLock, type Tx } from '../../common/tx';
import * as sql from '../../database/sql';
import { CommissionLedger, type CommissionLedgerKind } from './entities/commission.entity';
import { Distributor } from './entities/distributor.entity';

export interface CommissionPosting {
  kind: CommissionLedgerKind;
  movement: Partial<CommissionMovement>;
  /** Names the business event; a second posting with the same key changes nothing. */
  dedupeKey: string;
  commissionId?: number | null;
  withdrawalId?: number | null;
  memo: string;
}

const BALANCES = [
  ['pendingDelta', 'pendingCents'],
  ['availableDelta', 'availableCents'],
  ['frozenDelta', 'frozenCents'],
  ['withdrawnDelta', 'withdrawnCents'],
  ['owedDelta', 'owedCents'],
] as const;

/**
 * The distributors' money: one ledger row per movement and the balances on `distributor` moved
 * with it, in the caller's transaction, under the distributor's row lock (`lock`). No balance goes
 * below zero: what a refund takes back beyond the available balance is recorded as owed.
 */
@Injectable()
export class CommissionLedgerService {
  constructor(private readonly clock: Clock) {}

  /** The distributor's row, locked until the transaction ends: every change of its money queues here. */
  async lock(tx: Tx, distributorId: number): Promise<Distributor> {
    return tx.em.findOneOrFail(Distributor, { where: { id: distributorId }, lock: rowLock(tx.em) });
  }

  /** Locks several distributors in id order (fewer deadlocks). */
  async lockAll(tx: Tx, ids: readonly number[]): Promise<Map<number, Distributor>> {
    const out = new Map<number, Distributor>();
    for (const id of [...new Set(ids)].sort((a, b) => a - b)) out.set(id, await this.lock(tx, id));
    return out;
  }

  /**
   * One movement: the ledger row (a duplicate key is a replay: false, nothing changes) and the
   * balances, changed relative to the row's current values and only when none goes negative.
   * `d` is the locked row; its balances are updated in memory too.
   */
  async post(tx: Tx, d: Distributor, p: CommissionPosting): Promise<boolean> {
    const m = commissionMovement(p.movement);
    if (BALANCES.every(([delta]) => m[delta] === 0)) return false;
    const exists = await tx.em.findOne(CommissionLedger, { select: { id: true }, where: { dedupeKey: p.dedupeKey } });
    if (exists) return false;
    await tx.insert(CommissionLedger, [
      {
        distributorId: d.id,
        kind: p.kind,
        ...m,
        commissionId: p.commissionId ?? null,
        withdrawalId: p.withdrawalId ?? null,
        dedupeKey: p.dedupeKey,
        memo: p.memo.slice(0, 200),
        createdAt: this.clock.now(),
      },
    ]);
    const set = BALANCES.map(([, col]) => `\`${col}\` = \`${col}\` + ?`).join(', ');
    const guard = BALANCES.map(([, col]) => `\`${col}\` + ? >= 0`).join(' AND ');
    const deltas = BALANCES.map(([delta]) => m[delta]);
    const changed = await tx.execute(`UPDATE ${sql.table(tx.em, Distributor)} SET ${set} WHERE id = ? AND ${guard}`, [...deltas, d.id, ...deltas]);
    if (changed !== 1) throw conflict('INSUFFICIENT_BALANCE', '佣金余额不足');
    for (const [delta, col] of BALANCES) d[col] += m[delta];
    return true;
  }
}
