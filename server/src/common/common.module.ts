import { createSecretKey } from 'node:crypto';
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
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM
      // public key on every verify (~1.6 ms per authenticated request).
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { expiresIn: '7d', algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [Clock, AuditService, IdempotencyService, RateLimitService, CustomerGuard, StaffGuard],
  exports: [JwtModule, Clock, AuditService, IdempotencyService, RateLimitService, CustomerGuard, StaffGuard],
})
export class CommonModule {}
