import { createTestApp, TestApp } from './support/test-app';

describe('API basics: health, docs, errors, validation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers health once the database is reachable', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves Swagger UI and the OpenAPI document generated from the code', async () => {
    await t.http().get('/docs').redirects(1).expect(200);
    const doc = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/wechat-login', '/api/admin/auth/login', '/api/me', '/api/products', '/api/products/{id}', '/api/categories', '/api/health']),
    );
  });

  it('answers unknown routes with 404 in the error format and a request id', async () => {
    const res = await t.http().get('/api/no-such-route').expect(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: '请求的内容不存在' } });
    expect(res.headers['x-request-id']).toMatch(/^[\w-]+$/);
  });

  it('keeps a caller-supplied request id', async () => {
    const res = await t.http().get('/api/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('rejects malformed JSON with 400 VALIDATION_FAILED, no stack', async () => {
    const res = await t.http().post('/api/auth/wechat-login').set('Content-Type', 'application/json').send('{"code":').expect(400);
    expect(res.body.error).toEqual({ code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON' });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('names the failing field and rejects unknown fields', async () => {
    const missing = await t.http().post('/api/auth/wechat-login').send({}).expect(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect(missing.body.error.message).toMatch(/^code: .*不能为空/);
    expect(missing.body.error.details.fields[0].field).toBe('code');
    expect(missing.body.error.details.fields[0].problems).toContain('不能为空');

    const unknown = await t.http().post('/api/auth/wechat-login').send({ code: 'test:x', priceCents: 1 }).expect(400);
    expect(unknown.body.error.message).toBe('priceCents: 不允许提交此字段');

    const wrongType = await t.http().post('/api/auth/wechat-login').send({ code: 42 }).expect(400);
    expect(wrongType.body.error.details.fields[0]).toMatchObject({ field: 'code', problems: expect.arrayContaining(['须为文本']) });
  });

  it('validates query strings too', async () => {
    const res = await t.http().get('/api/products?pageSize=1000').expect(400);
    expect(res.body.error.message).toMatch(/^pageSize: 不能大于 \d+$/);
    await t.http().get('/api/products?page=0').expect(400);
    await t.http().get('/api/products?evil=1').expect(400);
    expect((await t.http().get('/api/products/abc').expect(400)).body.error).toEqual({ code: 'VALIDATION_FAILED', message: '请求参数有误' });
  });

  it('answers a malformed path, an oversized body and a non-JSON body in the error format', async () => {
    const badPath = await t.http().get('/api/products/%E0%A4%A').expect(400);
    expect(badPath.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: '请求地址有误' } });
    expect(badPath.headers['x-request-id']).toMatch(/^[\w-]+$/);

    const big = JSON.stringify({ code: 'x'.repeat(1024 * 1024) });
    const tooLarge = await t.http().post('/api/auth/wechat-login').set('Content-Type', 'application/json').send(big).expect(413);
    expect(tooLarge.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: '提交的内容过大' } });

    const text = await t.http().post('/api/auth/wechat-login').set('Content-Type', 'text/plain').send('code=x').expect(400);
    expect(text.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('takes an empty JSON body as an empty object, as clients send for action routes', async () => {
    const res = await t.http().post('/api/auth/wechat-login').set('Content-Type', 'application/json').send('').expect(400);
    expect(res.body.error.message).toMatch(/^code: .*不能为空/);
  });

  it('outside production answers CORS preflights for every method the API uses', async () => {
    const res = await t.http().options('/api/addresses/1').set('Origin', 'http://localhost:10086').set('Access-Control-Request-Method', 'DELETE').expect(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:10086');
    expect(res.headers['access-control-allow-methods'].split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
  });
});
