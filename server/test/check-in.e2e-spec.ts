import { CustomerGrowth } from '../src/modules/membership/entities/customer-growth.entity';
import { Tier } from '../src/modules/membership/entities/tier.entity';
import { buyCard, type Auth } from './support/shop';
import { pointsKit } from './support/points';
import { expectLedgersBalanced } from './support/ledgers';
import { createTestApp, TestApp } from './support/test-app';

type Customer = { id: number; auth: Auth };

/** Noon in Shanghai (04:00 UTC) of a store day. */
const noon = (day: string) => `${day}T04:00:00.000Z`;

describe('daily check-in on MariaDB', () => {
  let t: TestApp;
  let owner: Auth;
  let operator: Auth;
  const { setClock, balanceOf, ledgerOf } = pointsKit(
    () => t,
    () => owner,
  );

  const checkIn = (c: Customer) => t.http().post('/api/points/check-in').set(c.auth);
  const makeUp = (c: Customer, date: string) => t.http().post('/api/points/check-in/make-up').set(c.auth).send({ date });
  const calendar = async (c: Customer, month?: string) => (await t.http().get(`/api/points/check-in/calendar${month ? `?month=${month}` : ''}`).set(c.auth).expect(200)).body;
  const setRules = (body: object, who: Auth = owner) => t.http().put('/api/admin/check-in-rules').set(who).send(body);
  const DEFAULT_RULES = { dailyPoints: 5, milestones: [{ day: 3, bonusPoints: 10 }, { day: 7, bonusPoints: 30 }], makeUpEnabled: false, makeUpCostPoints: 20 };
  const rows = async (customerId: number) =>
    (await t.ds.query('SELECT storeDay, streak, pointsAwarded, madeUp FROM check_in WHERE customerId = ? ORDER BY storeDay', [customerId])).map((r: Record<string, unknown>) => [
      r.storeDay,
      Number(r.streak),
      Number(r.pointsAwarded),
      Boolean(Number(r.madeUp)),
    ]);
  /** The balance is always the sum of the ledger. */
  const expectBalanced = async (c: Customer) => {
    const ledger = await ledgerOf(c.id);
    expect(await balanceOf(c)).toBe(ledger.reduce((s, e) => s + e.delta, 0));
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    owner = await t.staff();
    operator = await t.staff('operator', 'admin123');
  });
  afterEach(async () => expectLedgersBalanced(t));

  afterAll(async () => {
    await setClock(null);
    await t.close();
  });
  afterEach(async () => {
    await setRules(DEFAULT_RULES).expect(200);
  });

  it('checks in once a store day: 5 points, the ledger and the calendar show it; a second time is 409 ALREADY_CHECKED_IN', async () => {
    await setClock(noon('2027-03-10'));
    const c = await t.customer('ci-happy');
    expect((await checkIn(c).expect(200)).body).toEqual({ pointsAwarded: 5, streak: 1, balance: 5, date: '2027-03-10' });
    const again = await checkIn(c).expect(409);
    expect(again.body.error.code).toBe('ALREADY_CHECKED_IN');
    expect(await ledgerOf(c.id)).toEqual([{ kind: 'CHECK_IN', delta: 5, balanceAfter: 5, orderId: null, dedupeKey: `check-in:${c.id}:2027-03-10`, memo: expect.stringContaining('2027-03-10') }]);
    expect(await rows(c.id)).toEqual([['2027-03-10', 1, 5, false]]);
    const cal = await calendar(c);
    expect(cal).toMatchObject({ month: '2027-03', today: '2027-03-10', checkedInToday: true, streak: 1, nextMilestone: { day: 3, bonusPoints: 10, daysLeft: 2 }, rules: DEFAULT_RULES });
    expect(cal.days).toHaveLength(31);
    expect(cal.days[9]).toEqual({ date: '2027-03-10', checkedIn: true, points: 5, madeUp: false });
    expect(cal.days[8]).toEqual({ date: '2027-03-09', checkedIn: false, points: 0, madeUp: false });
    await expectBalanced(c);
  });

  it('needs a customer login; the calendar refuses a bad month', async () => {
    await t.http().post('/api/points/check-in').expect(401);
    await t.http().get('/api/points/check-in/calendar').expect(401);
    await t.http().post('/api/points/check-in/make-up').send({ date: '2027-03-01' }).expect(401);
    await t.http().post('/api/points/check-in').set(owner).expect(403);
    const c = await t.customer('ci-auth');
    for (const bad of ['2027-13', '2027-3', 'march', '2027-03-01']) {
      const res = await t.http().get(`/api/points/check-in/calendar?month=${bad}`).set(c.auth).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    await t.http().get('/api/points/check-in/calendar?month=2027-03&x=1').set(c.auth).expect(400);
    expect((await calendar(c, '2028-02')).days).toHaveLength(29);
  });

  it('counts the streak over store days (turning at 16:00 UTC), pays the day-3 and day-7 bonuses, restarts the cycle, resets after a missed day', async () => {
    const c = await t.customer('ci-streak');
    const got: [string, number, number][] = [];
    // 28 Feb 2028 to 8 March: through 29 February and a month end; each check-in just after Shanghai midnight or just before the next
    const instants = [
      '2028-02-27T16:00:00.000Z', // 28 Feb 00:00 in Shanghai
      '2028-02-29T15:59:59.000Z', // 29 Feb 23:59:59
      '2028-02-29T16:00:01.000Z', // 1 Mar
      '2028-03-01T20:00:00.000Z', // 2 Mar
      '2028-03-02T20:00:00.000Z',
      '2028-03-03T20:00:00.000Z',
      '2028-03-04T20:00:00.000Z', // 5 Mar: day 7
      '2028-03-05T20:00:00.000Z', // 6 Mar: day 8, paid like day 1
      '2028-03-07T20:00:00.000Z', // 8 Mar: streak 10
    ];
    for (const at of instants) {
      await setClock(at);
      const r = (await checkIn(c).expect(200)).body;
      got.push([r.date, r.streak, r.pointsAwarded]);
    }
    expect(got).toEqual([
      ['2028-02-28', 1, 5],
      ['2028-02-29', 2, 5],
      ['2028-03-01', 3, 15],
      ['2028-03-02', 4, 5],
      ['2028-03-03', 5, 5],
      ['2028-03-04', 6, 5],
      ['2028-03-05', 7, 35],
      ['2028-03-06', 8, 5],
      ['2028-03-08', 1, 5], // 7 March was missed: the streak restarts
    ]);
    await setClock('2028-03-09T02:00:00.000Z');
    expect(await calendar(c)).toMatchObject({ today: '2028-03-09', checkedInToday: false, streak: 1, nextMilestone: { day: 3, daysLeft: 2 } });
    await setClock('2028-03-10T02:00:00.000Z'); // neither today nor yesterday
    expect((await calendar(c)).streak).toBe(0);
    expect((await calendar(c, '2028-02')).days.filter((d: { checkedIn: boolean }) => d.checkedIn).map((d: { date: string }) => d.date)).toEqual(['2028-02-28', '2028-02-29']);
    await expectBalanced(c);
    expect(await balanceOf(c)).toBe(5 * 9 + 10 + 30);
  });

  it('a clock moved back before the last check-in awards nothing and leaves the streak alone', async () => {
    const c = await t.customer('ci-backwards');
    await setClock(noon('2027-05-10'));
    await checkIn(c).expect(200);
    await setClock(noon('2027-05-08'));
    const res = await checkIn(c).expect(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
    await setClock(noon('2027-05-11'));
    expect((await checkIn(c).expect(200)).body).toMatchObject({ streak: 2, date: '2027-05-11' });
    expect(await rows(c.id)).toEqual([
      ['2027-05-10', 1, 5, false],
      ['2027-05-11', 2, 5, false],
    ]);
    await expectBalanced(c);
  });

  it("a paid member gets the tier's multiplier on the day's total, rounded half up once", async () => {
    await setClock(noon('2027-06-01'));
    const c = await t.customer('ci-member');
    await buyCard(t, c.auth);
    const silver = await t.ds.getRepository(Tier).findOneByOrFail({ name: '银卡' });
    expect(silver.pointsMultiplierBp).toBe(12_000);
    await t.ds.getRepository(CustomerGrowth).save({ customerId: c.id, growth: 600, tierId: silver.id, updatedAt: new Date() });
    const before = await balanceOf(c);
    const days = ['2027-06-01', '2027-06-02', '2027-06-03'];
    const awards: number[] = [];
    for (const d of days) {
      await setClock(noon(d));
      awards.push((await checkIn(c).expect(200)).body.pointsAwarded);
    }
    expect(awards).toEqual([6, 6, 18]); // 5 × 1.2 = 6; (5 + 10) × 1.2 = 18
    expect(await balanceOf(c)).toBe(before + 30);
    // a customer without a card gets 1× whatever the tier
    const plain = await t.customer('ci-no-card');
    await t.ds.getRepository(CustomerGrowth).save({ customerId: plain.id, growth: 600, tierId: silver.id, updatedAt: new Date() });
    expect((await checkIn(plain).expect(200)).body.pointsAwarded).toBe(5);
    await expectBalanced(c);
  });

  it('30 parallel check-ins of one customer: one check-in row, one ledger row, one reward', async () => {
    await setClock(noon('2027-07-01'));
    const c = await t.customer('ci-race');
    const answers = await Promise.all(Array.from({ length: 30 }, () => checkIn(c)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(29).fill(409)]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'ALREADY_CHECKED_IN')).toBe(true);
    expect(await rows(c.id)).toEqual([['2027-07-01', 1, 5, false]]);
    expect(await ledgerOf(c.id)).toHaveLength(1);
    expect(await balanceOf(c)).toBe(5);
    await expectBalanced(c);
  });

  it('make-up: off by default; when on, a missed day of this month before today, for its price, repairing the streak with the daily points only', async () => {
    const c = await t.customer('ci-makeup');
    await setClock(noon('2027-08-01'));
    await checkIn(c).expect(200);
    await setClock(noon('2027-08-02'));
    await checkIn(c).expect(200);
    await setClock(noon('2027-08-04')); // the 3rd was missed
    await checkIn(c).expect(200);
    const off = await makeUp(c, '2027-08-03').expect(409);
    expect(off.body.error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'MAKE_UP_OFF' } });

    await setRules({ ...DEFAULT_RULES, makeUpEnabled: true, makeUpCostPoints: 20 }).expect(200);
    expect((await makeUp(c, '2027-08-03').expect(409)).body.error.code).toBe('INSUFFICIENT_POINTS'); // 15 points, 20 needed
    expect(await rows(c.id)).toHaveLength(3);
    await setRules({ ...DEFAULT_RULES, makeUpEnabled: true, makeUpCostPoints: 12 }).expect(200);
    expect((await makeUp(c, '2027-08-03').expect(200)).body).toEqual({ pointsAwarded: 5, streak: 4, balance: 15 - 12 + 5, date: '2027-08-03', costPoints: 12 });
    expect(await rows(c.id)).toEqual([
      ['2027-08-01', 1, 5, false],
      ['2027-08-02', 2, 5, false],
      ['2027-08-03', 3, 5, true], // day 3 of the streak, but no bonus for a make-up
      ['2027-08-04', 1, 5, false],
    ]);
    expect((await ledgerOf(c.id)).slice(-2).map((e) => [e.kind, e.delta, e.dedupeKey])).toEqual([
      ['SPEND', -12, `check-in-cost:${c.id}:2027-08-03`],
      ['CHECK_IN', 5, `check-in:${c.id}:2027-08-03`],
    ]);
    const cal = await calendar(c);
    expect(cal).toMatchObject({ streak: 4, checkedInToday: true, nextMilestone: { day: 7, daysLeft: 3 } });
    expect(cal.days[2]).toEqual({ date: '2027-08-03', checkedIn: true, points: 5, madeUp: true });
    // the repaired streak continues
    await setClock(noon('2027-08-05'));
    expect((await checkIn(c).expect(200)).body).toMatchObject({ streak: 5, pointsAwarded: 5 });

    for (const [date, reason] of [
      ['2027-08-03', 'ALREADY_CHECKED_IN'],
      ['2027-08-05', 'NOT_A_MISSED_DAY'], // today
      ['2027-08-09', 'NOT_A_MISSED_DAY'],
      ['2027-07-31', 'NOT_A_MISSED_DAY'], // last month
      ['2027-02-30', 'NOT_A_MISSED_DAY'],
    ]) {
      const res = await makeUp(c, date).expect(409);
      expect(res.body.error).toMatchObject({ code: 'INVALID_STATE', details: { reason } });
    }
    await makeUp(c, '2027-8-1').expect(400);
    await t.http().post('/api/points/check-in/make-up').set(c.auth).send({ date: '2027-08-01', points: 1 }).expect(400);
    await expectBalanced(c);
  });

  describe('admin rules', () => {
    it('reads the defaults; owner and operator change them, audited, in force for the next check-in', async () => {
      expect((await t.http().get('/api/admin/check-in-rules').set(operator).expect(200)).body).toEqual(DEFAULT_RULES);
      const next = { dailyPoints: 8, milestones: [{ day: 10, bonusPoints: 100 }, { day: 2, bonusPoints: 3 }], makeUpEnabled: true, makeUpCostPoints: 0 };
      const saved = (await setRules(next, operator).expect(200)).body;
      expect(saved).toEqual({ ...next, milestones: [{ day: 2, bonusPoints: 3 }, { day: 10, bonusPoints: 100 }] });
      expect((await t.http().get('/api/admin/check-in-rules').set(owner).expect(200)).body).toEqual(saved);
      const [audit] = await t.ds.query("SELECT beforeJson, afterJson FROM audit_log WHERE action = 'check-in-rules.update' ORDER BY id DESC LIMIT 1");
      expect(JSON.parse(audit.beforeJson)).toEqual(DEFAULT_RULES);
      expect(JSON.parse(audit.afterJson)).toEqual(saved);

      await setClock(noon('2027-09-01'));
      const c = await t.customer('ci-rules');
      expect((await checkIn(c).expect(200)).body.pointsAwarded).toBe(8);
      expect((await calendar(c)).rules).toEqual(saved);
      // a free make-up: no SPEND row
      await setClock(noon('2027-09-03'));
      expect((await makeUp(c, '2027-09-02').expect(200)).body).toEqual({ pointsAwarded: 8, streak: 2, balance: 16, date: '2027-09-02', costPoints: 0 });
      expect((await ledgerOf(c.id)).map((e) => e.kind)).toEqual(['CHECK_IN', 'CHECK_IN']);
    });

    it('refuses customers and finance; validates whole rules without clamping', async () => {
      const c = await t.customer('ci-admin-403');
      await t.http().get('/api/admin/check-in-rules').set(c.auth).expect(403);
      await setRules(DEFAULT_RULES, c.auth).expect(403);
      await setRules(DEFAULT_RULES, await t.staff('finance', 'admin123')).expect(403);
      await t.http().get('/api/admin/check-in-rules').expect(401);

      const bad: [object, string][] = [
        [{ ...DEFAULT_RULES, dailyPoints: -1 }, 'dailyPoints'],
        [{ ...DEFAULT_RULES, dailyPoints: 1.5 }, 'dailyPoints'],
        [{ ...DEFAULT_RULES, makeUpCostPoints: -5 }, 'makeUpCostPoints'],
        [{ ...DEFAULT_RULES, makeUpEnabled: 'yes' }, 'makeUpEnabled'],
        [{ ...DEFAULT_RULES, milestones: [{ day: 0, bonusPoints: 1 }] }, 'milestones.0.day'],
        [{ ...DEFAULT_RULES, milestones: [{ day: 32, bonusPoints: 1 }] }, 'milestones.0.day'],
        [{ ...DEFAULT_RULES, milestones: [{ day: 3, bonusPoints: -1 }] }, 'milestones.0.bonusPoints'],
        [{ ...DEFAULT_RULES, milestones: [{ day: 3, bonusPoints: 1, extra: 1 }] }, 'milestones.0.extra'],
        [{ ...DEFAULT_RULES, milestones: [{ day: 3, bonusPoints: 1 }, { day: 3, bonusPoints: 2 }] }, 'milestones'],
        [{ ...DEFAULT_RULES, milestones: Array.from({ length: 8 }, (_, i) => ({ day: i + 1, bonusPoints: 1 })) }, 'milestones'],
        [{ ...DEFAULT_RULES, checkInDailyPoints: 5 }, 'checkInDailyPoints'],
        [{ dailyPoints: 5, milestones: [], makeUpEnabled: false }, 'makeUpCostPoints'],
      ];
      for (const [body, field] of bad) {
        const res = await setRules(body).expect(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
        expect(res.body.error.message).toContain(field);
      }
      expect((await t.http().get('/api/admin/check-in-rules').set(owner).expect(200)).body).toEqual(DEFAULT_RULES);
    });
  });
});
