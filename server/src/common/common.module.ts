import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { closeBatchPool } from '../database/batch-pool';
import { AuditService } from './audit/audit.service';
import { CustomerGuard, StaffGuard } from './auth/guards';
import { TokenService } from './auth/tokens';
import { Clock } from './clock';
import { IdempotencyService } from './idempotency/idempotency.service';
import { RateLimitService } from './rate-limit/rate-limit.service';

/** Cross-cutting services every module may inject. */
@Global()
@Module({
  providers: [TokenService, Clock, AuditService, IdempotencyService, RateLimitService, CustomerGuard, StaffGuard],
  exports: [TokenService, Clock, AuditService, IdempotencyService, RateLimitService, CustomerGuard, StaffGuard],
})
export class CommonModule implements OnApplicationShutdown {
  constructor(private readonly ds: DataSource) {}

  /** The transactions' batch pool (database/batch-pool.ts) closes with the app, like TypeORM's own. */
  async onApplicationShutdown(): Promise<void> {
    await closeBatchPool(this.ds);
  }
}
