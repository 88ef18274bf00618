import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Tx } from '../../common/tx';
import * as sql from '../../database/sql';

/**
 * Moves a row from status `from` to `to` only if it is still in `from` (one UPDATE … WHERE id = ?
 * AND status = ?): true when this call made the change, false when the row had moved on.
 * The caller checks the state table first (canTransition / canRefundTransition).
 */
export async function compareAndSet<T extends ObjectLiteral & { id: number; status: string }>(
  tx: Tx,
  entity: EntityTarget<T>,
  id: number,
  from: T['status'],
  changes: Partial<T> & { status: T['status'] },
): Promise<boolean> {
  const { clause, params } = sql.assignments(tx.em, entity, changes);
  return (await tx.execute(`UPDATE ${sql.table(tx.em, entity)} SET ${clause} WHERE id = ? AND status = ?`, [...params, id, from])) === 1;
}
