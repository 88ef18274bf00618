import { Injectable } from '@nestjs/common';
import { OPEN_REFUND_STATUSES, type AdminBadges, type CustomerBadges } from '@mc/shared';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { CartItem } from '../cart/entities/cart-item.entity';
import { Order } from '../order/entities/order.entity';
import { Refund } from '../order/entities/refund.entity';

/** The small counts shown as badges: the customer's order icons and cart tab, the staff's menu. */
@Injectable()
export class BadgesService {
  constructor(private readonly ds: DataSource) {}

  async customer(customerId: number): Promise<CustomerBadges> {
    const [byStatus, afterSale, cart] = await Promise.all([
      this.ds
        .getRepository(Order)
        .createQueryBuilder('o')
        .select('o.status', 'status')
        .addSelect('COUNT(*)', 'n')
        .where('o.customerId = :customerId AND o.status IN (:...statuses)', { customerId, statuses: ['PENDING_PAYMENT', 'PAID', 'SHIPPED'] })
        .groupBy('o.status')
        .getRawMany<{ status: string; n: string | number }>(),
      this.ds
        .getRepository(Refund)
        .createQueryBuilder('r')
        .select('COUNT(DISTINCT r.orderId)', 'n')
        .where('r.customerId = :customerId AND r.status IN (:...open)', { customerId, open: [...OPEN_REFUND_STATUSES] })
        .getRawOne<{ n: string | number }>(),
      this.ds.getRepository(CartItem).sum('qty', { customerId }),
    ]);
    const count = (status: string) => Number(byStatus.find((r) => r.status === status)?.n ?? 0);
    return {
      pendingPayment: count('PENDING_PAYMENT'),
      toShip: count('PAID'),
      toReceive: count('SHIPPED'),
      afterSale: Number(afterSale?.n ?? 0),
      cartQty: Number(cart ?? 0),
    };
  }

  async staff(): Promise<AdminBadges> {
    const refunds = this.ds.getRepository(Refund);
    const [ordersToShip, waiting, failed] = await Promise.all([
      this.ds.getRepository(Order).countBy({ status: 'PAID', kind: 'GOODS' }),
      refunds.countBy({ status: In(['REQUESTED', 'RETURN_SHIPPED']) }),
      refunds.countBy({ status: 'APPROVED', payoutError: Not(IsNull()) }),
    ]);
    return { ordersToShip, refundsToReview: waiting + failed };
  }
}
