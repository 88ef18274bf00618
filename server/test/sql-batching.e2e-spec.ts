import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Tx, withTx } from '../src/common/tx';
import { buildDataSourceOptions } from '../src/database/db-options';
import * as sql from '../src/database/sql';
import { Customer } from '../src/modules/customer/entities/customer.entity';
import { isStockShortage, Sku } from '../src/modules/catalog/entities/sku.entity';
import { StockService } from '../src/modules/catalog/stock.service';
import { Tier } from '../src/modules/membership/entities/tier.entity';
import { TierService } from '../src/modules/membership/tier.service';
import { AppError } from '../src/common/errors';
import { addAddress, buyCard, makeSku, placeOrder, stockOf } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/** Counts what goes to MariaDB on the transaction's connection: each call of the driver is one round trip. */
function countRoundTrips(tx: Tx): { trips: string[] } {
  const conn = (tx.em.queryRunner as unknown as { databaseConnection: Record<'query' | 'execute', (...a: unknown[]) => unknown> }).databaseConnection;
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
  (e) => (isStockShortage(e) ? 'stock shortage' : e instanceof AppError ? `${e.code} ${JSON.stringify(e.details)}` : String(e)),
);

async function makeSqljs(): Promise<{ ds: DataSource; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'mc-batching-'));
  const ds = await new DataSource({ ...buildDataSourceOptions(null, join(dir, 'demo.sqlite')), autoSave: false } as never).initialize();
  await ds.runMigrations();
  return {
    ds,
    async close() {
      await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const addSku = async (ds: DataSource, stock: number) =>
  (await ds.getRepository(Sku).save({ productId: 1, specs: {}, priceCents: 100, memberPriceCents: null, memberDayPriceCents: null, stock, weightGrams: 0, active: true })).id;
const stockIn = async (ds: DataSource, id: number) => (await ds.getRepository(Sku).findOneByOrFail({ id })).stock;

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

describe('a transaction’s statements, batched (database/outbox.ts), on MariaDB', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true }); // the seed's card plans: a member's order has line adjustments
  });
  afterAll(() => t.close());

  it('START TRANSACTION and reads started together go out in one round trip, each read with its own rows', async () => {
    const a = await makeSku(t, { priceCents: 100, stock: 1 });
    const b = await makeSku(t, { priceCents: 200, stock: 2 });
    let trips: string[] = [];
    const [ra, rb, none] = await withTx(t.ds, async (tx) => {
      trips = countRoundTrips(tx).trips;
      const read = (id: number) => tx.rows('SELECT id, stock FROM sku WHERE id = ?', [id]);
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
    await withTx(t.ds, async (tx) => {
      trips = countRoundTrips(tx).trips;
      await tx.later('UPDATE sku SET stock = stock - ? WHERE id = ?', [1, sku.id]);
      const [row] = await tx.rows('SELECT stock FROM sku WHERE id = ?', [sku.id]);
      expect(Number(row.stock)).toBe(9); // the later write ran first, in the same round trip
      await tx.insertLater(Customer, [newCustomer('batched-later')]);
    });
    expect(trips).toHaveLength(2);
    expect(trips[1]).toMatch(/^INSERT INTO `customer` .*;\nCOMMIT$/s);
    expect(await stockOf(t, sku.id)).toBe(9);
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'batched-later' })).toBe(1);
  });

  it('an INSERT whose duplicate the caller handles (alone) does not share a round trip with queued writes', async () => {
    let trips: string[] = [];
    await t.ds.getRepository(Customer).insert(newCustomer('alone-taken'));
    await withTx(t.ds, async (tx) => {
      trips = countRoundTrips(tx).trips;
      await tx.insertLater(Customer, [newCustomer('alone-queued')]);
      await expect(tx.insert(Customer, [newCustomer('alone-taken')], { alone: true })).rejects.toThrow(/Duplicate entry/);
      await tx.insert(Customer, [newCustomer('alone-after')], { alone: true });
    });
    expect(trips[0]).toMatch(/^START TRANSACTION;\nINSERT INTO `customer`/);
    expect(trips[1]).toMatch(/^INSERT INTO `customer`/);
    expect(trips[1]).not.toMatch(/;/);
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'alone-queued' })).toBe(1);
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'alone-after' })).toBe(1);
  });

  it('a later write that fails on its own, sent ahead of one of TypeORM’s queries, fails that query and the transaction', async () => {
    const sku = await makeSku(t, { priceCents: 100, stock: 1 });
    const tx = withTx(t.ds, async (tx) => {
      await tx.later('UPDATE sku SET stock = stock - ? WHERE id = ?', [5, sku.id]);
      await tx.em.insert(Customer, newCustomer('behind-failed-later'));
    });
    expect(await outcome(tx)).toBe('stock shortage');
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'behind-failed-later' })).toBe(0);
    expect(await stockOf(t, sku.id)).toBe(1);
  });

  it('after a batch failed, every further statement in that transaction fails too, TypeORM’s own included', async () => {
    const sku = await makeSku(t, { priceCents: 100, stock: 1 });
    const seen: string[] = [];
    const tx = withTx(t.ds, async (tx) => {
      await tx.later('UPDATE sku SET stock = stock - ? WHERE id = ?', [5, sku.id]);
      seen.push(`select: ${await outcome(tx.rows('SELECT 1 AS one', []))}`);
      seen.push(`typeorm: ${await outcome(tx.em.insert(Customer, newCustomer('after-failure')))}`);
    });
    expect(await outcome(tx)).toBe('stock shortage'); // COMMIT refuses too
    expect(seen).toEqual(['select: stock shortage', 'typeorm: stock shortage']);
    expect(await t.ds.getRepository(Customer).countBy({ openid: 'after-failure' })).toBe(0);
  });

  it('only the transactions’ batch connections take several statements at once; a batch with a value written into its SQL is refused', async () => {
    // TypeORM's pool, which serves every query outside a transaction, has no multiple statements
    await expect(t.ds.query('SELECT 1; SELECT 2')).rejects.toThrow(/SQL syntax/);
    const sku = await makeSku(t, { priceCents: 100, stock: 3 });
    for (const literal of [`UPDATE sku SET stock = 0 WHERE id = ${sku.id}`, "UPDATE sku SET stock = stock WHERE specs = '{}'"]) {
      const attempt = withTx(t.ds, async (tx) => {
        await tx.later(literal, []);
        await tx.rows('SELECT ? AS one', [1]);
      });
      await expect(attempt).rejects.toThrow(/must bind its values as \? parameters/);
    }
    expect(await stockOf(t, sku.id)).toBe(3);
    // statements sent together outside a transaction (login) travel on the same kind of connection
    await expect(sql.together(t.ds.manager, [{ sql: 'SELECT ? AS one', params: [1] }, { sql: `UPDATE sku SET stock = 0 WHERE id = ${sku.id}`, params: [] }])).rejects.toThrow(/must bind its values/);
    expect(await stockOf(t, sku.id)).toBe(3);
  });

  it('a commit tells TypeORM’s subscribers, so a cache read between a write and its commit does not stay stale', async () => {
    const tiers = t.app.get(TierService);
    const before = (await tiers.tiers()).length;
    await withTx(t.ds, async (tx) => {
      await tx.em.insert(Tier, { name: 'commit-evicts', growthThreshold: 987_654, discountBp: 9000, pointsMultiplierBp: 10000, perks: '' });
      // another request reads the tiers meanwhile, from the pool: it caches the rows committed so far
      expect(await tiers.tiers()).toHaveLength(before);
    });
    expect((await tiers.tiers()).map((x) => x.name)).toContain('commit-evicts');
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

/** What a transaction promises on either database: the batching is invisible to the code that uses it. */
describe.each([
  ['MariaDB', async () => createTestApp()],
  ['sql.js', makeSqljs],
] as const)('a transaction’s contract on %s', (_name, open) => {
  let db: { ds: DataSource; close(): Promise<void> };
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());
  const customers = (openid: string) => db.ds.getRepository(Customer).countBy({ openid });

  it('later writes are committed with the transaction', async () => {
    const sku = await addSku(db.ds, 10);
    await withTx(db.ds, async (tx) => {
      await tx.later('UPDATE sku SET stock = stock - ? WHERE id = ?', [1, sku]);
      await tx.insertLater(Customer, [newCustomer('contract-later')]);
      const [row] = await tx.rows('SELECT stock FROM sku WHERE id = ?', [sku]);
      expect(Number(row.stock)).toBe(9);
    });
    expect(await stockIn(db.ds, sku)).toBe(9);
    expect(await customers('contract-later')).toBe(1);
  });

  it('a later write that fails rolls back the whole transaction, even when nobody awaited it', async () => {
    const sku = await addSku(db.ds, 1);
    const failed = withTx(db.ds, async (tx) => {
      await tx.insert(Customer, [newCustomer('contract-rolled-back')]);
      void tx.later('UPDATE sku SET stock = stock - ? WHERE id = ?', [5, sku]).catch(() => undefined); // below zero: the stock check fails
      await tx.later('UPDATE sku SET stock = stock + ? WHERE id = ?', [100, sku]);
    });
    expect(await outcome(failed)).toBe('stock shortage');
    expect(await stockIn(db.ds, sku)).toBe(1);
    expect(await customers('contract-rolled-back')).toBe(0);
  });

  it('a lone statement’s duplicate key fails only that statement: the transaction goes on and commits', async () => {
    await db.ds.getRepository(Customer).insert(newCustomer('contract-taken'));
    await withTx(db.ds, async (tx) => {
      await expect(tx.insert(Customer, [newCustomer('contract-taken')], { alone: true })).rejects.toThrow(/Duplicate entry|UNIQUE constraint/);
      await tx.insert(Customer, [newCustomer('contract-after-duplicate')]);
    });
    expect(await customers('contract-after-duplicate')).toBe(1);
  });

  it('once the transaction is over, its Tx sends nothing more (a Promise.all sibling left running)', async () => {
    let kept: Tx | undefined;
    await withTx(db.ds, async (tx) => {
      kept = tx;
    });
    await expect(kept!.rows('SELECT 1 AS one', [])).rejects.toThrow('the transaction is over');
    await expect(kept!.later('DELETE FROM customer', [])).rejects.toThrow('the transaction is over');
  });

  it('work registered for after the commit runs after it, and not at all when the transaction rolls back', async () => {
    const ran: string[] = [];
    await withTx(db.ds, async (tx) => {
      tx.afterCommit(async () => void ran.push(`committed: ${await customers('contract-after-commit')}`));
      await tx.insert(Customer, [newCustomer('contract-after-commit')]);
    });
    await expect(
      withTx(db.ds, async (tx) => {
        tx.afterCommit(async () => void ran.push('rolled back'));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(ran).toEqual(['committed: 1']);
  });

  it('stock taken below zero names the SKU that was short, as this transaction saw it', async () => {
    const stock = new StockService();
    const first = await addSku(db.ds, 5);
    const second = await addSku(db.ds, 5);
    // earlier in the same transaction the second SKU went down to 1: seen from outside it still has 5
    const attempt = withTx(db.ds, async (tx) => {
      await tx.later('UPDATE sku SET stock = stock - ? WHERE id = ?', [4, second]);
      await stock.reserveStock(tx, [{ skuId: first, qty: 3 }, { skuId: second, qty: 2 }]);
    });
    expect(await outcome(attempt)).toBe(`OUT_OF_STOCK ${JSON.stringify({ skuId: second })}`);
    expect([await stockIn(db.ds, first), await stockIn(db.ds, second)]).toEqual([5, 5]);
  });
});
