import { Injectable } from '@nestjs/common';
import { nextOccurrences, type Occurrence } from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberDaySkuPrice } from './entities/member-day-sku-price.entity';
import { MemberDay } from './entities/member-day.entity';
import { offerLines } from './member-day-offers';
import { scheduleOf } from './member-day-rules.service';

/** What customers see of member days: the one on now, the next one, and their offers. */
@Injectable()
export class MemberDayViewService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
  ) {}

  /** `now` is the server's clock: the shop counts down against it, not against the phone's own clock. */
  async publicView(): Promise<{ now: string; active: boolean; current: unknown; next: unknown }> {
    const em = this.ds.manager;
    const now = this.clock.now();
    const { timezone } = await this.settings.get(em);
    const rules = await em.find(MemberDay, { where: { active: true }, order: { id: 'ASC' } });
    const upcoming = rules
      .map((rule) => ({ rule, occurrence: nextOccurrences(scheduleOf(rule), timezone, now, 2) }))
      .flatMap(({ rule, occurrence }) => occurrence.map((o) => ({ rule, occurrence: o })))
      .sort((a, b) => a.occurrence.startsAt.getTime() - b.occurrence.startsAt.getTime());
    const currentIdx = upcoming.findIndex((u) => u.occurrence.startsAt <= now);
    const current = currentIdx >= 0 ? upcoming[currentIdx] : null;
    const next = upcoming.find((u) => u.occurrence.startsAt > now) ?? null;
    return {
      now: now.toISOString(),
      active: current !== null,
      current: current && (await this.occurrenceView(em, current.rule, current.occurrence)),
      next: next && (await this.occurrenceView(em, next.rule, next.occurrence)),
    };
  }

  private async occurrenceView(em: EntityManager, rule: MemberDay, o: Occurrence) {
    const prices = await em.find(MemberDaySkuPrice, { where: { memberDayId: rule.id }, order: { id: 'ASC' } });
    return {
      id: rule.id,
      name: rule.name,
      date: o.date,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      audience: rule.audience,
      pointsMultiplierBp: rule.pointsMultiplierBp,
      perCustomerLimit: rule.perCustomerLimit,
      offers: await offerLines(em, rule, prices, 50),
      exclusiveProductIds: rule.exclusiveProductIds,
    };
  }
}
