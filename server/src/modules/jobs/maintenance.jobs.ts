import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.entity';
import { RateLimitCounter } from '../../common/rate-limit/rate-limit-counter.entity';
import { JobRegistry } from './job-registry.service';


/** Housekeeping: old idempotency keys (a client retries within minutes, we keep 7 days) and stale rate-limit windows. */
@Injectable()
export class MaintenanceJobs implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'purge-idempotency-keys',
      description: 'delete Idempotency-Key records older than 7 days',
      everyMs: 60 * 60 * 1000,
      run: async () => {
        const res = await this.ds.manager.delete(IdempotencyKey, { createdAt: LessThan(new Date(this.clock.now().getTime() - 7 * DAY_MS)) });
        return { deleted: res.affected ?? 0 };
      },
    });
    this.jobs.register({
      name: 'purge-rate-limits',
      description: 'delete rate-limit windows that ended more than a day ago',
      everyMs: 60 * 60 * 1000,
      run: async () => {
        const res = await this.ds.manager.delete(RateLimitCounter, { windowStart: LessThan(new Date(this.clock.now().getTime() - DAY_MS)) });
        return { deleted: res.affected ?? 0 };
      },
    });
  }
}
