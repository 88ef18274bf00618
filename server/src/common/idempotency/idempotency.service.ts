import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { AppError, badRequest } from '../errors';
import { isDuplicateKey, Tx, withTx } from '../tx';
import { IdempotencyKey } from './idempotency-key.entity';

const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{1,100}$/;

/**
 * Idempotency-Key handling (api.md): the same key from the same customer returns the first
 * result and creates nothing new. The key row is inserted first in the business transaction,
 * so a concurrent twin blocks on the unique index, then finds the committed answer.
 * A failed attempt rolls back with its key and can be retried.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async run<T extends object>(
    customerId: number,
    key: string | undefined,
    scope: string,
    request: unknown,
    work: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    if (key === undefined || key === '') return withTx(this.ds, work);
    if (!KEY_PATTERN.test(key)) throw badRequest('Idempotency-Key 须为 1–100 个字符，只能包含 A-Z a-z 0-9 _ - : .');
    const requestHash = createHash('sha256').update(scope).update('\n').update(JSON.stringify(request ?? null)).digest('hex');
    const replay = async (em: EntityManager): Promise<T | null> => {
      const row = await em.findOneBy(IdempotencyKey, { customerId, idemKey: key });
      if (!row) return null;
      if (row.requestHash !== requestHash) {
        throw new AppError(409, 'IDEMPOTENCY_CONFLICT', '该请求编号（Idempotency-Key）已用于另一笔不同的请求，请刷新后重试');
      }
      return JSON.parse(row.responseJson) as T;
    };
    try {
      return await withTx(this.ds, async (tx) => {
        const { em } = tx;
        const earlier = await replay(em);
        if (earlier) return earlier;
        await em.insert(IdempotencyKey, {
          customerId,
          idemKey: key,
          requestHash,
          responseStatus: 0,
          responseJson: '{}',
          createdAt: this.clock.now(),
        });
        const result = await work(tx);
        await em.update(IdempotencyKey, { customerId, idemKey: key }, { responseStatus: 200, responseJson: JSON.stringify(result) });
        return result;
      });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const earlier = await replay(this.ds.manager);
      if (earlier) return earlier;
      throw e;
    }
  }
}
