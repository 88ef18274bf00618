import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, LessThan, LessThanOrEqual } from 'typeorm';
import { cardProRataRefundCents } from '@mc/shared';
import { Clock, DAY_MS } from '../../common/clock';
import { conflict, notFound } from '../../common/errors';
import { rowLock, type Tx } from '../../common/tx';
import { JobRegistry } from '../jobs/job-registry.service';
import { OrderEvents } from '../order/order-events';
import { RefundService } from '../order/refund.service';
import type { Order } from '../order/entities/order.entity';
import type { Refund } from '../order/entities/refund.entity';
import { MembershipPeriod } from './entities/membership-period.entity';
import { MembershipPlan } from './entities/membership-plan.entity';
import { Membership } from './entities/membership.entity';

const REMIND_BEFORE_MS = 3 * DAY_MS;

/** A card ending within three days, as the reminder job hands it to whoever listens. */
export interface ExpiringCard {
  customerId: number;
  endsAt: Date;
}

export interface MembershipStatus {
  isMember: boolean;
  memberUntil: Date | null;
}

/** The paid member card: plans, who is a member until when, and the periods behind it. */
@Injectable()
export class MembershipService implements OnModuleInit {
  private readonly logger = new Logger('Membership');
  private readonly expiringListeners: ((card: ExpiringCard) => Promise<void>)[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobRegistry,
    private readonly events: OrderEvents,
    private readonly refunds: RefundService,
  ) {}

  onModuleInit(): void {
    this.events.register('membership', {
      paid: async (tx, { order }) => {
        if (order.kind === 'MEMBER_CARD') await this.activate(tx.em, order);
      },
      refundApproved: async (tx, { order, refund, byStaff }) => {
        if (byStaff && order.kind === 'MEMBER_CARD') await this.settleReviewedCardRefund(tx, order, refund);
      },
    });
    this.jobs.register({ name: 'expire-cards', description: 'end memberships whose card has lapsed', everyMs: 60_000, run: () => this.expireLapsed() });
    this.jobs.register({ name: 'card-expiry-reminders', description: 'remind customers 3 days before their card ends (a subscription message)', everyMs: 60 * 60_000, run: () => this.recordReminders() });
  }

  async plansOnSale(): Promise<MembershipPlan[]> {
    return this.ds.getRepository(MembershipPlan).find({ where: { onSale: true }, order: { sort: 'DESC', id: 'ASC' } });
  }

  async planOnSale(em: EntityManager, id: number): Promise<MembershipPlan> {
    const plan = await em.findOneBy(MembershipPlan, { id, onSale: true });
    if (!plan) throw notFound('会员卡方案');
    return plan;
  }

  async status(em: EntityManager, customerId: number): Promise<MembershipStatus> {
    return this.statusOf(await em.findOneBy(Membership, { customerId }));
  }

  /** The status a membership row (or none) means now. */
  statusOf(row: Pick<Membership, 'endsAt'> | null): MembershipStatus {
    const now = this.clock.now();
    return { isMember: row !== null && row.endsAt > now, memberUntil: row && row.endsAt > now ? row.endsAt : null };
  }

  /**
   * A paid card order becomes membership time, in the payment's transaction. Time adds to an
   * active card's end; after a lapse it starts now. The row lock makes concurrent payments add up.
   */
  async activate(em: EntityManager, order: { id: number; customerId: number; membershipPlanId: number | null; payableCents: number }): Promise<void> {
    const plan = await em.findOneBy(MembershipPlan, { id: order.membershipPlanId ?? -1 });
    if (!plan) throw new Error(`card order ${order.id} has no plan`);
    const { startsAt, endsAt } = await this.extend(em, order.customerId, plan.days);
    await em.insert(MembershipPeriod, { customerId: order.customerId, orderId: order.id, planId: plan.id, days: plan.days, paidCents: order.payableCents, purchasedAt: this.clock.now(), startsAt, endsAt, refundedAt: null });
  }

  /**
   * Card days given rather than bought (a points-mall redemption, when its order is paid): added
   * like a card's, without a card period, so the card refunds (which look at the latest bought
   * card) never take them for a card. The caller makes it happen once (the order's paid event).
   */
  async grantDays(em: EntityManager, customerId: number, days: number): Promise<{ endsAt: Date }> {
    return this.extend(em, customerId, days);
  }

  /** Adds days to the card under its row lock: to an active card's end, or from now after a lapse. */
  private async extend(em: EntityManager, customerId: number, days: number): Promise<{ startsAt: Date; endsAt: Date }> {
    const now = this.clock.now();
    await em.createQueryBuilder().insert().into(Membership).values({ customerId, endsAt: now, expiredAt: null, remindedFor: null, updatedAt: now }).orIgnore().execute();
    const membership = await em.findOneOrFail(Membership, { where: { customerId }, lock: rowLock(em) });
    const startsAt = membership.endsAt > now ? membership.endsAt : now;
    const endsAt = new Date(startsAt.getTime() + days * DAY_MS);
    await em.update(Membership, { customerId }, { endsAt, expiredAt: null, updatedAt: now });
    return { startsAt, endsAt };
  }

  /** A card refund staff approve is worth the card's unused days at approval, and takes them off the card. */
  private async settleReviewedCardRefund(tx: Tx, order: Order, refund: Refund): Promise<void> {
    const period = await tx.em.findOneBy(MembershipPeriod, { orderId: order.id });
    if (!period || period.refundedAt) throw conflict('INVALID_STATE', '这张会员卡已退');
    await this.refunds.setAmount(tx, refund, cardProRataRefundCents(period, this.clock.now()));
    await this.revokePeriod(tx.em, period);
  }

  /** Takes a refunded period's time back off the card. */
  async revokePeriod(em: EntityManager, period: MembershipPeriod): Promise<void> {
    const now = this.clock.now();
    const membership = await em.findOneOrFail(Membership, { where: { customerId: period.customerId }, lock: rowLock(em) });
    const removed = period.endsAt.getTime() - Math.max(period.startsAt.getTime(), now.getTime());
    const endsAt = new Date(Math.max(now.getTime(), membership.endsAt.getTime() - Math.max(0, removed)));
    await em.update(MembershipPeriod, { id: period.id }, { refundedAt: now });
    await em.update(Membership, { customerId: period.customerId }, { endsAt, updatedAt: now, ...(endsAt <= now ? { expiredAt: now } : {}) });
  }

  async expireLapsed(): Promise<{ expired: number }> {
    const now = this.clock.now();
    const res = await this.ds.getRepository(Membership).update({ endsAt: LessThanOrEqual(now), expiredAt: IsNull() }, { expiredAt: now, updatedAt: now });
    if (res.affected) this.logger.log(`${res.affected} memberships expired`);
    return { expired: res.affected ?? 0 };
  }

  /**
   * Another module's reaction to a card ending within three days (the subscription module sends a
   * message). Called for every card due at each run, so it must be idempotent (a key per end date).
   */
  onCardExpiring(listener: (card: ExpiringCard) => Promise<void>): void {
    this.expiringListeners.push(listener);
  }

  /** The reminder 3 days before a card ends: recorded once per end date, and handed to the listeners (which send it once). */
  async recordReminders(): Promise<{ reminded: number }> {
    const now = this.clock.now();
    const due = await this.ds.getRepository(Membership).find({
      where: { endsAt: LessThan(new Date(now.getTime() + REMIND_BEFORE_MS)), expiredAt: IsNull() },
      take: 500,
    });
    let reminded = 0;
    for (const m of due.filter((m) => m.endsAt > now)) {
      if (m.remindedFor?.getTime() !== m.endsAt.getTime()) {
        const res = await this.ds.getRepository(Membership).update({ customerId: m.customerId, endsAt: m.endsAt }, { remindedFor: m.endsAt });
        reminded += res.affected ?? 0;
      }
      for (const listener of this.expiringListeners) await listener({ customerId: m.customerId, endsAt: m.endsAt });
    }
    return { reminded };
  }
}
