import { Logger } from '@nestjs/common';
import pino from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { ConfigCache } from '../src/common/config-cache';
import { PinoNestLogger } from '../src/common/logging';

class Tier {}

describe('ConfigCache', () => {
  it('logs a failed background refresh with its error', async () => {
    const lines: string[] = [];
    Logger.overrideLogger(new PinoNestLogger(pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })));
    const pool = {} as EntityManager;
    const tx = { queryRunner: { isTransactionActive: true, data: {} } } as unknown as EntityManager;
    const ds = { subscribers: [], manager: pool } as unknown as DataSource;
    // the pool cannot load (its connections are gone), the caller's transaction can
    const cache = new ConfigCache(ds, [Tier], 5_000, async (em) => {
      if (em === pool) throw new Error('pool acquire timeout');
      return ['from the transaction'];
    });

    expect(await cache.get(tx)).toEqual(['from the transaction']);
    await new Promise((r) => setImmediate(r));
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.context === 'ConfigCache');
    expect(logged).toEqual([expect.objectContaining({ level: 50, tables: 'Tier', err: expect.objectContaining({ message: 'pool acquire timeout' }) })]);
  });
});
