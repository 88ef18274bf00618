import { Controller, Get, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from '../src/common/http-exception.filter';
import { createHttpAdapter } from '../src/setup-app';

const coded = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

/** What mysql2 and TypeORM throw when the database cannot be reached, by name. */
const THROWN: Record<string, () => Error> = {
  refused: () => coded('connect ECONNREFUSED 127.0.0.1:3306', 'ECONNREFUSED'),
  'connect-timeout': () => coded('connect ETIMEDOUT', 'ETIMEDOUT'),
  lost: () => new QueryFailedError('SELECT 1', [], coded('Connection lost: The server closed the connection.', 'PROTOCOL_CONNECTION_LOST')),
  closed: () => coded("Can't add new command when connection is in closed state"),
  acquire: () => new Error('pool acquire timeout', { cause: coded('Timeout acquiring a connection. The pool is probably full.') }),
  'bad-sql': () => new QueryFailedError('SELEC 1', [], coded('You have an error in your SQL syntax', 'ER_PARSE_ERROR')),
};

@Controller('throw')
class ThrowController {
  @Get(':what')
  throw(@Param('what') what: string): never {
    throw THROWN[what]();
  }
}

describe('errors of an unreachable database', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    const mod = await Test.createTestingModule({ controllers: [ThrowController] }).compile();
    app = mod.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: false });
    app.useGlobalFilters(new AllExceptionsFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it.each(['refused', 'connect-timeout', 'lost', 'closed', 'acquire'])('%s: 503 SERVICE_UNAVAILABLE with Retry-After', async (what) => {
    const res = await request(app.getHttpServer()).get(`/throw/${what}`).expect(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试', requestId: expect.any(String) } });
  });

  it('a failing statement stays a 500 INTERNAL_ERROR', async () => {
    const res = await request(app.getHttpServer()).get('/throw/bad-sql').expect(500);
    expect(res.headers['retry-after']).toBeUndefined();
    expect(res.body.error.code).toBe('INTERNAL_ERROR');
  });
});
