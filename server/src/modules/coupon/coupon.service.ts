import { Injectable, OnModuleInit } from '@nestjs/common';
import { COUPON_REFUSAL_LABEL, couponStatus, type CouponOption, type CouponSource, type CouponView, type HeldCoupon } from '@mc/shared';
import { DataSource, MoreThan } from 'typeorm';
import { Clock, DAY_MS } from '../../common/clock';
import { AppError, conflict, notFound } from '../../common/errors';
import { rowLock, type Tx } from '../../common/tx';
import * as sql from '../../database/sql';
import { managerOf, type Db } from '../../database/sql';
import { TierService } from '../membership/tier.service';
import { OrderLine } from '../order/entities/order-line.entity';
import type { Order } from '../order/entities/order.entity';
import { OrderEvents } from '../order/order-events';
import { Coupon } from './entities/coupon.entity';
import { CouponTemplate } from './entities/coupon-template.entity';

export interface CouponGrant {
  templateId: number;
  customerId: number;
  source: CouponSource;
  /** Names the grant; granting the same key again returns the coupon granted the first time. */
  dedupeKey: string;
}

/** Why a grant was not made: the template is off or over, the quantity is gone, the customer holds their limit. */
export interface GrantRefusal {
  code: 'INVALID_STATE' | 'LIMIT_EXCEEDED';
  reason: 'INACTIVE' | 'OVER' | 'SOLD_OUT' | 'CUSTOMER_LIMIT';
  message: string;
}

export function couponView(c: Coupon, now: Date): CouponView {
  return {
    id: c.id,
    templateId: c.templateId,
    title: c.title,
    kind: c.kind,
    ...(c.kind === 'AMOUNT_OFF' ? { amountOffCents: c.amountOffCents! } : { percentOffBp: c.percentOffBp! }),
    thresholdCents: c.thresholdCents,
    ...(c.capCents !== null ? { capCents: c.capCents } : {}),
    validFrom: c.validFrom.toISOString(),
    validUntil: c.validUntil.toISOString(),
    status: couponStatus({ used: c.status === 'USED', validUntilMs: c.validUntil.getTime() }, now.getTime()),
  };
}

/** The coupons a customer may try at checkout now, as the shared rules read them, and their rows by id. */
export interface Wallet {
  held: HeldCoupon[];
  rows: Map<string, Coupon>;
}

/**
 * The coupons customers hold. Two guarantees, both in the caller's transaction:
 *  - a template never issues more than `totalQuantity`, nor more than `perCustomerLimit` to one
 *    customer: every grant locks the template's row, counts under it, and raises `issuedCount` by a
 *    conditional update; the coupon's unique `dedupeKey` is the last guard;
 *  - a coupon is used by one order at most: USABLE → USED by a conditional update in the placing
 *    transaction (`takeForOrder`); a cancelled or fully refunded order gives it back.
 */
@Injectable()
export class CouponService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly tiers: TierService,
    private readonly events: OrderEvents,
  ) {}

  onModuleInit(): void {
    this.events.register('coupons', {
      paid: (tx, { order }) => this.grantWithCard(tx, order),
      cancelled: (tx, { order }) => this.giveBack(tx, order),
      refunded: (tx, { order }) => this.giveBackIfAllRefunded(tx, order),
    });
  }

  /** `GET /api/coupons?status=`: usable ones expiring first, the others newest first. */
  async list(customerId: number, status?: CouponView['status']): Promise<{ items: CouponView[] }> {
    const now = this.clock.now();
    const qb = this.ds.getRepository(Coupon).createQueryBuilder('c').where('c.customerId = :customerId', { customerId });
    if (status === 'USED') qb.andWhere("c.status = 'USED'");
    if (status === 'USABLE') qb.andWhere("c.status = 'USABLE' AND c.validUntil > :now", { now });
    if (status === 'EXPIRED') qb.andWhere("c.status = 'USABLE' AND c.validUntil <= :now", { now });
    qb.orderBy(status === 'USABLE' ? 'c.validUntil' : 'c.id', status === 'USABLE' ? 'ASC' : 'DESC').addOrderBy('c.id', 'ASC').take(500);
    return { items: (await qb.getMany()).map((c) => couponView(c, now)) };
  }

  /** The customer's unused, unexpired coupons, for pricing (read without a lock: `takeForOrder` re-checks). */
  async wallet(db: Db, customerId: number): Promise<Wallet> {
    const now = this.clock.now();
    const em = managerOf(db);
    const [coupons, tiers] = await Promise.all([
      em.find(Coupon, { where: { customerId, status: 'USABLE', validUntil: MoreThan(now) }, order: { validUntil: 'ASC', id: 'ASC' } }),
      this.tiers.tiers(em),
    ]);
    const growthOf = new Map(tiers.map((t) => [t.id, t.growthThreshold]));
    return {
      held: coupons.map((c) => ({
        id: String(c.id),
        kind: c.kind,
        thresholdCents: c.thresholdCents,
        amountOffCents: c.amountOffCents ?? undefined,
        percentOffBp: c.percentOffBp ?? undefined,
        capCents: c.capCents,
        used: false,
        validFromMs: c.validFrom.getTime(),
        validUntilMs: c.validUntil.getTime(),
        audience: c.audience,
        // a tier deleted since: no tier requirement left to meet
        minTierGrowth: c.minTierId === null ? null : (growthOf.get(c.minTierId) ?? null),
      })),
      rows: new Map(coupons.map((c) => [String(c.id), c])),
    };
  }

  /** The preview's `usableCoupons` (best first) and `unusableCoupons` (with why). */
  checkoutView(options: readonly CouponOption[], wallet: Wallet) {
    const now = this.clock.now();
    const view = (o: CouponOption) => couponView(wallet.rows.get(o.coupon.id)!, now);
    const usable = options.filter((o) => o.refusal === null);
    usable.sort((a, b) => b.offCents - a.offCents || a.coupon.validUntilMs - b.coupon.validUntilMs || Number(a.coupon.id) - Number(b.coupon.id));
    return {
      usableCoupons: usable.map((o) => ({ ...view(o), couponCents: o.offCents })),
      unusableCoupons: options.filter((o) => o.refusal !== null).map((o) => ({ ...view(o), reason: o.refusal!, reasonText: COUPON_REFUSAL_LABEL[o.refusal!] })),
    };
  }

  /**
   * Grants one coupon of a template, in the caller's transaction: 404 for an unknown template, 409
   * when it cannot be granted (GrantRefusal). Granting a dedupeKey again returns the first coupon.
   * For the points mall, the lottery and staff.
   */
  async grant(tx: Tx, g: CouponGrant): Promise<Coupon> {
    const result = await this.tryGrant(tx, g);
    if ('code' in result) throw new AppError(409, result.code, result.message);
    return result;
  }

  /** As `grant`, but a refusal is returned (nothing was written) instead of thrown. */
  async tryGrant(tx: Tx, g: CouponGrant): Promise<Coupon | GrantRefusal> {
    const { em } = tx;
    const now = this.clock.now();
    // the template's row lock puts every grant of this template in a line: the counts below are
    // read after the grants before this one committed (locking reads see the latest rows)
    const template = await em.findOne(CouponTemplate, { where: { id: g.templateId }, lock: rowLock(em) });
    if (!template) throw notFound('优惠券');
    const granted = await em.findOne(Coupon, { where: { dedupeKey: g.dedupeKey }, lock: rowLock(em, 'pessimistic_read') });
    if (granted) return granted;
    if (!template.active) return { code: 'INVALID_STATE', reason: 'INACTIVE', message: `优惠券「${template.title}」已停用` };
    const window = validWindow(template, now);
    if (!window) return { code: 'INVALID_STATE', reason: 'OVER', message: `优惠券「${template.title}」已过使用期` };
    if (template.perCustomerLimit !== null) {
      const held = await this.heldCount(tx, template.id, g.customerId);
      if (held >= template.perCustomerLimit) return { code: 'LIMIT_EXCEEDED', reason: 'CUSTOMER_LIMIT', message: `优惠券「${template.title}」每人限领 ${template.perCustomerLimit} 张` };
    }
    const issued = await tx.execute(
      `UPDATE ${sql.table(em, CouponTemplate)} SET \`issuedCount\` = \`issuedCount\` + 1 WHERE \`id\` = ? AND (\`totalQuantity\` IS NULL OR \`issuedCount\` < \`totalQuantity\`)`,
      [template.id],
    );
    if (issued !== 1) return { code: 'LIMIT_EXCEEDED', reason: 'SOLD_OUT', message: `优惠券「${template.title}」已发完` };
    const row: Omit<Coupon, 'id'> = {
      templateId: template.id,
      customerId: g.customerId,
      title: template.title,
      kind: template.kind,
      amountOffCents: template.amountOffCents,
      percentOffBp: template.percentOffBp,
      thresholdCents: template.thresholdCents,
      capCents: template.capCents,
      audience: template.audience,
      minTierId: template.minTierId,
      validFrom: window.from,
      validUntil: window.until,
      status: 'USABLE',
      source: g.source,
      dedupeKey: g.dedupeKey,
      orderId: null,
      usedAt: null,
      grantedAt: now,
    };
    return { ...row, id: await tx.insert(Coupon, [row]) };
  }

  /** How many coupons of the template the customer was ever granted (under the template's lock: see tryGrant). */
  async heldCount(tx: Tx, templateId: number, customerId: number): Promise<number> {
    const lock = tx.dialect === 'sqljs' ? '' : ' LOCK IN SHARE MODE';
    const [row] = await tx.rows(`SELECT COUNT(*) AS n FROM ${sql.table(tx.em, Coupon)} WHERE \`templateId\` = ? AND \`customerId\` = ?${lock}`, [templateId, customerId]);
    return Number(row.n);
  }

  /**
   * Checkout takes the order's coupon: USABLE → USED for this order, a conditional update in the
   * placing transaction. The pricing read was not locked, so of several orders racing for one
   * coupon exactly one changes the row; the others are 409 INVALID_STATE and roll back.
   */
  async takeForOrder(tx: Tx, order: Pick<Order, 'id' | 'customerId' | 'couponId'>): Promise<void> {
    if (order.couponId === null) return;
    const set = sql.assignments(tx.em, Coupon, { status: 'USED', orderId: order.id, usedAt: this.clock.now() });
    const taken = await tx.execute(`UPDATE ${sql.table(tx.em, Coupon)} SET ${set.clause} WHERE \`id\` = ? AND \`customerId\` = ? AND \`status\` = ?`, [
      ...set.params,
      Number(order.couponId),
      order.customerId,
      'USABLE',
    ]);
    if (taken !== 1) throw conflict('INVALID_STATE', '优惠券已被使用，请重新选择');
  }

  /** A card order paid: one coupon of each active template marked "granted with a card"; one that cannot be granted is left out. */
  private async grantWithCard(tx: Tx, order: Order): Promise<void> {
    if (order.kind !== 'MEMBER_CARD') return;
    const templates = await tx.em.find(CouponTemplate, { where: { grantOnCardPurchase: true, active: true }, order: { id: 'ASC' } });
    for (const t of templates) {
      await this.tryGrant(tx, { templateId: t.id, customerId: order.customerId, source: 'CARD_PURCHASE', dedupeKey: `card:${order.id}:${t.id}` });
    }
  }

  /** The order's coupon is USABLE again (it shows as expired when its window has passed). */
  private async giveBack(tx: Tx, order: Pick<Order, 'id' | 'couponId'>): Promise<void> {
    if (order.couponId === null) return;
    await tx.execute(`UPDATE ${sql.table(tx.em, Coupon)} SET \`status\` = ?, \`orderId\` = NULL, \`usedAt\` = NULL WHERE \`orderId\` = ? AND \`status\` = ?`, ['USABLE', order.id, 'USED']);
  }

  /** A refund completed: once every unit of the order is refunded, its coupon goes back. */
  private async giveBackIfAllRefunded(tx: Tx, order: Order): Promise<void> {
    if (order.couponId === null) return;
    const lines = await tx.em.find(OrderLine, { where: { orderId: order.id } });
    if (lines.length && lines.every((l) => l.refundedQty >= l.qty)) await this.giveBack(tx, order);
  }
}

/** A template's window for a coupon granted now: N days from now, or the template's own; null when it is over. */
export function validWindow(t: Pick<CouponTemplate, 'validDays' | 'validFrom' | 'validUntil'>, now: Date): { from: Date; until: Date } | null {
  if (t.validDays !== null) return { from: now, until: new Date(now.getTime() + t.validDays * DAY_MS) };
  if (!t.validFrom || !t.validUntil || t.validUntil.getTime() <= now.getTime()) return null;
  return { from: t.validFrom, until: t.validUntil };
}
