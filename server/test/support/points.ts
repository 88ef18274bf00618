import { withTx } from '../../src/common/tx';
import { PointsService } from '../../src/modules/points/points.service';
import { approveRefund, type Auth, waitFor } from './shop';
import type { TestApp } from './test-app';

export type LedgerRow = { kind: string; delta: number; balanceAfter: number; orderId: number | null; dedupeKey: string; memo: string };

/** What the points specs ask of the running app; `app` and `staff` are read when called (they are set in beforeAll). */
export function pointsKit(app: () => TestApp, staff: () => Auth) {
  const order = async (c: { auth: Auth }, id: number) => (await app().http().get(`/api/orders/${id}`).set(c.auth).expect(200)).body;
  return {
    order,
    /** The customer asks for a refund (whole order, or these lines), staff approve (shipped goods come back first), WeChat completes it. */
    refund: async (c: { auth: Auth }, orderId: number, lines?: { orderLineId: number; qty: number }[]) => {
      const r = await app().http().post(`/api/orders/${orderId}/refunds`).set(c.auth).send({ reason: '不想要了', ...(lines ? { lines } : {}) }).expect(201);
      await approveRefund(app(), staff(), c.auth, orderId, r.body.id);
      await waitFor(async () => (await order(c, orderId)).refunds.find((x: { id: number }) => x.id === r.body.id)?.status === 'REFUNDED');
      return r.body as { id: number; amountCents: number };
    },
    setClock: (now: string | null) => app().http().post('/api/dev/clock').send({ now }).expect(200),
    runJob: async (name: string) => (await app().http().post('/api/dev/jobs/run').send({ name }).expect(200)).body.result,
    /** Gives a customer points (an ADJUST entry, once per customer) to spend in a test. */
    grant: (customerId: number, points: number) =>
      withTx(app().ds, (tx) => app().app.get(PointsService).post(tx, { customerId, delta: points, kind: 'ADJUST', dedupeKey: `test:grant:${customerId}`, memo: '测试发放' })),
    balanceOf: async (c: { auth: Auth }) => (await app().http().get('/api/me').set(c.auth).expect(200)).body.pointsBalance as number,
    /** A customer's ledger, oldest first, numbers as numbers. */
    ledgerOf: async (customerId: number): Promise<LedgerRow[]> =>
      (await app().ds.query('SELECT kind, delta, balanceAfter, orderId, dedupeKey, memo FROM points_ledger WHERE customerId = ? ORDER BY id', [customerId])).map(
        (r: Record<string, unknown>) => ({ ...r, delta: Number(r.delta), balanceAfter: Number(r.balanceAfter), orderId: r.orderId === null ? null : Number(r.orderId) }),
      ),
  };
}
