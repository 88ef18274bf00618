import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { pickWeighted, storeDayAt, totalWeight, type AdminLotteryView, type LotteryDrawRecord, type LotteryDrawResponse, type LotteryView } from '@mc/shared';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { badRequest, conflict } from '../../common/errors';
import { Paged, PageQuery, skipTake } from '../../common/pagination';
import { withTx, type Tx } from '../../common/tx';
import * as sql from '../../database/sql';
import { CouponService } from '../coupon/coupon.service';
import { CouponTemplate } from '../coupon/entities/coupon-template.entity';
import { Customer } from '../customer/entities/customer.entity';
import { PointsService } from '../points/points.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import type { LotteryConfigDto } from './dto/lottery.dto';
import { LotteryConfig, LotteryDay, LotteryDraw, LotteryPrize } from './entities/lottery.entities';

const fieldError = (field: string, message: string) => badRequest(message, { fields: [{ field, problems: [message] }] });
/** A prize that can still be drawn: NONE always, the others while stock lasts. */
const drawable = (p: LotteryPrize) => p.weight > 0 && (p.kind === 'NONE' || p.stock > 0);

/**
 * The points lottery (domain.md "Points lottery"). A draw is one transaction: the customer's day
 * counter raised by a conditional update (the daily limit), the cost spent (a SPEND ledger row keyed
 * by the draw's number of the day), a prize picked with `crypto.randomInt` over the weights of the
 * prizes still drawable (shared `pickWeighted`), its stock taken by a conditional update (a prize that
 * ran out meanwhile is dropped and the pick made again), the prize issued and the draw recorded.
 */
@Injectable()
export class LotteryService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
    private readonly points: PointsService,
    private readonly coupons: CouponService,
    private readonly audit: AuditService,
  ) {}

  async view(customerId: number): Promise<LotteryView> {
    const em = this.ds.manager;
    const config = await em.findOneBy(LotteryConfig, { id: 1 });
    if (!config) return { costPoints: 0, drawsLeftToday: 0, prizes: [] };
    const day = await em.findOneBy(LotteryDay, { customerId, storeDay: await this.today() });
    const prizes = await em.find(LotteryPrize, { where: { active: true }, order: { sort: 'ASC', id: 'ASC' } });
    return {
      costPoints: config.costPoints,
      drawsLeftToday: Math.max(0, config.dailyLimit - (day?.draws ?? 0)),
      prizes: prizes.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    };
  }

  async draw(customerId: number): Promise<LotteryDrawResponse> {
    const storeDay = await this.today();
    return withTx(this.ds, async (tx) => {
      const { em } = tx;
      const config = await em.findOneBy(LotteryConfig, { id: 1 });
      if (!config) throw conflict('INVALID_STATE', '暂无抽奖活动');
      // the day's counter: upserted with a write lock (so parallel draws of one customer queue here), then raised only below the limit
      await em.createQueryBuilder().insert().into(LotteryDay).values({ customerId, storeDay, draws: 0 }).orUpdate(['customerId'], ['customerId', 'storeDay']).execute();
      const counted = await tx.execute(`UPDATE ${sql.table(em, LotteryDay)} SET \`draws\` = \`draws\` + 1 WHERE \`customerId\` = ? AND \`storeDay\` = ? AND \`draws\` < ?`, [customerId, storeDay, config.dailyLimit]);
      if (counted !== 1) throw conflict('LIMIT_EXCEEDED', `每天最多抽奖 ${config.dailyLimit} 次，明天再来吧`);
      const { draws: n } = await em.findOneByOrFail(LotteryDay, { customerId, storeDay });
      const key = `lottery:${customerId}:${storeDay}:${n}`;
      let { balance } = await this.points.post(tx, { customerId, delta: -config.costPoints, kind: 'SPEND', dedupeKey: key, memo: '积分抽奖' });

      let candidates = (await em.find(LotteryPrize, { where: { active: true }, order: { sort: 'ASC', id: 'ASC' } })).filter(drawable);
      for (;;) {
        const total = totalWeight(candidates.map((p) => p.weight));
        if (total === 0) throw conflict('INVALID_STATE', '奖品已抽完，下次再来吧');
        const prize = candidates[pickWeighted(candidates.map((p) => p.weight), randomInt(total))];
        const issued = await this.issue(tx, prize, customerId, key);
        if (!issued) {
          candidates = candidates.filter((p) => p !== prize);
          continue;
        }
        if (issued.balance !== undefined) balance = issued.balance;
        await tx.insert(LotteryDraw, [
          { customerId, prizeId: prize.id, prizeName: prize.name, kind: prize.kind, points: issued.points ?? null, couponId: issued.couponId ?? null, costPoints: config.costPoints, storeDay, createdAt: this.clock.now() },
        ]);
        return {
          prize: { id: prize.id, name: prize.name, kind: prize.kind, ...(issued.points !== undefined ? { points: issued.points } : {}), ...(issued.couponId !== undefined ? { couponId: issued.couponId } : {}) },
          balance,
        };
      }
    });
  }

  /** Takes one of the prize's stock and gives it; null when it ran out (or its coupon can no longer be granted: the stock is put back). */
  private async issue(tx: Tx, prize: LotteryPrize, customerId: number, key: string): Promise<{ points?: number; couponId?: number; balance?: number } | null> {
    if (prize.kind === 'NONE') return {};
    const table = sql.table(tx.em, LotteryPrize);
    const taken = await tx.execute(`UPDATE ${table} SET \`stock\` = \`stock\` - 1 WHERE \`id\` = ? AND \`stock\` > 0`, [prize.id]);
    if (taken !== 1) return null;
    if (prize.kind === 'POINTS') {
      const { balance } = await this.points.post(tx, { customerId, delta: prize.points!, kind: 'GIFT', dedupeKey: `${key}:prize`, memo: `积分抽奖：${prize.name}` });
      return { points: prize.points!, balance };
    }
    const coupon = await this.coupons.tryGrant(tx, { templateId: prize.couponTemplateId!, customerId, source: 'LOTTERY', dedupeKey: key });
    if ('code' in coupon) {
      await tx.execute(`UPDATE ${table} SET \`stock\` = \`stock\` + 1 WHERE \`id\` = ?`, [prize.id]);
      return null;
    }
    return { couponId: coupon.id };
  }

  async adminView(): Promise<AdminLotteryView> {
    const em = this.ds.manager;
    const config = await em.findOneBy(LotteryConfig, { id: 1 });
    const prizes = await em.find(LotteryPrize, { where: { active: true }, order: { sort: 'ASC', id: 'ASC' } });
    const drawn = new Map<number, number>();
    if (prizes.length) {
      const rows = await em
        .createQueryBuilder(LotteryDraw, 'd')
        .select('d.prizeId', 'prizeId')
        .addSelect('COUNT(*)', 'n')
        .where({ prizeId: In(prizes.map((p) => p.id)) })
        .groupBy('d.prizeId')
        .getRawMany<{ prizeId: number; n: string | number }>();
      for (const r of rows) drawn.set(Number(r.prizeId), Number(r.n));
    }
    return {
      costPoints: config?.costPoints ?? 10,
      dailyLimit: config?.dailyLimit ?? 3,
      prizes: prizes.map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        ...(p.kind === 'POINTS' ? { points: p.points! } : {}),
        ...(p.kind === 'COUPON' ? { couponTemplateId: p.couponTemplateId! } : {}),
        weight: p.weight,
        stock: p.stock,
        drawn: drawn.get(p.id) ?? 0,
      })),
    };
  }

  /** Staff replace the wheel: checked (refused, never clamped), audited; the old prizes are retired and the new ones drawn from the next draw. */
  async setConfig(staffId: number, dto: LotteryConfigDto): Promise<AdminLotteryView> {
    dto.prizes.forEach((p, i) => {
      if (p.kind === 'POINTS' && p.points === undefined) throw fieldError(`prizes.${i}.points`, '积分奖品须填写积分数');
      if (p.kind === 'COUPON' && p.couponTemplateId === undefined) throw fieldError(`prizes.${i}.couponTemplateId`, '优惠券奖品须选择优惠券');
    });
    if (!dto.prizes.some((p) => p.weight > 0)) throw fieldError('prizes', '至少一个奖品的权重须大于 0');
    const templateIds = dto.prizes.filter((p) => p.kind === 'COUPON').map((p) => p.couponTemplateId!);
    if (templateIds.length) {
      const found = await this.ds.manager.countBy(CouponTemplate, { id: In(templateIds) });
      if (found !== new Set(templateIds).size) throw fieldError('prizes', '所选优惠券不存在');
    }
    const before = await this.adminView();
    await withTx(this.ds, async (tx) => {
      const { em } = tx;
      await em.save(LotteryConfig, { id: 1, costPoints: dto.costPoints, dailyLimit: dto.dailyLimit, updatedAt: this.clock.now() });
      await em.update(LotteryPrize, { active: true }, { active: false });
      await em.insert(
        LotteryPrize,
        dto.prizes.map((p, sort) => ({
          name: p.name,
          kind: p.kind,
          points: p.kind === 'POINTS' ? p.points! : null,
          couponTemplateId: p.kind === 'COUPON' ? p.couponTemplateId! : null,
          weight: p.weight,
          stock: p.stock,
          sort,
          active: true,
        })),
      );
      await this.audit.record(em, { staffId, action: 'lottery.update', targetType: 'lottery_config', targetId: '1', before, after: dto });
    });
    return this.adminView();
  }

  async draws(q: PageQuery): Promise<Paged<LotteryDrawRecord>> {
    const em = this.ds.manager;
    const [rows, total] = await em.findAndCount(LotteryDraw, { order: { id: 'DESC' }, ...skipTake(q) });
    const ids = [...new Set(rows.map((r) => r.customerId))];
    const names = new Map((ids.length ? await em.find(Customer, { where: { id: In(ids) }, select: { id: true, nickname: true } }) : []).map((c) => [c.id, c.nickname]));
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        customerId: r.customerId,
        customerNickname: names.get(r.customerId) ?? '',
        prizeName: r.prizeName,
        kind: r.kind,
        points: r.points,
        couponId: r.couponId,
        costPoints: r.costPoints,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  private async today(): Promise<string> {
    const { timezone } = await this.settings.get();
    return storeDayAt(timezone, this.clock.now());
  }
}
