import { createTestApp, TestApp } from './support/test-app';

describe('dev tools', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('moves the server clock and resets it', async () => {
    const at = '2027-03-07T01:30:00.000Z';
    const set = await t.http().post('/api/dev/clock').send({ now: at }).expect(200);
    expect(Date.parse(set.body.now) - Date.parse(at)).toBeLessThan(1000);
    const read = await t.http().get('/api/dev/clock').expect(200);
    expect(Date.parse(read.body.now) - Date.parse(at)).toBeLessThan(5000);
    const reset = await t.http().post('/api/dev/clock').send({ now: null }).expect(200);
    expect(Math.abs(Date.parse(reset.body.now) - Date.now())).toBeLessThan(5000);
    await t.http().post('/api/dev/clock').send({ now: 'yesterday' }).expect(400);
  });

  it('lists the scheduled jobs and runs one now', async () => {
    const jobs = await t.http().get('/api/dev/jobs').expect(200);
    const names = jobs.body.items.map((j: { name: string }) => j.name);
    expect(names).toEqual(expect.arrayContaining(['purge-idempotency-keys', 'purge-rate-limits']));
    const run = await t.http().post('/api/dev/jobs/run').send({ name: 'purge-rate-limits' }).expect(200);
    expect(run.body).toEqual({ name: 'purge-rate-limits', result: { deleted: expect.any(Number) } });
    await t.http().post('/api/dev/jobs/run').send({ name: 'no-such-job' }).expect(404);
  });
});

describe('dev tools are off without DEV_TOOLS=1', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_TOOLS: '0' } });
  });
  afterAll(() => t.close());

  it('answers 404 on every dev route', async () => {
    await t.http().post('/api/dev/clock').send({ now: null }).expect(404);
    await t.http().get('/api/dev/jobs').expect(404);
    await t.http().post('/api/dev/jobs/run').send({ name: 'purge-rate-limits' }).expect(404);
  });
});
