import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { AppError } from '../errors';
import { isDuplicateKey } from '../tx';
import { RateLimitCounter } from './rate-limit-counter.entity';

/** Fixed-window counters in the database (shared by every API instance). */
@Injectable()
export class RateLimitService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Throws 429 RATE_LIMITED when the bucket already has `limit` hits in the current window. */
  async assertUnder(bucket: string, limit: number, windowMs: number): Promise<void> {
    const row = await this.ds.manager.findOneBy(RateLimitCounter, { bucket });
    const now = this.clock.now().getTime();
    if (row && now - row.windowStart.getTime() < windowMs && row.hits >= limit) {
      const retryAfterSeconds = Math.ceil((row.windowStart.getTime() + windowMs - now) / 1000);
      throw new AppError(429, 'RATE_LIMITED', '尝试次数过多，请稍后再试', { retryAfterSeconds });
    }
  }

  /** Counts one hit; a hit after the window ends starts a new window. */
  hit(bucket: string, windowMs: number): Promise<void> {
    return this.count(bucket, windowMs, false);
  }

  private async count(bucket: string, windowMs: number, retried: boolean): Promise<void> {
    const now = this.clock.now();
    const windowFloor = new Date(now.getTime() - windowMs);
    const updated = await this.ds
      .createQueryBuilder()
      .update(RateLimitCounter)
      .set({
        hits: () => `CASE WHEN windowStart > :floor THEN hits + 1 ELSE 1 END`,
        windowStart: () => `CASE WHEN windowStart > :floor THEN windowStart ELSE :now END`,
      })
      .where('bucket = :bucket')
      .setParameters({ bucket, floor: windowFloor, now })
      .execute();
    if (updated.affected) return;
    try {
      await this.ds.manager.insert(RateLimitCounter, { bucket, windowStart: now, hits: 1 });
    } catch (e) {
      if (retried || !isDuplicateKey(e)) throw e;
      // a concurrent first hit created the row: count this one on it
      await this.count(bucket, windowMs, true);
    }
  }

  async reset(bucket: string): Promise<void> {
    await this.ds.manager.delete(RateLimitCounter, { bucket });
  }
}
