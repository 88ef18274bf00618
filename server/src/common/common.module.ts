import { Global, Module } from '@nestjs/common';
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
export class CommonModule {}
