import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { join, resolve } from 'node:path';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { createLogger } from './common/logging';
import { validationPipe } from './common/validation';
import { AppConfig } from './config/config';

/** Where the built web front-ends live (server/admin/dist and miniapp/dist/h5). */
export const STATIC_DIRS = {
  admin: resolve(__dirname, '..', 'admin', 'dist'),
  shop: resolve(__dirname, '..', '..', 'miniapp', 'dist', 'h5'),
};

const BODY_LIMIT = 1024 * 1024;

/** Every request gets an id: the caller's X-Request-Id when sane, else a new one. */
function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}

/** TRUST_PROXY: true/false, or the proxies' addresses, ranges and names such as `loopback`, comma-separated. */
function trustProxy(value: string): boolean | string {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

/**
 * The HTTP layer (Fastify): request ids echoed as X-Request-Id, the JSON body limit, proxies to
 * trust for the client's address. Used by main.ts and every test that builds an app.
 */
export function createHttpAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({
    genReqId: requestIdFor,
    requestIdHeader: false,
    trustProxy: trustProxy(process.env.TRUST_PROXY ?? 'loopback'),
    bodyLimit: BODY_LIMIT,
    // Node's own limit for receiving a whole request, which Fastify turns off: a client that trickles its request
    // in must not hold a connection for ever
    requestTimeout: 60_000,
    routerOptions: { ignoreTrailingSlash: true },
    // a malformed %-escape or an over-long parameter in the path, refused by the router before any hook
    frameworkErrors: (error: { statusCode?: number }, req: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      void reply.header('x-request-id', req.id).status(status).send({ error: { code: 'VALIDATION_FAILED', message: '请求地址有误' } });
    },
  });
  adapter.getInstance().addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  return adapter;
}

/** The built SPA under `mount`: its files, and index.html for the client-side routes (paths without a dot). */
async function serveSpa(fastify: FastifyInstance, mount: string, dir: string): Promise<void> {
  if (!existsSync(join(dir, 'index.html'))) return;
  // the files as they are at start (wildcard: false): a rebuilt front-end is served after a restart
  await fastify.register(fastifyStatic, {
    root: dir,
    prefix: `${mount}/`,
    decorateReply: false,
    wildcard: false,
    maxAge: '1h',
    // the page itself is asked for anew, so a deploy's new asset names reach browsers at once
    setHeaders: (res, path) => void (path.endsWith('index.html') && res.header('cache-control', 'no-cache')),
  });
  fastify.get(`${mount}/*`, (req, reply) => {
    if (req.url.split('?')[0].includes('.')) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(createReadStream(join(dir, 'index.html')));
  });
}

/** Shared by main.ts and the e2e tests: the app as it runs in production. */
export async function setupApp(app: NestFastifyApplication, config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel);
  app.useLogger(logger);
  const fastify = app.getHttpAdapter().getInstance();
  if (logger.pino.isLevelEnabled('info')) {
    // the access log (off above info: it would cost every request work for lines never written)
    fastify.addHook('onResponse', (req, reply, done) => {
      if (req.url !== '/api/health') {
        logger.pino.info({ reqId: req.id, method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request completed');
      }
      done();
    });
  }
  // clients send action routes (pay, cancel, confirm) a JSON content type with no body: that is an empty object
  const json = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>('application/json', { bodyLimit: BODY_LIMIT }, (req, body, done) => (body.length === 0 ? done(null, {}) : json(req, body.toString('utf8'), done)));
  // image uploads (POST /api/admin/media/images); each route sets its own size limit
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 5, parts: 6 } });
  if (!config.production) app.enableCors({ origin: true, methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'] });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new AllExceptionsFilter());
  await serveSpa(fastify, '/admin', STATIC_DIRS.admin);
  await serveSpa(fastify, '/shop', STATIC_DIRS.shop);
  fastify.get('/', (_req, reply) => reply.redirect('/shop/', 302));
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
