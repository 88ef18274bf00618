import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors';
import { isDuplicateKey, rowLock, type Tx } from '../../common/tx';
import * as sql from '../../database/sql';
import { Customer } from './entities/customer.entity';

/** The customer table's writes, and its row lock for whoever must serialise one customer's work. */
@Injectable()
export class CustomerService {
  constructor(private readonly ds: DataSource) {}

  /** The login's write for a returning customer, as a statement to send along with others (sql.together). */
  loginStatement(openid: string, at: Date): { sql: string; params: unknown[] } {
    const em = this.ds.manager;
    const set = sql.assignments(em, Customer, { lastLoginAt: at });
    return { sql: `UPDATE ${sql.table(em, Customer)} SET ${set.clause} WHERE openid = ?`, params: [...set.params, openid] };
  }

  /** A first login; a concurrent first login of the same openid creating it first is fine. */
  async createOnFirstLogin(c: { openid: string; unionid: string | null; signupRef: string | null; at: Date }): Promise<void> {
    try {
      await this.ds.manager.insert(Customer, {
        openid: c.openid,
        unionid: c.unionid,
        nickname: `微信用户${c.openid.slice(-4)}`,
        avatarUrl: '',
        phone: null,
        birthday: null,
        signupRef: c.signupRef,
        createdAt: c.at,
        lastLoginAt: c.at,
      });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }

  /** Nickname, avatar and birthday; the birthday is set once (it drives the yearly birthday gift). */
  async updateProfile(customer: Customer, changes: { nickname?: string; avatarUrl?: string; birthday?: string }): Promise<void> {
    if (changes.birthday !== undefined && customer.birthday !== null && customer.birthday !== changes.birthday) {
      throw new AppError(409, 'INVALID_STATE', '生日设置后不能修改');
    }
    await this.ds.manager.update(Customer, { id: customer.id }, changes);
  }

  /** Locks the customer's row until the transaction ends: one customer's competing work queues here. */
  async lock(tx: Tx, customerId: number): Promise<void> {
    await tx.em.findOne(Customer, { select: { id: true }, where: { id: customerId }, lock: rowLock(tx.em) });
  }
}
