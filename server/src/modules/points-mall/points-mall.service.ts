import { Injectable, OnModuleInit } from '@nestjs/common';
import { redeemableUnits, redemptionBreakdown, redemptionPointsBack, type MallItemView, type OrderAddress, type RedeemResponse, type RedemptionView } from '@mc/shared';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, badRequest, conflict, notFound } from '../../common/errors';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { Paged, skipTake } from '../../common/pagination';
import type { Tx } from '../../common/tx';
import * as sql from '../../database/sql';
import { AddressService } from '../address/address.service';
import { Product } from '../catalog/entities/product.entity';
import { Sku } from '../catalog/entities/sku.entity';
import { StockService } from '../catalog/stock.service';
import { CouponService, validWindow } from '../coupon/coupon.service';
import { Coupon } from '../coupon/entities/coupon.entity';
import { CouponTemplate } from '../coupon/entities/coupon-template.entity';
import { MembershipService } from '../membership/membership.service';
import { OrderLine } from '../order/entities/order-line.entity';
import { Order } from '../order/entities/order.entity';
import { OrderEvents } from '../order/order-events';
import { OrderLifecycle } from '../order/order-lifecycle.service';
import { OrderService } from '../order/order.service';
import type { Refund } from '../order/entities/refund.entity';
import { PointsAccount } from '../points/entities/points-account.entity';
import { PointsService } from '../points/points.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import type { RedeemDto, RedemptionQuery } from './dto/points-mall.dto';
import { PointsMallItem } from './entities/points-mall-item.entity';
import { PointsMallUsage } from './entities/points-mall-usage.entity';
import { PointsRedemption } from './entities/points-redemption.entity';

/** A GOODS item's SKU with its product, when both are on sale. */
type SkuOnSale = { sku: Sku; product: Product };

/**
 * The customer's side of the points mall: the items, redeeming one (an order of kind
 * POINTS_REDEMPTION on the common order pipeline), and what the order events mean for a
 * redemption (card days on payment; mall stock and allowance back on cancel; points back on refund).
 */
@Injectable()
export class PointsMallService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
    private readonly addresses: AddressService,
    private readonly stock: StockService,
    private readonly points: PointsService,
    private readonly membership: MembershipService,
    private readonly orders: OrderService,
    private readonly lifecycle: OrderLifecycle,
    private readonly events: OrderEvents,
    private readonly settings: StoreSettingsService,
    private readonly coupons: CouponService,
  ) {}

  onModuleInit(): void {
    this.events.register('points-mall', {
      paid: (tx, { order }) => this.onPaid(tx, order),
      cancelled: (tx, { order }) => this.onCancelled(tx, order),
      refunded: (tx, { order, refund }) => this.onRefunded(tx, order, refund),
    });
  }

  /** On-shelf items, higher sort first, with what this customer may still take, and their balance. */
  async items(customerId: number): Promise<{ balance: number; items: MallItemView[] }> {
    const em = this.ds.manager;
    const items = await em.find(PointsMallItem, { where: { onShelf: true }, order: { sort: 'DESC', id: 'ASC' } });
    const [skus, usage, balance] = await Promise.all([
      this.skusOnSale(items.map((i) => i.skuId).filter((id): id is number => id !== null)),
      items.length ? em.find(PointsMallUsage, { where: { customerId, itemId: In(items.map((i) => i.id)) } }) : [],
      em.findOneBy(PointsAccount, { customerId }).then((a) => a?.balance ?? 0),
    ]);
    const used = new Map(usage.map((u) => [u.itemId, u.qty]));
    return { balance, items: items.map((item) => this.itemView(item, skus, used.get(item.id) ?? 0)) };
  }

  async item(customerId: number, id: number): Promise<MallItemView & { balance: number }> {
    const all = await this.items(customerId);
    const found = all.items.find((i) => i.id === id);
    if (!found) throw notFound('兑换商品');
    return { ...found, balance: all.balance };
  }

  private itemView(item: PointsMallItem, skus: Map<number, SkuOnSale>, used: number): MallItemView {
    const onSale = item.skuId === null ? undefined : skus.get(item.skuId);
    // a GOODS item can go out only while its SKU is on sale and in stock
    const stock = item.kind === 'GOODS' ? Math.min(item.stock, onSale?.sku.stock ?? 0) : item.stock;
    return {
      id: item.id,
      title: item.title,
      kind: item.kind,
      coverUrl: item.coverUrl || onSale?.product.coverUrl || '',
      description: item.description,
      pointsCost: item.pointsCost,
      cashCents: item.cashCents,
      stock,
      perCustomerLimit: item.perCustomerLimit,
      specs: onSale?.sku.specs ?? {},
      cardDays: item.cardDays,
      redeemed: used,
      redeemable: redeemableUnits({ stock, perCustomerLimit: item.perCustomerLimit }, used),
    };
  }

  private async skusOnSale(ids: number[], db: sql.Db = this.ds.manager): Promise<Map<number, SkuOnSale>> {
    if (!ids.length) return new Map();
    const em = sql.managerOf(db);
    const skus = await em.find(Sku, { where: { id: In(ids), active: true } });
    const products = await em.find(Product, { where: { id: In(skus.map((s) => s.productId)), onShelf: true } });
    const byId = new Map(products.map((p) => [p.id, p]));
    return new Map(skus.filter((s) => byId.has(s.productId)).map((s) => [s.id, { sku: s, product: byId.get(s.productId)! }]));
  }

  /**
   * One transaction: the customer's points account locked first (it serialises their points and
   * their allowance), the allowance taken by a conditional update, the order written, the points
   * spent (SPEND, key `spend:order:<id>`), the mall stock taken by a conditional update and, for
   * goods, the SKU's stock last (StockService). Any refusal rolls everything back. Nothing to pay:
   * the order is paid at once.
   */
  redeem(customerId: number, dto: RedeemDto, idempotencyKey: string | undefined): Promise<RedeemResponse> {
    return this.idempotency.run(customerId, idempotencyKey, 'POST /api/points-mall/redeem', dto, async (tx) => {
      const { em } = tx;
      const { qty } = dto;
      const item = await em.findOneBy(PointsMallItem, { id: dto.itemId });
      if (!item) throw notFound('兑换商品');
      if (!item.onShelf) throw conflict('INVALID_STATE', `「${item.title}」已下架`);
      let address: OrderAddress | null = null;
      let goods: SkuOnSale | undefined;
      if (item.kind === 'GOODS') {
        if (dto.addressId === undefined) throw badRequest('兑换实物商品须选择收货地址', { fields: [{ field: 'addressId', problems: ['兑换实物商品须选择收货地址'] }] });
        const [a, skus] = await Promise.all([this.addresses.getOwn(tx, customerId, dto.addressId), this.skusOnSale([item.skuId!], tx)]);
        goods = skus.get(item.skuId!);
        if (!goods) throw conflict('INVALID_STATE', `「${item.title}」暂不能兑换：商品已下架`);
        address = { name: a.name, phone: a.phone, province: a.province, city: a.city, district: a.district, detail: a.detail };
      }
      if (item.stock < qty) throw outOfStock(item, item.stock);
      if (item.kind === 'COUPON') await this.couponsLeft(tx, customerId, item, qty);
      const account = await this.points.lockAccount(tx, customerId);
      await this.takeAllowance(tx, customerId, item, qty);
      const breakdown = redemptionBreakdown(item, qty, {
        skuId: goods?.sku.id ?? 0,
        productId: goods?.product.id ?? 0,
        categoryId: goods?.product.categoryId ?? 0,
        requiresShipping: goods !== undefined,
      });
      if (account.balance < breakdown.pointsUsed) {
        throw conflict('INSUFFICIENT_POINTS', `积分不足：需要 ${breakdown.pointsUsed} 积分，还差 ${breakdown.pointsUsed - Math.max(0, account.balance)} 积分`, {
          balance: account.balance,
          needed: breakdown.pointsUsed,
        });
      }
      const { unpaidTimeoutMinutes } = await this.settings.get(em);
      const cardDays = item.kind === 'CARD_DAYS' ? item.cardDays! * qty : null;
      const order = await this.orders.write(tx, {
        customerId,
        kind: 'POINTS_REDEMPTION',
        breakdown,
        lineInfo: () => ({ title: item.title, specs: goods?.sku.specs ?? (cardDays ? { 会员天数: `${cardDays} 天` } : {}), coverUrl: item.coverUrl || goods?.product.coverUrl || '' }),
        address,
        note: '',
        unpaidTimeoutMinutes,
      });
      const now = this.clock.now();
      await tx.insertLater(PointsRedemption, [
        { orderId: order.id, itemId: item.id, customerId, kind: item.kind, title: item.title, qty, pointsUsed: breakdown.pointsUsed, cashCents: breakdown.payableCents, cardDays, createdAt: now },
      ]);
      await this.points.post(tx, { customerId, delta: -breakdown.pointsUsed, kind: 'SPEND', dedupeKey: `spend:order:${order.id}`, orderId: order.id, memo: `积分兑换「${item.title}」×${qty}` });
      // the mall's stock: a conditional decrement, the CHECK constraint behind it
      const taken = await tx.execute(`UPDATE ${sql.table(em, PointsMallItem)} SET stock = stock - ? WHERE id = ? AND stock >= ?`, [qty, item.id, qty]);
      if (taken !== 1) throw outOfStock(item);
      if (goods) await this.stock.reserveStock(tx, [{ skuId: goods.sku.id, qty }]);
      if (order.payableCents === 0) {
        await this.lifecycle.transition(tx, order, 'PAID', `customer:${customerId}`, '积分兑换，无需付款', { paidAt: now });
        return { orderId: order.id, status: 'PAID', pointsUsed: breakdown.pointsUsed, payableCents: 0 };
      }
      return { orderId: order.id, status: order.status, pointsUsed: breakdown.pointsUsed, payableCents: order.payableCents };
    });
  }

  /**
   * Counts the units against the customer's limit: one usage row per customer and item, raised by
   * a conditional update that fails past the limit (0 = no limit; the row is kept anyway, so a
   * limit set later counts what came before). Runs under the customer's points-account lock, so
   * their parallel redemptions queue instead of deadlocking on the new row.
   */
  private async takeAllowance(tx: Tx, customerId: number, item: PointsMallItem, qty: number): Promise<void> {
    const { em } = tx;
    await em.createQueryBuilder().insert().into(PointsMallUsage).values({ customerId, itemId: item.id, qty: 0 }).orIgnore().execute();
    const limit = item.perCustomerLimit;
    const raised = await tx.execute(`UPDATE ${sql.table(em, PointsMallUsage)} SET qty = qty + ? WHERE customerId = ? AND itemId = ? AND (? = 0 OR qty + ? <= ?)`, [
      qty,
      customerId,
      item.id,
      limit,
      qty,
      limit,
    ]);
    if (raised !== 1) {
      const [row] = await tx.rows(`SELECT qty FROM ${sql.table(em, PointsMallUsage)} WHERE customerId = ? AND itemId = ?`, [customerId, item.id]);
      const used = Number(row?.qty ?? 0);
      throw conflict('LIMIT_EXCEEDED', `「${item.title}」每人限兑 ${limit} 件，你已兑换 ${used} 件`, { limit, used });
    }
  }

  /**
   * Refuses a coupon redemption the template cannot serve now (off, over, not enough left, the
   * customer at its limit): a plain read, so an unpaid redemption is not placed in vain. The grant
   * on payment (onPaid) decides under the template's lock.
   */
  private async couponsLeft(tx: Tx, customerId: number, item: PointsMallItem, qty: number): Promise<void> {
    const t = await tx.em.findOneBy(CouponTemplate, { id: item.couponTemplateId! });
    if (!t || !t.active || !validWindow(t, this.clock.now())) throw conflict('INVALID_STATE', `「${item.title}」暂不能兑换：优惠券已停用或已过期`);
    if (t.totalQuantity !== null && t.issuedCount + qty > t.totalQuantity) {
      const left = Math.max(0, t.totalQuantity - t.issuedCount);
      throw conflict('LIMIT_EXCEEDED', left ? `优惠券「${t.title}」仅剩 ${left} 张` : `优惠券「${t.title}」已发完`, { left });
    }
    if (t.perCustomerLimit !== null) {
      const held = await tx.em.countBy(Coupon, { templateId: t.id, customerId });
      if (held + qty > t.perCustomerLimit) throw conflict('LIMIT_EXCEEDED', `优惠券「${t.title}」每人限领 ${t.perCustomerLimit} 张，你已有 ${held} 张`, { limit: t.perCustomerLimit, used: held });
    }
  }

  /**
   * A paid redemption delivers (once: the paid event runs once): card days become card time; a
   * coupon item grants one coupon per unit (key `mall:<orderId>:<n>`). Points only, this runs in
   * the redeeming transaction and a refusal (quantity gone, customer limit) is a 409 that rolls it
   * all back; paid in cash, a refusal cannot undo the payment, so the grant is tried and skipped.
   */
  private async onPaid(tx: Tx, order: Order): Promise<void> {
    if (order.kind !== 'POINTS_REDEMPTION') return;
    const r = await tx.em.findOneBy(PointsRedemption, { orderId: order.id });
    if (r?.kind === 'CARD_DAYS' && r.cardDays) await this.membership.grantDays(tx.em, r.customerId, r.cardDays);
    if (r?.kind === 'COUPON') {
      const item = await tx.em.findOneByOrFail(PointsMallItem, { id: r.itemId });
      for (let n = 1; n <= r.qty; n++) {
        const grant = { templateId: item.couponTemplateId!, customerId: r.customerId, source: 'POINTS_MALL' as const, dedupeKey: `mall:${order.id}:${n}` };
        await (order.payableCents === 0 ? this.coupons.grant(tx, grant) : this.coupons.tryGrant(tx, grant));
      }
    }
  }

  /** A cancelled redemption gives the mall stock and the customer's allowance back (the points handler returns the SPEND, the order module the SKU stock). */
  private async onCancelled(tx: Tx, order: Order): Promise<void> {
    if (order.kind !== 'POINTS_REDEMPTION') return;
    const r = await tx.em.findOneBy(PointsRedemption, { orderId: order.id });
    if (!r) return;
    await tx.later(`UPDATE ${sql.table(tx.em, PointsMallItem)} SET stock = stock + ? WHERE id = ?`, [r.qty, r.itemId]);
    await tx.later(`UPDATE ${sql.table(tx.em, PointsMallUsage)} SET qty = qty - ? WHERE customerId = ? AND itemId = ? AND qty >= ?`, [r.qty, r.customerId, r.itemId, r.qty]);
  }

  /**
   * A refund of redeemed goods gives back the points of the refunded units (redemptionPointsBack:
   * cumulative floors, all of them once every unit is back), as REVERSE `return:refund:<id>`; the
   * cash part goes back through the refund itself. The mall stock and the allowance stay taken.
   */
  private async onRefunded(tx: Tx, order: Order, refund: Refund): Promise<void> {
    if (order.kind !== 'POINTS_REDEMPTION' || order.status === 'CANCELLED' || order.pointsUsed <= 0 || refund.lines.length === 0) return;
    const line = await tx.em.findOneByOrFail(OrderLine, { orderId: order.id });
    const units = refund.lines.filter((l) => l.orderLineId === line.id).reduce((n, l) => n + l.qty, 0);
    const back = redemptionPointsBack(order.pointsUsed, line.qty, line.refundedQty - units, units);
    if (back <= 0) return;
    await this.points.post(tx, {
      customerId: order.customerId,
      delta: back,
      kind: 'REVERSE',
      dedupeKey: `return:refund:${refund.id}`,
      orderId: order.id,
      memo: `退款 ${refund.refundNo}，退还兑换「${line.title}」的积分`,
    });
  }

  /** The customer's redemptions, newest first. */
  async mine(customerId: number, q: RedemptionQuery): Promise<Paged<RedemptionView>> {
    return this.redemptions({ customerId, ...(q.itemId ? { itemId: q.itemId } : {}) }, q);
  }

  async redemptions(where: { customerId?: number; itemId?: number }, q: RedemptionQuery): Promise<Paged<RedemptionView>> {
    const em = this.ds.manager;
    const [rows, total] = await em.findAndCount(PointsRedemption, { where, order: { id: 'DESC' }, ...skipTake(q) });
    const orders = rows.length ? await em.find(Order, { select: { id: true, orderNo: true, status: true }, where: { id: In(rows.map((r) => r.orderId)) } }) : [];
    const byId = new Map(orders.map((o) => [o.id, o]));
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        orderId: r.orderId,
        orderNo: byId.get(r.orderId)?.orderNo ?? '',
        orderStatus: byId.get(r.orderId)?.status ?? 'CANCELLED',
        itemId: r.itemId,
        kind: r.kind,
        title: r.title,
        qty: r.qty,
        pointsUsed: r.pointsUsed,
        cashCents: r.cashCents,
        cardDays: r.cardDays,
        customerId: r.customerId,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }
}

/** `left`: the stock as read (a race lost at the conditional update does not know it). */
const outOfStock = (item: PointsMallItem, left?: number) =>
  new AppError(409, 'OUT_OF_STOCK', left === 0 ? `「${item.title}」已兑完` : `「${item.title}」库存不足${left === undefined ? '' : `，仅剩 ${left} 件`}`, { itemId: item.id });
