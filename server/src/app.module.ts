import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { CommonModule } from './common/common.module';
import { APP_CONFIG, AppConfig } from './config/config';
import { buildDataSourceOptions } from './database/db-options';
import { AddressModule } from './modules/address/address.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CartModule } from './modules/cart/cart.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { CheckoutModule } from './modules/checkout/checkout.module';
import { DevModule } from './modules/dev/dev.module';
import { HealthController } from './modules/health/health.controller';
import { JobsModule } from './modules/jobs/jobs.module';
import { MembershipSalesModule } from './modules/membership/membership-sales.module';
import { MediaController } from './modules/media/media.controller';
import { OrderModule } from './modules/order/order.module';
import { PointsModule } from './modules/points/points.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SeedModule } from './modules/seed/seed.module';
import { SettingsModule } from './modules/settings/settings.module';
import { WechatModule } from './wechat/wechat.module';

/** Every request gets an id (the caller's X-Request-Id when sane), echoed back and put on every log line. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

const ACCESS_LOG_LEVELS = new Set(['trace', 'debug', 'info']);

@Module({})
class ConfigHolderModule {}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ConfigHolderModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] },
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestId,
            redact: ['req.headers.authorization'],
            // The access log is at info: above that it would only cost per-request work for lines never written
            // (5xx are logged by AllExceptionsFilter with the request id either way).
            autoLogging: ACCESS_LOG_LEVELS.has(config.logLevel) ? { ignore: (req) => req.url === '/api/health' } : false,
            // Every request gets a child logger bound to its req, serialized up front whether or not anything
            // is logged: keep that to what identifies the request (no headers, so no tokens or cookies).
            serializers: { req: (req: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }) },
          },
        }),
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(config.databaseUrl, config.sqljsPath), migrationsRun: config.migrationsRun }),
        CommonModule,
        WechatModule,
        JobsModule,
        AuthModule,
        AuditModule,
        SettingsModule,
        CatalogModule,
        AddressModule,
        CheckoutModule,
        CartModule,
        OrderModule,
        PointsModule,
        MembershipSalesModule,
        ReportsModule,
        SeedModule,
        ...(config.devTools ? [DevModule] : []),
      ],
      controllers: [HealthController, MediaController],
    };
  }
}
