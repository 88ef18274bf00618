import { Injectable } from '@nestjs/common';
import type { AdminMallItemView } from '@mc/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { badRequest, notFound } from '../../common/errors';
import { Paged, PageQuery, skipTake } from '../../common/pagination';
import { withTx } from '../../common/tx';
import { Sku } from '../catalog/entities/sku.entity';
import { CouponTemplate } from '../coupon/entities/coupon-template.entity';
import type { MallItemDto, PatchMallItemDto } from './dto/points-mall.dto';
import { PointsMallItem } from './entities/points-mall-item.entity';
import { PointsMallUsage } from './entities/points-mall-usage.entity';

const fieldError = (field: string, message: string) => badRequest(message, { fields: [{ field, problems: [message] }] });

/** Staff's side of the points mall: items (validated, audited), shelf and sort. */
@Injectable()
export class PointsMallAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(q: PageQuery): Promise<Paged<AdminMallItemView>> {
    const em = this.ds.manager;
    const [rows, total] = await em.findAndCount(PointsMallItem, { order: { sort: 'DESC', id: 'ASC' }, ...skipTake(q) });
    const redeemed = await this.redeemedUnits(em, rows.map((r) => r.id));
    return { total, items: rows.map((r) => view(r, redeemed.get(r.id) ?? 0)) };
  }

  async get(id: number): Promise<AdminMallItemView> {
    const em = this.ds.manager;
    const row = await em.findOneBy(PointsMallItem, { id });
    if (!row) throw notFound('兑换商品');
    return view(row, (await this.redeemedUnits(em, [id])).get(id) ?? 0);
  }

  /** Units redeemed per item, cancelled ones excluded (the allowance rows count exactly that). */
  private async redeemedUnits(em: EntityManager, ids: number[]): Promise<Map<number, number>> {
    if (!ids.length) return new Map();
    const rows: { itemId: unknown; units: unknown }[] = await em
      .createQueryBuilder(PointsMallUsage, 'u')
      .select('u.itemId', 'itemId')
      .addSelect('SUM(u.qty)', 'units')
      .where({ itemId: In(ids) })
      .groupBy('u.itemId')
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.itemId), Number(r.units)]));
  }

  create(staffId: number, dto: MallItemDto): Promise<AdminMallItemView> {
    return withTx(this.ds, async ({ em }) => {
      const fields = await this.fields(em, dto);
      const now = this.clock.now();
      const row = await em.save(em.create(PointsMallItem, { ...fields, createdAt: now, updatedAt: now }));
      await this.audit.record(em, { staffId, action: 'points-mall.item.create', targetType: 'points-mall-item', targetId: row.id, before: null, after: fields });
      return view(row, 0);
    });
  }

  async update(staffId: number, id: number, dto: MallItemDto): Promise<AdminMallItemView> {
    await withTx(this.ds, async ({ em }) => {
      const before = await em.findOneBy(PointsMallItem, { id });
      if (!before) throw notFound('兑换商品');
      const fields = await this.fields(em, dto, before.sort);
      await em.update(PointsMallItem, { id }, { ...fields, updatedAt: this.clock.now() });
      await this.audit.record(em, { staffId, action: 'points-mall.item.update', targetType: 'points-mall-item', targetId: id, before: snapshot(before), after: fields });
    });
    return this.get(id);
  }

  async patch(staffId: number, id: number, dto: PatchMallItemDto): Promise<AdminMallItemView> {
    await withTx(this.ds, async ({ em }) => {
      const before = await em.findOneBy(PointsMallItem, { id });
      if (!before) throw notFound('兑换商品');
      const change = { ...(dto.onShelf === undefined ? {} : { onShelf: dto.onShelf }), ...(dto.sort === undefined ? {} : { sort: dto.sort }) };
      if (!Object.keys(change).length) throw badRequest('请提供 onShelf 或 sort');
      await em.update(PointsMallItem, { id }, { ...change, updatedAt: this.clock.now() });
      await this.audit.record(em, { staffId, action: 'points-mall.item.update', targetType: 'points-mall-item', targetId: id, before: { onShelf: before.onShelf, sort: before.sort }, after: change });
    });
    return this.get(id);
  }

  /** The item's columns from the form: each kind with its own target only; a GOODS SKU must exist. */
  private async fields(em: EntityManager, dto: MallItemDto, sort = 0) {
    const given = (v: unknown) => v !== undefined && v !== null;
    if (dto.kind !== 'GOODS' && given(dto.skuId)) throw fieldError('skuId', '只有实物商品关联 SKU');
    if (dto.kind !== 'CARD_DAYS' && given(dto.cardDays)) throw fieldError('cardDays', '只有会员卡天数设置会员天数');
    if (dto.kind !== 'COUPON' && given(dto.couponTemplateId)) throw fieldError('couponTemplateId', '只有优惠券兑换关联优惠券模板');
    if (dto.kind === 'GOODS' && !(await em.existsBy(Sku, { id: dto.skuId! }))) throw fieldError('skuId', `SKU ${dto.skuId} 不存在`);
    if (dto.kind === 'COUPON') {
      const template = await em.findOneBy(CouponTemplate, { id: dto.couponTemplateId! });
      if (!template) throw fieldError('couponTemplateId', `优惠券模板 ${dto.couponTemplateId} 不存在`);
      if (!template.active) throw fieldError('couponTemplateId', `优惠券模板「${template.title}」已停用`);
    }
    return {
      title: dto.title.trim(),
      kind: dto.kind,
      skuId: dto.kind === 'GOODS' ? dto.skuId! : null,
      couponTemplateId: dto.kind === 'COUPON' ? dto.couponTemplateId! : null,
      cardDays: dto.kind === 'CARD_DAYS' ? dto.cardDays! : null,
      coverUrl: dto.coverUrl ?? '',
      description: dto.description ?? '',
      pointsCost: dto.pointsCost,
      cashCents: dto.cashCents,
      stock: dto.stock,
      perCustomerLimit: dto.perCustomerLimit,
      onShelf: dto.onShelf,
      sort: dto.sort ?? sort,
    };
  }
}

const snapshot = (r: PointsMallItem) => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
};

function view(r: PointsMallItem, redeemedUnits: number): AdminMallItemView {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    skuId: r.skuId,
    couponTemplateId: r.couponTemplateId,
    cardDays: r.cardDays,
    coverUrl: r.coverUrl,
    description: r.description,
    pointsCost: r.pointsCost,
    cashCents: r.cashCents,
    stock: r.stock,
    perCustomerLimit: r.perCustomerLimit,
    onShelf: r.onShelf,
    sort: r.sort,
    redeemedUnits,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
