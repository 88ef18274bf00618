import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/config';
import { SeedService } from './modules/seed/seed.service';
import { STATIC_DIRS, setupApp } from './setup-app';
import { forkSimulator } from './wechat/fork-simulator';
import { existsSync } from 'node:fs';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  let simUrl: string | null = null;
  if (config.wechatSim) {
    const sim = await forkSimulator(config.wechatSimPort);
    simUrl = sim.url;
    config.wechat = { ...config.wechat, ...sim.settings };
  }
  const nest = await NestFactory.create(AppModule.forRoot(config), { rawBody: true, bufferLogs: true });
  setupApp(nest, config);
  nest.enableShutdownHooks();
  if (config.seedDemo) await nest.get(SeedService).seedDemo();
  await nest.listen(config.port, config.host);
  const base = config.publicBaseUrl;
  const lines = [
    '',
    'Member commerce is running:',
    `  shop (mini-program H5): ${base}/shop/${existsSync(STATIC_DIRS.shop) ? '' : '   (not built: pnpm --filter @mc/miniapp build:h5)'}`,
    `  admin page:             ${base}/admin/${existsSync(STATIC_DIRS.admin) ? '' : '   (not built: pnpm --filter @mc/admin build)'}`,
    ...(config.seedDemo ? ['                          demo staff: admin / admin123 (also operator, finance)'] : []),
    `  API docs (Swagger):     ${base}/docs`,
    `  health:                 ${base}/api/health`,
    `  database:               ${config.databaseUrl ? config.databaseUrl.replace(/:[^:@/]*@/, ':***@') : `embedded sql.js file ${config.sqljsPath}`}`,
    ...(simUrl ? [`  WeChat simulator:       ${simUrl}`] : []),
    ...(config.devTools ? [`  dev tools:              ${base}/api/dev/clock, ${base}/api/dev/jobs`] : []),
    '',
  ];
  console.log(lines.join('\n'));
}

bootstrap().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
