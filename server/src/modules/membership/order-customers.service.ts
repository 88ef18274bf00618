import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { Customer } from '../customer/entities/customer.entity';
import { OrderQueries, type OrderCustomer } from '../order/order-queries.service';
import { Membership } from './entities/membership.entity';

/**
 * Tells the order module who the customers behind staff's order pages are: nickname, the last
 * four digits of the phone (never the whole number) and whether they hold a card now.
 */
@Injectable()
export class OrderCustomersService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly queries: OrderQueries,
  ) {}

  onModuleInit(): void {
    this.queries.setCustomerLookup((ids) => this.lookup(ids));
  }

  async lookup(ids: number[]): Promise<Map<number, OrderCustomer>> {
    const [customers, cards] = await Promise.all([
      this.ds.getRepository(Customer).find({ where: { id: In(ids) }, select: { id: true, nickname: true, phone: true } }),
      this.ds.getRepository(Membership).find({ where: { customerId: In(ids) }, select: { customerId: true, endsAt: true } }),
    ]);
    const now = this.clock.now().getTime();
    return new Map(
      customers.map((c) => [
        c.id,
        {
          id: c.id,
          nickname: c.nickname,
          phoneTail: c.phone ? c.phone.slice(-4) : null,
          member: cards.some((m) => m.customerId === c.id && m.endsAt.getTime() > now),
        },
      ]),
    );
  }
}
