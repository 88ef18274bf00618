import { Injectable } from '@nestjs/common';
import { cardProRataRefundCents } from '@mc/shared';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { conflict, notFound } from '../../common/errors';
import { rowLock, withTx } from '../../common/tx';
import { Order } from '../order/entities/order.entity';
import { OrderAdjustment } from '../order/entities/order-adjustment.entity';
import { Refund } from '../order/entities/refund.entity';
import { refundView } from '../order/order-view';
import { RefundService } from '../order/refund.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MembershipPeriod } from './entities/membership-period.entity';
import { MembershipService } from './membership.service';


/** A card period as the customer's card page and the admin's customer page show it. */
export const periodView = (p: MembershipPeriod) => ({
  id: p.id,
  orderId: p.orderId,
  planId: p.planId,
  days: p.days,
  paidCents: p.paidCents,
  purchasedAt: p.purchasedAt.toISOString(),
  startsAt: p.startsAt.toISOString(),
  endsAt: p.endsAt.toISOString(),
  refundedAt: p.refundedAt?.toISOString() ?? null,
});

export type FastRefundCheck = { eligible: true; period: MembershipPeriod } | { eligible: false; reason: string };

/** The customer's card page and taking the card back (极速退卡, or a refund staff review); checkout sells it. */
@Injectable()
export class MembershipSalesService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly membership: MembershipService,
    private readonly refunds: RefundService,
    private readonly settings: StoreSettingsService,
  ) {}

  async summary(customerId: number) {
    const em = this.ds.manager;
    const status = await this.membership.status(em, customerId);
    const periods = await em.find(MembershipPeriod, { where: { customerId }, order: { id: 'DESC' }, take: 20 });
    const check = await this.checkFastRefund(em, customerId);
    const latest = periods[0];
    const now = this.clock.now();
    const pending = latest ? await em.findOne(Refund, { where: { orderId: latest.orderId, status: Not(In(['REJECTED', 'REFUNDED'])) }, order: { id: 'DESC' } }) : null;
    const refundable = latest && !latest.refundedAt && latest.endsAt > now;
    return {
      isMember: status.isMember,
      memberUntil: status.memberUntil?.toISOString() ?? null,
      fastRefund: check.eligible ? { eligible: true, amountCents: check.period.paidCents } : { eligible: false, reason: check.reason },
      reviewedRefund: {
        pending: pending && { id: pending.id, status: pending.status, amountCents: pending.amountCents, createdAt: pending.createdAt.toISOString() },
        estimateCents: refundable && !pending ? cardProRataRefundCents(latest, now) : null,
      },
      periods: periods.map(periodView),
    };
  }

  /** Fast refund: the latest card, bought within the window, with no member benefit used since. */
  async checkFastRefund(em: EntityManager, customerId: number): Promise<FastRefundCheck> {
    const period = await em.findOne(MembershipPeriod, { where: { customerId }, order: { id: 'DESC' } });
    if (!period || period.refundedAt) return { eligible: false, reason: '没有可退的会员卡' };
    const { cardFastRefundDays } = await this.settings.get(em);
    if (this.clock.now().getTime() - period.purchasedAt.getTime() > cardFastRefundDays * DAY_MS) {
      return { eligible: false, reason: `开卡超过 ${cardFastRefundDays} 天，请申请人工退卡` };
    }
    if (await this.benefitUsedSince(em, customerId, period.purchasedAt)) return { eligible: false, reason: '开卡后已使用会员权益，请申请人工退卡' };
    return { eligible: true, period };
  }

  /** Any order placed since, not cancelled, that was priced with a member benefit or on a member day. */
  private async benefitUsedSince(em: EntityManager, customerId: number, since: Date): Promise<boolean> {
    const rows: unknown[] = await em
      .createQueryBuilder()
      .select('o.id')
      .from(Order, 'o')
      .leftJoin(OrderAdjustment, 'a', 'a.orderId = o.id')
      .where('o.customerId = :customerId AND o.createdAt >= :since AND o.status <> :cancelled AND o.kind = :goods', { customerId, since, cancelled: 'CANCELLED', goods: 'GOODS' })
      .andWhere("(o.memberDayId IS NOT NULL OR a.kind = 'MEMBER_PRICE' OR (a.kind = 'SHIPPING_WAIVER' AND a.sourceType = 'MEMBER_PERK'))")
      .limit(1)
      .getRawMany();
    return rows.length > 0;
  }

  async fastRefund(customerId: number) {
    const { amountCents } = await withTx(this.ds, async (tx) => {
      const { em } = tx;
      // serialise refunds of one customer's card on the membership row
      await em.findOne(MembershipPeriod, { where: { customerId }, order: { id: 'DESC' }, lock: rowLock(em) });
      const check = await this.checkFastRefund(em, customerId);
      if (!check.eligible) throw conflict('INVALID_STATE', check.reason);
      const order = await em.findOneBy(Order, { id: check.period.orderId });
      if (!order) throw notFound('会员卡订单');
      if (await em.existsBy(Refund, { orderId: order.id, status: Not('REJECTED') })) throw conflict('INVALID_STATE', '这张会员卡已在退款中');
      // approved at once: the money goes out after commit (the payment module)
      await this.refunds.createForOrder(tx, order, check.period.paidCents, '极速退卡');
      await this.membership.revokePeriod(em, check.period);
      return { amountCents: check.period.paidCents };
    });
    const status = await this.membership.status(this.ds.manager, customerId);
    return { refunded: true, amountCents, isMember: status.isMember, memberUntil: status.memberUntil?.toISOString() ?? null };
  }

  /** After the fast-refund window, or with benefits used: a refund request staff review; the amount is pro-rata at approval. */
  async requestReviewedRefund(customerId: number, reason: string) {
    const refund = await withTx(this.ds, async (tx) => {
      const { em } = tx;
      await em.findOne(MembershipPeriod, { where: { customerId }, order: { id: 'DESC' }, lock: rowLock(em) });
      const period = await em.findOne(MembershipPeriod, { where: { customerId }, order: { id: 'DESC' } });
      if (!period || period.refundedAt || period.endsAt <= this.clock.now()) throw conflict('INVALID_STATE', '没有可退的会员卡');
      const order = await em.findOneBy(Order, { id: period.orderId });
      if (!order) throw notFound('会员卡订单');
      if (await em.existsBy(Refund, { orderId: order.id, status: Not('REJECTED') })) throw conflict('INVALID_STATE', '这张会员卡已在退款中');
      return this.refunds.createForOrder(tx, order, cardProRataRefundCents(period, this.clock.now()), reason, 'REQUESTED');
    });
    return refundView(refund);
  }
}
