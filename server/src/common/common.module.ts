import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AuditService } from './audit/audit.service';
import { CustomerGuard, StaffGuard } from './auth/guards';
import { Clock } from './clock';
import { IdempotencyService } from './idempotency/idempotency.service';
import { RateLimitService } from './rate-limit/rate-limit.service';

/** Cross-cutting services every module may inject. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { expiresIn: '7d' } }),
    }),
  ],
  providers: [Clock, AuditService, IdempotencyService, RateLimitService, CustomerGuard, StaffGuard],
  exports: [JwtModule, Clock, AuditService, IdempotencyService, RateLimitService, CustomerGuard, StaffGuard],
})
export class CommonModule {}
