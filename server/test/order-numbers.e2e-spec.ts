import { QueryFailedError } from 'typeorm';
import { withTx } from '../src/common/tx';
import { Order } from '../src/modules/order/entities/order.entity';
import { insertWithBusinessNo, newBusinessNo } from '../src/modules/order/order-numbers';
import * as sql from '../src/database/sql';
import { addAddress, makeSku, placeOrder } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

const duplicate = () => new QueryFailedError('INSERT …', [], Object.assign(new Error("Duplicate entry 'x' for key 'uq_order_no'"), { code: 'ER_DUP_ENTRY' }));

describe('business numbers (order and refund numbers)', () => {
  it('are the UTC second and ten random digits', () => {
    const no = newBusinessNo(new Date(Date.UTC(2026, 10, 23, 15, 34, 41, 829)), 'R');
    expect(no).toMatch(/^R20261123153441\d{10}$/);
    expect(no.length).toBeLessThanOrEqual(32); // WeChat Pay's out_trade_no / out_refund_no
  });

  it('draw another number only when the one drawn is taken, at most three times', async () => {
    const tried: string[] = [];
    const id = await insertWithBusinessNo(new Date(), '', async (no) => {
      tried.push(no);
      if (tried.length === 1) throw duplicate();
      return 7;
    });
    expect(id).toBe(7);
    expect(tried).toHaveLength(2);
    expect(tried[0]).not.toBe(tried[1]);

    let calls = 0;
    await expect(insertWithBusinessNo(new Date(), '', async () => (calls++, Promise.reject(duplicate())))).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(3);
    calls = 0;
    await expect(insertWithBusinessNo(new Date(), '', async () => (calls++, Promise.reject(new Error('lost connection'))))).rejects.toThrow('lost connection');
    expect(calls).toBe(1);
  });

  describe('on MariaDB', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('a number already taken fails only that INSERT: the transaction goes on under a new number and commits', async () => {
      const buyer = await t.customer('order-numbers');
      const sku = await makeSku(t, { priceCents: 1000, stock: 5 });
      const placed = await placeOrder(t, buyer.auth, [{ skuId: sku.id, qty: 1 }], await addAddress(t, buyer.auth)).expect(201);
      const taken = await t.ds.getRepository(Order).findOneByOrFail({ id: placed.body.id });
      const { id: _id, ...copy } = taken;

      const tried: string[] = [];
      const newId = await withTx(t.ds, async (tx) => {
        // a write nobody waits for, queued ahead of the INSERT (as placement queues history rows):
        // it must not share the INSERT's round trip, or the duplicate would break the transaction
        await tx.later(`UPDATE ${sql.table(tx, Order)} SET note = ? WHERE id = ?`, ['queued ahead', taken.id]);
        return insertWithBusinessNo(new Date(), '', (no) => {
          const orderNo = tried.length === 0 ? taken.orderNo : no; // the first draw collides
          tried.push(orderNo);
          return tx.insert(Order, [{ ...copy, orderNo }], { alone: true });
        });
      });
      expect(tried[0]).toBe(taken.orderNo);
      expect(tried).toHaveLength(2);
      const rows = await t.ds.getRepository(Order).findBy({ customerId: taken.customerId });
      expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([taken.id, newId]);
      expect(rows.find((r) => r.id === newId)!.orderNo).toBe(tried[1]);
      expect(rows.find((r) => r.id === taken.id)!.note).toBe('queued ahead');
    });
  });
});
