import * as sql from '../../database/sql';
import type { Db } from '../../database/sql';
import { Customer } from '../customer/entities/customer.entity';
import { PointsAccount } from '../points/entities/points-account.entity';
import { CustomerGrowth } from './entities/customer-growth.entity';
import { Membership } from './entities/membership.entity';

/** A customer with what makes their standing in the shop: card, growth and points balance (each row may not exist yet). */
export interface CustomerStanding {
  customer: Customer;
  membership: Membership | null;
  growth: CustomerGrowth | null;
  points: PointsAccount | null;
}

/**
 * One query for the customer and their standing, by id or by WeChat openid: login, `/me` and the
 * price pipeline's buyer all need it, on every request of theirs. Plain SQL (database/sql.ts).
 */
export async function readCustomerStanding(em: Db, by: { id: number } | { openid: string }): Promise<CustomerStanding | null> {
  const { sql: text, params } = customerStandingQuery(em, by);
  return customerStandingOf(em, await sql.rows(em, text, params));
}

/** The statement behind readCustomerStanding, to send along with others (login: sql.together). */
export function customerStandingQuery(em: Db, by: { id: number } | { openid: string }): { sql: string; params: unknown[] } {
  const [where, value] = 'id' in by ? ['c.id = ?', by.id] : ['c.openid = ?', by.openid];
  return {
    sql:
      `SELECT ${sql.columns(em, Customer, 'c')}, ${sql.columns(em, Membership, 'm')}, ${sql.columns(em, CustomerGrowth, 'g')}, ${sql.columns(em, PointsAccount, 'pa')}` +
      ` FROM ${sql.table(em, Customer, 'c')}` +
      ` LEFT JOIN ${sql.table(em, Membership, 'm')} ON m.customerId = c.id` +
      ` LEFT JOIN ${sql.table(em, CustomerGrowth, 'g')} ON g.customerId = c.id` +
      ` LEFT JOIN ${sql.table(em, PointsAccount, 'pa')} ON pa.customerId = c.id WHERE ${where}`,
    params: [value],
  };
}

export function customerStandingOf(em: Db, rows: Record<string, unknown>[]): CustomerStanding | null {
  const [row] = rows;
  const customer = row && sql.hydrate(em, Customer, row, 'c');
  if (!customer) return null;
  return {
    customer,
    membership: sql.hydrate(em, Membership, row, 'm'),
    growth: sql.hydrate(em, CustomerGrowth, row, 'g'),
    points: sql.hydrate(em, PointsAccount, row, 'pa'),
  };
}
