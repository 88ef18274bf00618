import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { OPEN_REFUND_STATUSES } from '@mc/shared';
import { Clock } from '../../common/clock';
import { conflict } from '../../common/errors';
import { Paged, skipTake } from '../../common/pagination';
import { StoreSettingsService } from '../settings/store-settings.service';
import { AdminOrderListQuery, OrderListQuery } from './dto/order.dto';
import { OrderAdjustment } from './entities/order-adjustment.entity';
import { OrderLine } from './entities/order-line.entity';
import { OrderStatusHistory } from './entities/order-status-history.entity';
import { Order } from './entities/order.entity';
import { Refund } from './entities/refund.entity';
import { detailView, refundView, summaryView, type PaymentSummary } from './order-view';
import { afterSaleWindowOpen, OrderService } from './order.service';

/** What the payment module tells an order's detail page about its payment (it registers itself). */
export type PaymentLookup = (orderId: number) => Promise<PaymentSummary | null>;

/** The customer as staff see them beside an order. */
export interface OrderCustomer {
  id: number;
  nickname: string;
  phoneTail: string | null;
  member: boolean;
}

/** Who the customers of some orders are (the membership module, which knows customers and cards, registers itself). */
export type CustomerLookup = (customerIds: number[]) => Promise<Map<number, OrderCustomer>>;

/** Orders one export may hold; a larger range is refused (narrow the dates). */
export const EXPORT_MAX_ORDERS = 10_000;

/** Reading orders: the customer's list and detail, the staff's lists of orders and refunds. */
@Injectable()
export class OrderQueries {
  private paymentLookup: PaymentLookup = async () => null;
  private customerLookup: CustomerLookup = async () => new Map();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly orders: OrderService,
  ) {}

  setPaymentLookup(lookup: PaymentLookup): void {
    this.paymentLookup = lookup;
  }

  setCustomerLookup(lookup: CustomerLookup): void {
    this.customerLookup = lookup;
  }

  private async customers(ids: number[]): Promise<(id: number) => OrderCustomer> {
    const found = ids.length ? await this.customerLookup([...new Set(ids)]) : new Map<number, OrderCustomer>();
    return (id) => found.get(id) ?? { id, nickname: '', phoneTail: null, member: false };
  }

  async list(customerId: number | null, q: OrderListQuery | AdminOrderListQuery): Promise<Paged<ReturnType<typeof summaryView> & { customerId: number }>> {
    const qb = this.filtered(customerId, q);
    const { skip, take } = skipTake(q);
    const [orders, total] = await qb.orderBy('o.id', 'DESC').skip(skip).take(take).getManyAndCount();
    const lines = orders.length ? await this.ds.getRepository(OrderLine).find({ where: { orderId: In(orders.map((o) => o.id)) }, order: { id: 'ASC' } }) : [];
    return { items: orders.map((o) => ({ ...summaryView(o, lines.filter((l) => l.orderId === o.id)), customerId: o.customerId })), total };
  }

  /** Staff's list: each order with its customer and the refund being handled on it. */
  async adminList(q: AdminOrderListQuery) {
    const page = await this.list(null, q);
    const ids = page.items.map((o) => o.id);
    const [customer, open] = await Promise.all([
      this.customers(page.items.map((o) => o.customerId)),
      ids.length ? this.ds.getRepository(Refund).find({ where: { orderId: In(ids), status: In([...OPEN_REFUND_STATUSES]) } }) : [],
    ]);
    return {
      items: page.items.map((o) => {
        const refund = open.find((r) => r.orderId === o.id);
        return { ...o, customer: customer(o.customerId), openRefund: refund ? { id: refund.id, status: refund.status } : null };
      }),
      total: page.total,
    };
  }

  async adminDetail(orderId: number) {
    const order = await this.detail(null, orderId);
    return { ...order, customer: (await this.customers([order.customerId]))(order.customerId) };
  }

  /** Every order the staff's filter finds (at most EXPORT_MAX_ORDERS), oldest first, with lines, customers and refunds: the export's rows. */
  async exportRows(q: AdminOrderListQuery) {
    const qb = this.filtered(null, q);
    const total = await qb.getCount();
    if (total > EXPORT_MAX_ORDERS) throw conflict('LIMIT_EXCEEDED', `一次最多导出 ${EXPORT_MAX_ORDERS} 个订单，当前筛选出 ${total} 个，请缩小时间范围`, { limit: EXPORT_MAX_ORDERS });
    const orders = await qb.orderBy('o.id', 'ASC').getMany();
    const ids = orders.map((o) => o.id);
    const [lines, customer] = await Promise.all([
      ids.length ? this.ds.getRepository(OrderLine).find({ where: { orderId: In(ids) }, order: { id: 'ASC' } }) : [],
      this.customers(orders.map((o) => o.customerId)),
    ]);
    return orders.map((o) => ({ order: o, lines: lines.filter((l) => l.orderId === o.id), customer: customer(o.customerId) }));
  }

  private filtered(customerId: number | null, q: OrderListQuery | AdminOrderListQuery) {
    const qb = this.ds.getRepository(Order).createQueryBuilder('o');
    if (customerId !== null) qb.where('o.customerId = :customerId', { customerId });
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    if (q.afterSale === 'true') qb.andWhere(`EXISTS (SELECT 1 FROM ${this.ds.getMetadata(Refund).tableName} r WHERE r.orderId = o.id)`);
    if ('from' in q && q.from) qb.andWhere('o.createdAt >= :from', { from: new Date(q.from) });
    if ('to' in q && q.to) qb.andWhere('o.createdAt < :to', { to: new Date(q.to) });
    if ('q' in q && q.q) qb.andWhere('o.orderNo = :no', { no: q.q.trim() });
    return qb;
  }

  async detail(customerId: number | null, orderId: number) {
    const em = this.ds.manager;
    const order = await this.orders.ownOrder(em, customerId, orderId);
    const [lines, adjustments, history, payment, refunds, settings] = await Promise.all([
      em.find(OrderLine, { where: { orderId }, order: { id: 'ASC' } }),
      em.find(OrderAdjustment, { where: { orderId }, order: { id: 'ASC' } }),
      em.find(OrderStatusHistory, { where: { orderId }, order: { id: 'ASC' } }),
      this.paymentLookup(orderId),
      em.find(Refund, { where: { orderId }, order: { id: 'ASC' } }),
      this.settings.get(em),
    ]);
    const windowOpen = afterSaleWindowOpen(order, settings.afterSaleDays, this.clock.now());
    return { ...detailView(order, lines, adjustments, history, payment, refunds, windowOpen), customerId: order.customerId };
  }

  async refunds(q: { status?: string; page: number; pageSize: number }): Promise<Paged<ReturnType<typeof refundView> & { orderNo: string; customerId: number }>> {
    const where = q.status ? { status: q.status as Refund['status'] } : {};
    const [rows, total] = await this.ds.getRepository(Refund).findAndCount({ where, order: { id: 'DESC' }, ...skipTake(q) });
    const orders = rows.length ? await this.ds.getRepository(Order).findBy({ id: In(rows.map((r) => r.orderId)) }) : [];
    const lines = orders.length ? await this.ds.getRepository(OrderLine).findBy({ orderId: In(orders.map((o) => o.id)) }) : [];
    return {
      items: rows.map((r) => ({
        ...refundView(r),
        lines: r.lines.map((l) => ({ ...l, title: lines.find((x) => x.id === l.orderLineId)?.title ?? '' })),
        orderNo: orders.find((o) => o.id === r.orderId)?.orderNo ?? '',
        customerId: r.customerId,
      })),
      total,
    };
  }
}
