import { Injectable } from '@nestjs/common';
import { couponStatus, type CouponGrantResponse, type CouponTemplateView, type CouponUsageRow } from '@mc/shared';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError, badRequest, notFound } from '../../common/errors';
import { skipTake, type Paged } from '../../common/pagination';
import { rowLock, withTx } from '../../common/tx';
import { Customer } from '../customer/entities/customer.entity';
import { Tier } from '../membership/entities/tier.entity';
import { Order } from '../order/entities/order.entity';
import { CouponService } from './coupon.service';
import { CouponGrantDto, CouponTemplateDto, CouponUsageQuery } from './dto/coupon.dto';
import { Coupon } from './entities/coupon.entity';
import { CouponTemplate } from './entities/coupon-template.entity';

type TemplateFields = Omit<CouponTemplate, 'id' | 'issuedCount' | 'createdAt'>;

function templateView(t: CouponTemplate, usedCount: number): CouponTemplateView {
  return {
    id: t.id,
    title: t.title,
    kind: t.kind,
    amountOffCents: t.amountOffCents,
    percentOffBp: t.percentOffBp,
    thresholdCents: t.thresholdCents,
    capCents: t.capCents,
    validFrom: t.validFrom?.toISOString() ?? null,
    validUntil: t.validUntil?.toISOString() ?? null,
    validDays: t.validDays,
    audience: t.audience,
    minTierId: t.minTierId,
    totalQuantity: t.totalQuantity,
    issuedCount: t.issuedCount,
    usedCount,
    perCustomerLimit: t.perCustomerLimit,
    grantOnCardPurchase: t.grantOnCardPurchase,
    active: t.active,
    createdAt: t.createdAt.toISOString(),
  };
}

/**
 * Staff's side of coupons: templates (which fields go together is checked here and refused with a
 * sentence, never adjusted), grants to a list of customers, and the usage of a template.
 */
@Injectable()
export class CouponTemplateService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly coupons: CouponService,
    private readonly audit: AuditService,
  ) {}

  /** The template's fields from a whole request; 400 naming the field for combinations that do not make a coupon. */
  private async fields(dto: CouponTemplateDto, current?: CouponTemplate): Promise<TemplateFields> {
    const amount = dto.kind === 'AMOUNT_OFF';
    if (amount && dto.amountOffCents === undefined) throw badRequest('满减券须填写减免金额', { fields: [{ field: 'amountOffCents', problems: ['必填'] }] });
    if (amount && (dto.percentOffBp !== undefined || dto.capCents !== undefined)) throw badRequest('满减券不设折扣和最多减免', { fields: [{ field: 'percentOffBp', problems: ['满减券不可填写'] }] });
    if (!amount && dto.percentOffBp === undefined) throw badRequest('折扣券须填写折扣', { fields: [{ field: 'percentOffBp', problems: ['必填'] }] });
    if (!amount && dto.amountOffCents !== undefined) throw badRequest('折扣券不设减免金额', { fields: [{ field: 'amountOffCents', problems: ['折扣券不可填写'] }] });
    const window = dto.validFrom !== undefined || dto.validUntil !== undefined;
    if (window === (dto.validDays !== undefined)) throw badRequest('有效期须二选一：填写领取后有效天数，或同时填写开始和结束时间', { fields: [{ field: 'validDays', problems: ['二选一'] }] });
    let validFrom: Date | null = null;
    let validUntil: Date | null = null;
    if (window) {
      if (dto.validFrom === undefined || dto.validUntil === undefined) throw badRequest('请同时填写开始和结束时间', { fields: [{ field: dto.validFrom === undefined ? 'validFrom' : 'validUntil', problems: ['必填'] }] });
      validFrom = new Date(dto.validFrom);
      validUntil = new Date(dto.validUntil);
      if (validUntil.getTime() <= validFrom.getTime()) throw badRequest('结束时间须晚于开始时间', { fields: [{ field: 'validUntil', problems: ['须晚于开始时间'] }] });
    }
    if (dto.minTierId !== undefined && !(await this.ds.getRepository(Tier).existsBy({ id: dto.minTierId }))) {
      throw badRequest(`会员等级 ${dto.minTierId} 不存在`, { fields: [{ field: 'minTierId', problems: ['不存在'] }] });
    }
    if (current && dto.totalQuantity !== undefined && dto.totalQuantity < current.issuedCount) {
      throw badRequest(`发放总量不能少于已发放的 ${current.issuedCount} 张`, { fields: [{ field: 'totalQuantity', problems: ['少于已发放数量'] }] });
    }
    return {
      title: dto.title.trim(),
      kind: dto.kind,
      amountOffCents: dto.amountOffCents ?? null,
      percentOffBp: dto.percentOffBp ?? null,
      thresholdCents: dto.thresholdCents,
      capCents: dto.capCents ?? null,
      validFrom,
      validUntil,
      validDays: dto.validDays ?? null,
      audience: dto.audience,
      minTierId: dto.minTierId ?? null,
      totalQuantity: dto.totalQuantity ?? null,
      perCustomerLimit: dto.perCustomerLimit ?? null,
      grantOnCardPurchase: dto.grantOnCardPurchase ?? false,
      active: dto.active ?? true,
    };
  }

  private async usedCounts(ids: number[]): Promise<Map<number, number>> {
    if (!ids.length) return new Map();
    const rows = await this.ds
      .getRepository(Coupon)
      .createQueryBuilder('c')
      .select('c.templateId', 'templateId')
      .addSelect('COUNT(*)', 'n')
      .where({ templateId: In(ids), status: 'USED' })
      .groupBy('c.templateId')
      .getRawMany<{ templateId: number; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.templateId), Number(r.n)]));
  }

  async list(q: { page: number; pageSize: number }): Promise<Paged<CouponTemplateView>> {
    const [rows, total] = await this.ds.getRepository(CouponTemplate).findAndCount({ order: { id: 'DESC' }, ...skipTake(q) });
    const used = await this.usedCounts(rows.map((t) => t.id));
    return { items: rows.map((t) => templateView(t, used.get(t.id) ?? 0)), total };
  }

  async get(id: number): Promise<CouponTemplateView> {
    const t = await this.ds.getRepository(CouponTemplate).findOneBy({ id });
    if (!t) throw notFound('优惠券');
    return templateView(t, (await this.usedCounts([id])).get(id) ?? 0);
  }

  async create(staffId: number, dto: CouponTemplateDto): Promise<CouponTemplateView> {
    const fields = await this.fields(dto);
    const id = await withTx(this.ds, async (tx) => {
      const id = await tx.insert(CouponTemplate, [{ ...fields, issuedCount: 0, createdAt: this.clock.now() }]);
      await this.audit.record(tx.em, { staffId, action: 'coupon-template.create', targetType: 'coupon-template', targetId: id, after: fields });
      return id;
    });
    return this.get(id);
  }

  /** Replaces the template's rule; coupons granted before keep the rule they were granted with. */
  async update(staffId: number, id: number, dto: CouponTemplateDto): Promise<CouponTemplateView> {
    await withTx(this.ds, async (tx) => {
      const { em } = tx;
      // locked: the issued count compared with the new total is the latest (grants wait for this edit)
      const before = await em.findOne(CouponTemplate, { where: { id }, lock: rowLock(em) });
      if (!before) throw notFound('优惠券');
      const fields = await this.fields(dto, before);
      // the issued count is never written from here: a grant racing this edit keeps its own increment
      await em.update(CouponTemplate, { id }, fields);
      await this.audit.record(em, { staffId, action: 'coupon-template.update', targetType: 'coupon-template', targetId: id, before, after: fields });
    });
    return this.get(id);
  }

  /**
   * One coupon of the template to each customer listed (unknown customers: 404, nothing granted).
   * Customers holding their per-customer limit are skipped and listed; not enough quantity left for
   * the rest is 409 LIMIT_EXCEEDED and nothing is granted.
   */
  async grant(staffId: number, templateId: number, dto: CouponGrantDto): Promise<CouponGrantResponse> {
    const ids = [...new Set(dto.customerIds)];
    const found = await this.ds.getRepository(Customer).findBy({ id: In(ids) });
    const missing = ids.filter((id) => !found.some((c) => c.id === id));
    if (missing.length) throw badRequest(`顾客 ${missing.join('、')} 不存在`, { fields: [{ field: 'customerIds', problems: ['不存在'] }] });
    return withTx(this.ds, async (tx) => {
      // the template's lock first (as tryGrant takes it): every count below is made in line
      if (!(await tx.em.findOne(CouponTemplate, { where: { id: templateId }, lock: rowLock(tx.em) }))) throw notFound('优惠券');
      const skipped: number[] = [];
      for (const customerId of ids) {
        // the n-th coupon of this template for this customer: a double submit cannot grant past the limit
        const n = (await this.coupons.heldCount(tx, templateId, customerId)) + 1;
        const r = await this.coupons.tryGrant(tx, { templateId, customerId, source: 'STAFF', dedupeKey: `staff:${templateId}:${customerId}:${n}` });
        if (!('code' in r)) continue;
        if (r.reason === 'CUSTOMER_LIMIT') skipped.push(customerId);
        else throw new AppError(409, r.code, r.message);
      }
      const granted = ids.length - skipped.length;
      await this.audit.record(tx.em, { staffId, action: 'coupon-template.grant', targetType: 'coupon-template', targetId: templateId, after: { customerIds: ids, granted, skipped } });
      return { granted, skipped };
    });
  }

  /** Who was granted the template's coupons, and which order used each. */
  async usage(templateId: number, q: CouponUsageQuery): Promise<Paged<CouponUsageRow>> {
    await this.get(templateId);
    const now = this.clock.now();
    const qb = this.ds.getRepository(Coupon).createQueryBuilder('c').where('c.templateId = :templateId', { templateId });
    if (q.status === 'USED') qb.andWhere("c.status = 'USED'");
    if (q.status === 'USABLE') qb.andWhere("c.status = 'USABLE' AND c.validUntil > :now", { now });
    if (q.status === 'EXPIRED') qb.andWhere("c.status = 'USABLE' AND c.validUntil <= :now", { now });
    const [rows, total] = await qb.orderBy('c.id', 'DESC').skip(skipTake(q).skip).take(q.pageSize).getManyAndCount();
    const customers = await this.ds.getRepository(Customer).findBy({ id: In([...new Set(rows.map((r) => r.customerId))]) });
    const orderIds = rows.flatMap((r) => (r.orderId === null ? [] : [r.orderId]));
    const orders = orderIds.length ? await this.ds.getRepository(Order).find({ where: { id: In(orderIds) }, select: { id: true, orderNo: true } }) : [];
    return {
      items: rows.map((c) => ({
        id: c.id,
        customerId: c.customerId,
        customerNickname: customers.find((x) => x.id === c.customerId)?.nickname ?? '',
        source: c.source as CouponUsageRow['source'],
        status: couponStatus({ used: c.status === 'USED', validUntilMs: c.validUntil.getTime() }, now.getTime()),
        grantedAt: c.grantedAt.toISOString(),
        validUntil: c.validUntil.toISOString(),
        orderId: c.orderId,
        orderNo: orders.find((o) => o.id === c.orderId)?.orderNo ?? null,
        usedAt: c.usedAt?.toISOString() ?? null,
      })),
      total,
    };
  }
}
