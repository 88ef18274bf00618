import type { TestApp } from './test-app';

/**
 * Every balance equals the sum of its ledger, in the whole database of `app`. Call it in `afterEach` (or after each
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
  expect({ mismatched, orphans }).toEqual({ mismatched: [], orphans: [] });
}
