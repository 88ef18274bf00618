import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { withTx } from '../src/common/tx';
import { buildDataSourceOptions } from '../src/database/db-options';
import * as sql from '../src/database/sql';
import { Customer } from '../src/modules/auth/entities/customer.entity';
import { isStockShortage, Sku } from '../src/modules/catalog/entities/sku.entity';
import { addAddress, buyCard, makeSku, placeOrder, stockOf } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/** Counts what goes to MariaDB on the transaction's connection: each call of the driver is one round trip. */
function countRoundTrips(em: EntityManager): { trips: string[] } {
  const conn = (em.queryRunner as unknown as { databaseConnection: Record<'query' | 'execute', (...a: unknown[]) => unknown> }).databaseConnection;
  const seen = { trips: [] as string[] };
  for (const method of ['query', 'execute'] as const) {
    const original = conn[method].bind(conn);
    conn[method] = (...args: unknown[]) => {
      seen.trips.push(String(args[0]));
      return original(...args);
    };
  }
  return seen;
}

/** What a promise came to: 'done', 'stock shortage' (the check on sku.stock) or the error. */
const outcome = (p: Promise<unknown>) => p.then(
  () => 'done',
  (e) => (isStockShortage(e) ? 'stock shortage' : String(e)),
);

const newCustomer = (openid: string) => ({
  openid,
  unionid: null,
  nickname: openid,
  avatarUrl: '',
  phone: null,
  birthday: null,
  signupRef: null,
  createdAt: new Date(),
  lastLoginAt: new Date(),
});

describe('a transaction’s statements, batched (database/sql.ts, Outbox), on MariaDB', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true }); // the seed's card plans: a member's order has line adjustments
  });
  afterAll(() => t.close());

  it('START TRANSACTION and reads started together go out in one round trip, each read with its own rows', async () => {
    const a = await makeSku(t, { priceCents: 100, stock: 1 });
    const b = await makeSku(t, { priceCents: 200, stock: 2 });
    let trips: string[] = [];
    const [ra, rb, none] = await withTx(t.ds, async (em) => {
      trips = countRoundTrips(em).trips;
      const read = (id: number) => sql.rows(em, 'SELECT id, stock FROM sku WHERE id = ?', [id]);
      return Promise.all([read(a.id), read(b.id), read(-1)]);
    });
    expect(ra.map((r) => [Number(r.id), Number(r.stock)])).toEqual([[a.id, 1]]);
    expect(rb.map((r) => [Number(r.id), Number(r.stock)])).toEqual([[b.id, 2]]);
    expect(none).toEqual([]);
    expect(trips).toHaveLength(2); // START + the three SELECTs, then COMMIT
    expect(trips[0]).toMatch(/^START TRANSACTION;\nSELECT .*;\nSELECT .*;\nSELECT /);
    expect(trips[1]).toBe('COMMIT');
  });

  it('writes nobody reads go out with the next statement, or with COMMIT, and are committed', async () => {
    const sku = await makeSku(t, { priceCents: 100, stock: 10 });
    let trips: string[] = [];
    await withTx(t.ds, async (em) => {
      trips = countRoundTrips(em).trips;
      await sql.later(em, 'UPDATE sku SET stock = stock - 1 WHERE id = ?', [sku.id]);
      const [row] = await sql.rows(em, 'SELECT stock FROM sku WHERE id = ?', [sku.id]);
      expect(Number(row.stock)).toBe(9); // the later write ran first, in the same round trip
      await sql.insertLater(em, Customer, [newCustomer('batched-later')]);
    });
    expect(trips).toHaveLength(2);
    expect(trips[1]).toMatch(/^INSERT INTO `customer` .*;\nCOMMIT$/s);
    expect(await stockOf(t, sku.id)).toBe(9);
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'batched-later' })).toBe(1);
  });

  it('a later write that fails rolls back the whole transaction, even when nobody awaited its result', async () => {
    const sku = await makeSku(t, { priceCents: 100, stock: 1 });
    const failed = withTx(t.ds, async (em) => {
      await sql.insert(em, Customer, [newCustomer('rolled-back')]);
      await sql.later(em, 'UPDATE sku SET stock = stock - 5 WHERE id = ?', [sku.id]); // below zero: the stock check fails
      await sql.later(em, 'UPDATE sku SET stock = stock + 100 WHERE id = ?', [sku.id]);
    });
    expect(await outcome(failed)).toBe('stock shortage');
    expect(await stockOf(t, sku.id)).toBe(1);
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'rolled-back' })).toBe(0);
  });

  it('a later write that fails on its own, sent ahead of one of TypeORM’s queries, fails that query and the transaction', async () => {
    const sku = await makeSku(t, { priceCents: 100, stock: 1 });
    const tx = withTx(t.ds, async (em) => {
      await sql.later(em, 'UPDATE sku SET stock = stock - 5 WHERE id = ?', [sku.id]);
      await em.insert(Customer, newCustomer('behind-failed-later'));
    });
    expect(await outcome(tx)).toBe('stock shortage');
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'behind-failed-later' })).toBe(0);
    expect(await stockOf(t, sku.id)).toBe(1);
  });

  it('after a batch failed, every further statement in that transaction fails too, TypeORM’s own included', async () => {
    const sku = await makeSku(t, { priceCents: 100, stock: 1 });
    const seen: string[] = [];
    const tx = withTx(t.ds, async (em) => {
      await sql.later(em, 'UPDATE sku SET stock = stock - 5 WHERE id = ?', [sku.id]);
      seen.push(`select: ${await outcome(sql.rows(em, 'SELECT 1 AS one', []))}`);
      seen.push(`typeorm: ${await outcome(em.insert(Customer, newCustomer('after-failure')))}`);
    });
    expect(await outcome(tx)).toBe('stock shortage'); // COMMIT refuses too
    expect(seen).toEqual(['select: stock shortage', 'typeorm: stock shortage']);
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'after-failure' })).toBe(0);
  });

  it('a lone statement’s error fails only that statement: the transaction goes on and commits', async () => {
    await t.ds.getRepository(Customer).insert(newCustomer('taken-openid'));
    await withTx(t.ds, async (em) => {
      await expect(sql.insert(em, Customer, [newCustomer('taken-openid')])).rejects.toThrow(/Duplicate entry/);
      await sql.insert(em, Customer, [newCustomer('after-duplicate')]);
    });
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'after-duplicate' })).toBe(1);
  });

  it('once the transaction is over, its manager sends nothing more (a Promise.all sibling left running)', async () => {
    let kept: EntityManager | undefined;
    await withTx(t.ds, async (em) => {
      kept = em;
    });
    await expect(sql.rows(kept!, 'SELECT 1 AS one', [])).rejects.toThrow('the transaction is over');
    await expect(sql.later(kept!, 'DELETE FROM customer', [])).rejects.toThrow('the transaction is over');
  });

  it('an order short of one of its SKUs is refused with that SKU, and nothing of it stays', async () => {
    const buyer = await t.customer('batching-short');
    const addressId = await addAddress(t, buyer.auth);
    const plenty = await makeSku(t, { priceCents: 100, stock: 10 });
    const scarce = await makeSku(t, { priceCents: 100, stock: 1 });
    const count = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM shop_order WHERE customerId = ?', [buyer.id]))[0].n);
    const res = await placeOrder(t, buyer.auth, [{ skuId: plenty.id, qty: 3 }, { skuId: scarce.id, qty: 2 }], addressId).expect(409);
    expect(res.body.error).toMatchObject({ code: 'OUT_OF_STOCK', details: { skuId: scarce.id } });
    expect(await stockOf(t, plenty.id)).toBe(10);
    expect(await stockOf(t, scarce.id)).toBe(1);
    expect(await count()).toBe(0);
    await placeOrder(t, buyer.auth, [{ skuId: plenty.id, qty: 3 }, { skuId: scarce.id, qty: 1 }], addressId).expect(201);
    expect([await stockOf(t, plenty.id), await stockOf(t, scarce.id)]).toEqual([7, 0]);
  });

  it('an order’s lines, adjustments and history, sent without their ids, are linked as priced', async () => {
    const member = await t.customer('batching-member');
    await buyCard(t, member.auth);
    const addressId = await addAddress(t, member.auth);
    const listOnly = await makeSku(t, { priceCents: 5000, stock: 5 });
    const memberPriced = await makeSku(t, { priceCents: 5000, memberPriceCents: 4000, stock: 5 });
    const placed = await placeOrder(t, member.auth, [{ skuId: listOnly.id, qty: 1 }, { skuId: memberPriced.id, qty: 2 }], addressId).expect(201);
    const order = (await t.http().get(`/api/orders/${placed.body.id}`).set(member.auth).expect(200)).body;
    const lineOf = (skuId: number) => order.lines.find((l: { skuId: number }) => l.skuId === skuId);
    expect(order.lines).toHaveLength(2);
    const memberPrice = order.adjustments.find((a: { kind: string }) => a.kind === 'MEMBER_PRICE');
    expect(memberPrice).toMatchObject({ orderLineId: lineOf(memberPriced.id).id, amountCents: -2000 });
    expect(order.adjustments.filter((a: { orderLineId: number | null }) => a.orderLineId === lineOf(listOnly.id).id)).toEqual([]);
    expect(order.history).toEqual([expect.objectContaining({ from: null, to: 'PENDING_PAYMENT' })]);
  });
});

describe('the stock check on sql.js (the embedded demo database)', () => {
  let ds: DataSource;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mc-stock-'));
    ds = await new DataSource({ ...buildDataSourceOptions(null, join(dir, 'demo.sqlite')), autoSave: false } as never).initialize();
    await ds.runMigrations();
  });
  afterAll(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to take stock below zero, and later writes run at once there', async () => {
    const { id } = await ds.getRepository(Sku).save({ productId: 1, specs: {}, priceCents: 100, memberPriceCents: null, memberDayPriceCents: null, stock: 2, weightGrams: 0, active: true });
    await withTx(ds, (em) => sql.later(em, 'UPDATE sku SET stock = stock - 2 WHERE id = ?', [id]));
    expect(await outcome(withTx(ds, (em) => sql.later(em, 'UPDATE sku SET stock = stock - 1 WHERE id = ?', [id])))).toBe('stock shortage');
    expect((await ds.getRepository(Sku).findOneByOrFail({ id })).stock).toBe(0);
  });
});
