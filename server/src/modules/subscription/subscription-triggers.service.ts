import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { addDays, messageAmount, messageDate, messageTime, nextOccurrences, storeDayAt, storeDayStart, type MessageKind } from '@mc/shared';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { CheckIn } from '../check-in/entities/check-in.entity';
import { Distributor } from '../distribution/entities/distributor.entity';
import { Commission } from '../distribution/entities/commission.entity';
import { JobRegistry, type JobResult } from '../jobs/job-registry.service';
import { MemberDay } from '../member-day/entities/member-day.entity';
import { scheduleOf } from '../member-day/member-day-rules.service';
import { MembershipService, type ExpiringCard } from '../membership/membership.service';
import { OrderLine } from '../order/entities/order-line.entity';
import { Order } from '../order/entities/order.entity';
import { OrderEvents } from '../order/order-events';
import { StoreSettingsService } from '../settings/store-settings.service';
import { SubscriptionService, type SendOutcome } from './subscription.service';

/** The store's evening, when the streak reminder goes out (local hour, inclusive). */
export const STREAK_REMINDER_FROM_HOUR = 20;
/** Settled commission is announced while it is this fresh (the job runs every 10 minutes). */
const COMMISSION_FRESH_MS = DAY_MS;

const tally = (outcomes: (SendOutcome | 'ALREADY')[]): JobResult => ({
  sent: outcomes.filter((o) => o === 'SENT').length,
  skipped: outcomes.filter((o) => o === 'SKIPPED').length,
  failed: outcomes.filter((o) => o === 'FAILED').length,
});

/**
 * When each kind of message goes out (docs/subscription-messages.md). This module reads what the
 * other modules did and never the other way round: the order's `shipped` event and the card
 * reminder call in; member days, check-in streaks and settled commission are jobs that read their
 * tables. Every send carries a dedupe key, so running any of these twice sends once.
 */
@Injectable()
export class SubscriptionTriggers implements OnModuleInit {
  private readonly logger = new Logger('Subscriptions');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly subscriptions: SubscriptionService,
    private readonly events: OrderEvents,
    private readonly membership: MembershipService,
    private readonly jobs: JobRegistry,
  ) {}

  onModuleInit(): void {
    this.events.register('messages', {
      shipped: async (tx, { order }) => tx.afterCommit(() => this.orderShipped(order.id).then(() => undefined)),
    });
    this.membership.onCardExpiring((card) => this.cardExpiring(card).then(() => undefined));
    this.jobs.register({ name: 'member-day-messages', description: 'tell subscribers the day before a member day', everyMs: 60 * 60_000, run: () => this.memberDayTomorrow() });
    this.jobs.register({ name: 'check-in-streak-messages', description: 'in the evening, remind customers whose check-in streak would break', everyMs: 30 * 60_000, run: () => this.streakAboutToBreak() });
    this.jobs.register({ name: 'commission-messages', description: 'tell distributors their commission was settled', everyMs: 10 * 60_000, run: () => this.commissionSettled() });
  }

  /** After the order's SHIPPED commit: one message per order. Never fails the ship. */
  async orderShipped(orderId: number): Promise<SendOutcome> {
    try {
      const order = await this.ds.getRepository(Order).findOneByOrFail({ id: orderId });
      const lines = await this.ds.getRepository(OrderLine).find({ where: { orderId }, order: { id: 'ASC' } });
      const { timezone } = await this.settings.get();
      const goods = lines.length > 1 ? `${lines[0].title} 等${lines.length}件商品` : (lines[0]?.title ?? '');
      return await this.subscriptions.send({
        customerId: order.customerId,
        kind: 'ORDER_SHIPPED',
        dedupeKey: String(order.id),
        page: `order/pages/detail/index?id=${order.id}`,
        values: {
          orderNo: order.orderNo,
          goods,
          carrier: order.carrier ?? '',
          trackingNo: order.trackingNo ?? '',
          shippedAt: messageTime(timezone, order.shippedAt ?? this.clock.now()),
          payable: messageAmount(order.payableCents),
        },
      });
    } catch (err) {
      this.logger.error({ err, orderId }, 'shipping message failed');
      return 'FAILED';
    }
  }

  /** The card reminder (membership's `card-expiry-reminders` job): one message per card end date. */
  async cardExpiring(card: ExpiringCard): Promise<SendOutcome> {
    const { timezone } = await this.settings.get();
    const daysLeft = Math.max(1, Math.ceil((card.endsAt.getTime() - this.clock.now().getTime()) / DAY_MS));
    return this.subscriptions.send({
      customerId: card.customerId,
      kind: 'CARD_EXPIRING',
      dedupeKey: card.endsAt.toISOString(),
      page: 'member/pages/center/index',
      values: {
        endsAt: messageTime(timezone, card.endsAt),
        endDate: messageDate(storeDayAt(timezone, card.endsAt)),
        daysLeft: String(daysLeft),
        tip: '会员卡即将到期，续费后继续享受会员价',
      },
    });
  }

  /** Subscribers of MEMBER_DAY_TOMORROW when a member day falls on tomorrow's store day: one message per date. */
  async memberDayTomorrow(): Promise<JobResult> {
    const audience = await this.audience('MEMBER_DAY_TOMORROW');
    if (!audience.length) return tally([]);
    const { timezone } = await this.settings.get();
    const now = this.clock.now();
    const tomorrow = addDays(storeDayAt(timezone, now), 1);
    const rules = await this.ds.getRepository(MemberDay).find({ where: { active: true, archivedAt: IsNull() }, order: { id: 'ASC' } });
    for (const rule of rules) {
      const occurrence = nextOccurrences(scheduleOf(rule), timezone, now, 2).find((o) => o.date === tomorrow);
      if (!occurrence) continue;
      const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const values = {
        name: rule.name,
        date: messageDate(tomorrow),
        startsAt: messageTime(timezone, occurrence.startsAt),
        hours: `${hhmm(rule.startMinute)}-${hhmm(rule.endMinute)}`,
        tip: '明天是会员日，会员专享价等你来',
      };
      const outcomes: (SendOutcome | 'ALREADY')[] = [];
      for (const customerId of audience) {
        outcomes.push(await this.subscriptions.sendOnce({ customerId, kind: 'MEMBER_DAY_TOMORROW', dedupeKey: tomorrow, page: 'member/pages/member-day/index', values }));
      }
      return tally(outcomes);
    }
    return tally([]);
  }

  /** From the store's evening: subscribers whose streak (≥ 2 days, ending yesterday) breaks unless they check in today; one message per day. */
  async streakAboutToBreak(): Promise<JobResult> {
    const { timezone } = await this.settings.get();
    const now = this.clock.now();
    const today = storeDayAt(timezone, now);
    if (now.getTime() < storeDayStart(timezone, today).getTime() + STREAK_REMINDER_FROM_HOUR * 3600_000) return tally([]);
    const audience = await this.audience('CHECK_IN_STREAK');
    if (!audience.length) return tally([]);
    const yesterday = addDays(today, -1);
    const days = await this.ds.getRepository(CheckIn).find({ select: { customerId: true, storeDay: true, streak: true }, where: { customerId: In(audience), storeDay: In([yesterday, today]) } });
    const checkedToday = new Set(days.filter((d) => d.storeDay === today).map((d) => d.customerId));
    const outcomes: (SendOutcome | 'ALREADY')[] = [];
    for (const d of days.filter((d) => d.storeDay === yesterday && d.streak >= 2 && !checkedToday.has(d.customerId))) {
      outcomes.push(
        await this.subscriptions.sendOnce({
          customerId: d.customerId,
          kind: 'CHECK_IN_STREAK',
          dedupeKey: today,
          page: 'points/pages/index/index',
          values: { streak: String(d.streak), date: messageDate(today), tip: `已连续签到${d.streak}天，今天签到不断签` },
        }),
      );
    }
    return tally(outcomes);
  }

  /** Commission settled in the last day, for distributors who subscribed: one message per commission. */
  async commissionSettled(): Promise<JobResult> {
    const audience = await this.audience('COMMISSION_SETTLED');
    if (!audience.length) return tally([]);
    const distributors = await this.ds.getRepository(Distributor).find({ select: { id: true, customerId: true }, where: { customerId: In(audience) } });
    if (!distributors.length) return tally([]);
    const customerOf = new Map(distributors.map((d) => [d.id, d.customerId]));
    const since = new Date(this.clock.now().getTime() - COMMISSION_FRESH_MS);
    const settled = await this.ds.getRepository(Commission).find({
      where: { distributorId: In([...customerOf.keys()]), status: In(['SETTLED', 'WITHDRAWN']), settledAt: MoreThan(since) },
      order: { id: 'ASC' },
      take: 500,
    });
    const { timezone } = await this.settings.get();
    const outcomes: (SendOutcome | 'ALREADY')[] = [];
    for (const c of settled) {
      outcomes.push(
        await this.subscriptions.sendOnce({
          customerId: customerOf.get(c.distributorId)!,
          kind: 'COMMISSION_SETTLED',
          dedupeKey: String(c.id),
          page: 'distributor/pages/commissions/index',
          values: { amount: messageAmount(c.amountCents), orderNo: c.orderNo, settledAt: messageTime(timezone, c.settledAt!), tip: '佣金已结算，可在分销中心提现' },
        }),
      );
    }
    return tally(outcomes);
  }

  /** The customers a scheduled kind may reach: those holding a consent for its enabled template. */
  private async audience(kind: MessageKind): Promise<number[]> {
    const t = await this.subscriptions.enabledTemplate(kind);
    return t ? this.subscriptions.holders(t.templateId) : [];
  }
}
