import type { TestApp } from './test-app';

/**
 * Every balance equals the sum of its ledger (points; each commission balance of a distributor), in the whole database of `app`. Call it in `afterEach` (or after each
 * scenario) of every spec that moves points or commission. Add a line here when a module keeps a new ledger.
 */
export async function expectLedgersBalanced(app: TestApp): Promise<void> {
  const mismatched = await app.ds.query(
    `SELECT a.customerId, a.balance, COALESCE(SUM(l.delta), 0) AS ledgerSum
       FROM points_account a LEFT JOIN points_ledger l ON l.customerId = a.customerId
      GROUP BY a.customerId, a.balance
     HAVING a.balance <> COALESCE(SUM(l.delta), 0)`,
  );
  const orphans = await app.ds.query(
    `SELECT DISTINCT l.customerId FROM points_ledger l LEFT JOIN points_account a ON a.customerId = l.customerId WHERE a.customerId IS NULL`,
  );
  // each commission balance of a distributor is the sum of its column in the commission ledger
  const commission = await app.ds.query(
    `SELECT d.id, d.pendingCents, d.availableCents, d.frozenCents, d.withdrawnCents, d.owedCents,
            COALESCE(SUM(l.pendingDelta), 0) AS pending, COALESCE(SUM(l.availableDelta), 0) AS available, COALESCE(SUM(l.frozenDelta), 0) AS frozen,
            COALESCE(SUM(l.withdrawnDelta), 0) AS withdrawn, COALESCE(SUM(l.owedDelta), 0) AS owed
       FROM distributor d LEFT JOIN commission_ledger l ON l.distributorId = d.id
      GROUP BY d.id, d.pendingCents, d.availableCents, d.frozenCents, d.withdrawnCents, d.owedCents
     HAVING d.pendingCents <> COALESCE(SUM(l.pendingDelta), 0) OR d.availableCents <> COALESCE(SUM(l.availableDelta), 0)
         OR d.frozenCents <> COALESCE(SUM(l.frozenDelta), 0) OR d.withdrawnCents <> COALESCE(SUM(l.withdrawnDelta), 0) OR d.owedCents <> COALESCE(SUM(l.owedDelta), 0)`,
  );
  // pending commission is the sum of the commission rows still pending
  const pending = await app.ds.query(
    `SELECT d.id, d.pendingCents, COALESCE(SUM(c.amountCents), 0) AS rows_
       FROM distributor d LEFT JOIN commission c ON c.distributorId = d.id AND c.status = 'PENDING'
      GROUP BY d.id, d.pendingCents HAVING d.pendingCents <> COALESCE(SUM(c.amountCents), 0)`,
  );
  const negative = await app.ds.query(`SELECT id FROM distributor WHERE pendingCents < 0 OR availableCents < 0 OR frozenCents < 0 OR withdrawnCents < 0 OR owedCents < 0`);
  expect({ mismatched, orphans, commission, pending, negative }).toEqual({ mismatched: [], orphans: [], commission: [], pending: [], negative: [] });
}
