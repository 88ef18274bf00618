import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { CommonModule } from './common/common.module';
import { APP_CONFIG, AppConfig } from './config/config';
import { buildDataSourceOptions } from './database/db-options';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { DevModule } from './modules/dev/dev.module';
import { HealthController } from './modules/health/health.controller';
import { JobsModule } from './modules/jobs/jobs.module';
import { MediaController } from './modules/media/media.controller';
import { SeedModule } from './modules/seed/seed.module';
import { WechatModule } from './wechat/wechat.module';

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
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(config.databaseUrl, config.sqljsPath), migrationsRun: config.migrationsRun }),
        CommonModule,
        WechatModule,
        JobsModule,
        AuthModule,
        AuditModule,
        CatalogModule,
        SeedModule,
        ...(config.devTools ? [DevModule] : []),
      ],
      controllers: [HealthController, MediaController],
    };
  }
}
