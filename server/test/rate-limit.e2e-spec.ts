import { QueryFailedError } from 'typeorm';
import { RateLimitCounter } from '../src/common/rate-limit/rate-limit-counter.entity';
import { RateLimitService } from '../src/common/rate-limit/rate-limit.service';
import { createTestApp, TestApp } from './support/test-app';

/** What mysql2 raises for a duplicate key, as TypeORM wraps it. */
const duplicateKey = () => new QueryFailedError('INSERT …', [], Object.assign(new Error("Duplicate entry 'x' for key 'PRIMARY'"), { code: 'ER_DUP_ENTRY' }));

describe('rate-limit counters on MariaDB', () => {
  let t: TestApp;
  let limits: RateLimitService;
  beforeAll(async () => {
    t = await createTestApp();
    limits = t.app.get(RateLimitService);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  const hitsOf = async (bucket: string) => (await t.ds.manager.findOneBy(RateLimitCounter, { bucket }))?.hits;

  it('counts concurrent first hits on one row', async () => {
    await Promise.all(Array.from({ length: 10 }, () => limits.hit('rl:concurrent', 60_000)));
    expect(await hitsOf('rl:concurrent')).toBe(10);
  });

  it('lets an error other than a duplicate key through, without trying again', async () => {
    const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST' });
    const insert = jest.spyOn(t.ds.manager, 'insert').mockRejectedValueOnce(lost);
    await expect(limits.hit('rl:lost', 60_000)).rejects.toBe(lost);
    expect(insert).toHaveBeenCalledTimes(1);
    expect(await hitsOf('rl:lost')).toBeUndefined();
  });

  it('retries a duplicate key once, and lets a second one through', async () => {
    const insert = jest.spyOn(t.ds.manager, 'insert').mockRejectedValueOnce(duplicateKey());
    await limits.hit('rl:dup-once', 60_000);
    expect(insert).toHaveBeenCalledTimes(2);
    expect(await hitsOf('rl:dup-once')).toBe(1);

    insert.mockClear().mockRejectedValueOnce(duplicateKey()).mockRejectedValueOnce(duplicateKey());
    await expect(limits.hit('rl:dup-twice', 60_000)).rejects.toBeInstanceOf(QueryFailedError);
    expect(insert).toHaveBeenCalledTimes(2);
  });
});
