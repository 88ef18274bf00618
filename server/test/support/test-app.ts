import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { startSimulator } from '@mc/wechat-sim';
import mysql from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig, loadConfig } from '../../src/config/config';
import { SeedService } from '../../src/modules/seed/seed.service';
import { createHttpAdapter, setupApp } from '../../src/setup-app';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The MariaDB/MySQL server the e2e tests use; each test file gets its own fresh database on it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306/test';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  ds: DataSource;
  /** supertest against the listening server */
  http: () => ReturnType<typeof request>;
  baseUrl: string;
  simUrl: string;
  close(): Promise<void>;
  /** Logs a customer in through the simulator (code test:<openid>) and returns the bearer header. */
  customer(openid: string): Promise<{ id: number; auth: { Authorization: string } }>;
  /** Logs a staff account in and returns the bearer header. */
  staff(username?: string, password?: string): Promise<{ Authorization: string }>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function withServerConnection<T>(fn: (c: mysql.Connection) => Promise<T>): Promise<T> {
  const u = new URL(TEST_DATABASE_URL);
  const conn = await mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
  });
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
}

export const ADMIN_PASSWORD = 'e2e-admin-password';

/**
 * One picture folder for every test app: names are digests of the content, so apps cannot disturb
 * each other, and the demo pictures are drawn once rather than at every seed.
 */
const E2E_MEDIA_DIR = join(tmpdir(), 'mc-e2e-media');

export async function createTestApp(opts: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dbName = `mc_e2e_${randomBytes(5).toString('hex')}`;
  await withServerConnection((c) => c.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  const databaseUrl = new URL(TEST_DATABASE_URL);
  databaseUrl.pathname = `/${dbName}`;
  const sim = await startSimulator({ port: 0 });
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl.toString(),
    PORT: String(port),
    DEV_TOOLS: '1',
    JOBS: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ADMIN_PASSWORD,
    JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
    MEDIA_DIR: E2E_MEDIA_DIR,
    ...opts.env,
  });
  config.wechat = { ...config.wechat, ...sim.config, apiBase: sim.url, payApiBase: sim.url };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { rawBody: true, bufferLogs: true });
  await setupApp(app, config);
  await app.init();
  if (opts.seed) await app.get(SeedService).seedDemo();
  await app.listen(port, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  const http = () => request(baseUrl);
  return {
    app,
    config,
    ds: app.get(DataSource),
    http,
    baseUrl,
    simUrl: sim.url,
    async close() {
      await app.close();
      await sim.close();
      await withServerConnection((c) => c.query(`DROP DATABASE IF EXISTS \`${dbName}\``));
    },
    async customer(openid: string) {
      const res = await http().post('/api/auth/wechat-login').send({ code: `test:${openid}` }).expect(200);
      return { id: res.body.user.id as number, auth: { Authorization: `Bearer ${res.body.token}` } };
    },
    async staff(username = 'admin', password = ADMIN_PASSWORD) {
      const res = await http().post('/api/admin/auth/login').send({ username, password }).expect(200);
      return { Authorization: `Bearer ${res.body.token}` };
    },
  };
}
