import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { validationPipe } from './common/validation';
import { AppConfig } from './config/config';

/** Where the built web front-ends live (server/admin/dist and miniapp/dist/h5). */
export const STATIC_DIRS = {
  admin: resolve(__dirname, '..', 'admin', 'dist'),
  shop: resolve(__dirname, '..', '..', 'miniapp', 'dist', 'h5'),
};

function serveSpa(app: NestExpressApplication, mount: string, dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) return;
  app.use(mount, express.static(dir, { index: 'index.html', maxAge: '1h' }));
  // client-side routes fall back to the page itself
  app.use(mount, (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || req.path.includes('.')) return next();
    res.sendFile(join(dir, 'index.html'));
  });
}

/** Shared by main.ts and the e2e tests: the app as it runs in production. */
export function setupApp(nest: INestApplication, config: AppConfig): INestApplication {
  const app = nest as NestExpressApplication;
  app.useLogger(app.get(Logger));
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback');
  app.disable('x-powered-by');
  if (!config.production) app.enableCors({ origin: true });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new AllExceptionsFilter());
  serveSpa(app, '/admin', STATIC_DIRS.admin);
  serveSpa(app, '/shop', STATIC_DIRS.shop);
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method === 'GET' && req.path === '/') return res.redirect(302, '/shop/');
    next();
  });
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Member commerce API')
      .setDescription('The HTTP contract of the WeChat member-commerce server. Money is integer fen (…Cents).')
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
  return app;
}
