import { Controller, Get } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import request from 'supertest';
import { AuditLog } from '../src/common/audit/audit-log.entity';
import { AuditService } from '../src/common/audit/audit.service';
import { AllExceptionsFilter } from '../src/common/http-exception.filter';
import { PinoNestLogger } from '../src/common/logging';
import { IdempotencyService } from '../src/common/idempotency/idempotency.service';
import { withTx } from '../src/common/tx';
import { Category } from '../src/modules/catalog/entities/category.entity';
import { createHttpAdapter } from '../src/setup-app';
import { createTestApp, TestApp } from './support/test-app';

describe('common services on MariaDB', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('idempotency: 10 parallel calls with one key do the work once and all get the first result', async () => {
    const idem = t.app.get(IdempotencyService);
    const audit = t.app.get(AuditService);
    const body = { what: 'x' };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        idem.run(7, 'key-1', 'POST /test', body, async ({ em }) => {
          await audit.record(em, { staffId: null, action: 'idem.test', targetType: 'test', targetId: 'key-1' });
          const row = await em.getRepository(AuditLog).findOneOrFail({ where: { action: 'idem.test' }, order: { id: 'DESC' } });
          return { auditId: row.id };
        }),
      ),
    );
    expect(new Set(results.map((r) => r.auditId)).size).toBe(1);
    expect(await t.ds.getRepository(AuditLog).countBy({ action: 'idem.test' })).toBe(1);
    // same key, another customer: independent
    const other = await idem.run(8, 'key-1', 'POST /test', body, async () => ({ auditId: -1 }));
    expect(other.auditId).toBe(-1);
  });

  it('idempotency: the same key with another request is a 409, a failed attempt leaves nothing', async () => {
    const idem = t.app.get(IdempotencyService);
    await idem.run(9, 'k2', 'POST /test', { a: 1 }, async () => ({ ok: true }));
    await expect(idem.run(9, 'k2', 'POST /test', { a: 2 }, async () => ({ ok: true }))).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    await expect(
      idem.run(9, 'k3', 'POST /test', {}, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await idem.run(9, 'k3', 'POST /test', {}, async () => ({ second: true }))).toEqual({ second: true });
    await expect(idem.run(9, 'bad key with spaces', 'POST /test', {}, async () => ({}))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      response: { error: { message: expect.stringMatching(/^Idempotency-Key 须为 1–100 个字符/) } },
    });
  });

  it('withTx retries the victim of a deadlock so both transactions complete', async () => {
    const [a, b] = await t.ds.getRepository(Category).save([
      { parentId: null, name: 'lock-a', iconUrl: '', sort: 0, active: true },
      { parentId: null, name: 'lock-b', iconUrl: '', sort: 0, active: true },
    ]);
    let attempts = 0;
    const pause = () => new Promise((r) => setTimeout(r, 150));
    const cross = (first: number, second: number) =>
      withTx(t.ds, async ({ em }) => {
        attempts++;
        await em.increment(Category, { id: first }, 'sort', 1);
        await pause();
        await em.increment(Category, { id: second }, 'sort', 1);
      });
    await Promise.all([cross(a.id, b.id), cross(b.id, a.id)]);
    expect(attempts).toBe(3);
    const rows = await t.ds.getRepository(Category).findBy([{ id: a.id }, { id: b.id }]);
    expect(rows.map((r) => r.sort)).toEqual([2, 2]);
  });

  it('audit records commit with the transaction, or not at all', async () => {
    const audit = t.app.get(AuditService);
    await withTx(t.ds, ({ em }) => audit.record(em, { staffId: 1, action: 'price.change', targetType: 'sku', targetId: 5, before: { p: 1 }, after: { p: 2 } }));
    await expect(
      withTx(t.ds, async ({ em }) => {
        await audit.record(em, { staffId: 1, action: 'rolled.back', targetType: 'sku', targetId: 5 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const res = await t.http().get('/api/admin/audit-log?targetType=sku').set(await t.staff()).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ staffId: 1, action: 'price.change', targetId: '5', before: { p: 1 }, after: { p: 2 }, createdAt: expect.any(String) }),
    ]);
  });
});

@Controller('boom')
class BoomController {
  @Get()
  boom(): never {
    throw new Error('secret internal detail');
  }
}

describe('unexpected errors', () => {
  it('answer 500 INTERNAL_ERROR with the request id and no internals, and log the error with that id', async () => {
    const mod = await Test.createTestingModule({ controllers: [BoomController] }).compile();
    const app = mod.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { bufferLogs: true });
    const lines: string[] = [];
    app.useLogger(new PinoNestLogger(pino({ level: 'error' }, { write: (line: string) => void lines.push(line) })));
    app.useGlobalFilters(new AllExceptionsFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const res = await request(app.getHttpServer()).get('/boom').set('X-Request-Id', 'req-42').expect(500);
    expect(res.headers['x-request-id']).toBe('req-42');
    expect(res.body).toEqual({ error: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试', requestId: 'req-42' } });
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(logged).toMatchObject({ level: 50, reqId: 'req-42', url: '/boom', context: 'Exceptions', err: { message: 'secret internal detail' } });
    await app.close();
  });
});
