import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AddressService } from '../address/address.service';
import { CartService } from '../cart/cart.service';
import { StockService } from '../catalog/stock.service';
import { MemberDayLimits } from '../member-day/member-day-limits.service';
import { MembershipService } from '../membership/membership.service';
import { OrderService, placedView } from '../order/order.service';
import { PointsService } from '../points/points.service';
import { PricingContextService } from '../pricing/pricing-context.service';
import { CouponService } from '../coupon/coupon.service';
import { couponChoice, PlaceOrderDto } from './dto/checkout.dto';

/**
 * Placing orders of every kind, each in one transaction: price from the database (the shared
 * pipeline), check and reserve what the order takes from other modules (member-day limits, points,
 * stock), and write the order (the order module's snapshot).
 */
@Injectable()
export class PlacementService {
  constructor(
    private readonly ds: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly pricing: PricingContextService,
    private readonly addresses: AddressService,
    private readonly cart: CartService,
    private readonly stock: StockService,
    private readonly memberDayLimits: MemberDayLimits,
    private readonly points: PointsService,
    private readonly membership: MembershipService,
    private readonly orders: OrderService,
    private readonly coupons: CouponService,
  ) {}

  /**
   * A goods order: takes its coupon (`couponId`: absent the best, null none, an id that one),
   * spends the points it uses (`usePoints`) and takes the stock (409 OUT_OF_STOCK naming the short
   * SKU when there is not enough).
   */
  placeGoods(customerId: number, dto: PlaceOrderDto, idempotencyKey: string | undefined) {
    return this.idempotency.run(customerId, idempotencyKey, 'POST /api/orders', dto, async (tx) => {
      // started together, so the reads travel in one round trip (database/outbox.ts)
      const [address, wallet] = await Promise.all([this.addresses.getOwn(tx, customerId, dto.addressId), this.coupons.wallet(tx, customerId)]);
      const priced = await this.pricing.price(tx, customerId, dto.items, dto.usePoints === true, undefined, { held: wallet.held, choice: couponChoice(dto) });
      if (priced.breakdown.requiresMembership) throw new AppError(409, 'MEMBERS_ONLY', '会员专享商品，开通会员后可购买');
      this.memberDayLimits.assertMayBuy([...priced.skus.values()].map((s) => s.product.id), priced.memberDay);
      await this.memberDayLimits.reserve(tx, customerId, priced.memberDay, priced.breakdown);
      const order = await this.orders.write(tx, {
        customerId,
        kind: 'GOODS',
        breakdown: priced.breakdown,
        lineInfo: (lineId) => {
          const { sku, product } = priced.skus.get(Number(lineId))!;
          return { title: product.title, specs: sku.specs, coverUrl: product.coverUrl };
        },
        address: { name: address.name, phone: address.phone, province: address.province, city: address.city, district: address.district, detail: address.detail },
        note: dto.note ?? '',
        unpaidTimeoutMinutes: priced.settings.unpaidTimeoutMinutes,
      });
      // the coupon and the points the breakdown spends, each re-checked by a conditional update:
      // taken meanwhile by another order is 409 (INVALID_STATE, INSUFFICIENT_POINTS) and this whole
      // transaction rolls back
      await this.coupons.takeForOrder(tx, order);
      await this.points.spendForOrder(tx, order);
      if (dto.fromCart) await this.cart.removeLines(tx, customerId, priced.breakdown.lines.map((l) => Number(l.skuId)));
      // stock last (StockService); the SKU's active flag was checked by the read above (loadSkus)
      await this.stock.reserveStock(tx, priced.breakdown.lines.map((l) => ({ skuId: Number(l.skuId), qty: l.qty })));
      return placedView(order);
    });
  }

  /** A member card bought like any order (kind MEMBER_CARD, no shipping); paying it activates the card. */
  async placeCard(customerId: number, planId: number, idempotencyKey: string | undefined) {
    const plan = await this.membership.planOnSale(this.ds.manager, planId);
    return this.idempotency.run(customerId, idempotencyKey, 'POST /api/membership/orders', { planId: plan.id }, async (tx) => {
      const line = {
        lineId: `plan-${plan.id}`,
        skuId: '0',
        productId: '0',
        categoryId: '0',
        qty: 1,
        listPriceCents: plan.priceCents,
        memberPriceCents: null,
        memberDayPriceCents: null,
        requiresShipping: false,
      };
      const priced = await this.pricing.priceLines(tx, customerId, [line], false);
      const order = await this.orders.write(tx, {
        customerId,
        kind: 'MEMBER_CARD',
        breakdown: priced.breakdown,
        lineInfo: () => ({ title: plan.name, specs: {}, coverUrl: '' }),
        address: null,
        note: '',
        unpaidTimeoutMinutes: priced.settings.unpaidTimeoutMinutes,
        membershipPlanId: plan.id,
      });
      return placedView(order);
    });
  }
}
