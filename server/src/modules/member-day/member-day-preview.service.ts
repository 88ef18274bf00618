import { Injectable } from '@nestjs/common';
import { nextOccurrences, validateSchedule, type MemberDaySchedule } from '@mc/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { badRequest, notFound } from '../../common/errors';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberDayDto, recurrenceOf } from './dto/member-day.dto';
import { MemberDaySkuPrice } from './entities/member-day-sku-price.entity';
import { MemberDay } from './entities/member-day.entity';
import { offerLines } from './member-day-offers';
import { scheduleOf } from './member-day-rules.service';

/** What staff see before a member day happens: its next occurrences and what it charges. */
@Injectable()
export class MemberDayPreviewService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
  ) {}

  async preview(id: number, count: number) {
    const em = this.ds.manager;
    const rule = await em.findOneBy(MemberDay, { id });
    if (!rule) throw notFound('会员日');
    const prices = await em.find(MemberDaySkuPrice, { where: { memberDayId: rule.id }, order: { id: 'ASC' } });
    return {
      id: rule.id,
      name: rule.name,
      ...(await this.occurrences(scheduleOf(rule), count)),
      skus: await offerLines(em, rule, prices, 200),
    };
  }

  /** The same preview for a rule not saved yet (the form's values): what saving it would schedule and charge. */
  async previewDraft(dto: MemberDayDto, count: number) {
    const schedule: MemberDaySchedule = { recurrence: recurrenceOf(dto.recurrence), startMinute: dto.startMinute ?? 0, endMinute: dto.endMinute ?? 1440 };
    const problem = validateSchedule(schedule);
    if (problem) throw badRequest(`recurrence: ${problem}`);
    return {
      id: null,
      name: dto.name,
      ...(await this.occurrences(schedule, count)),
      skus: await offerLines(this.ds.manager, { categoryRates: dto.categoryRates ?? {} }, dto.skuPrices ?? [], 200),
    };
  }

  private async occurrences(schedule: MemberDaySchedule, count: number) {
    const { timezone } = await this.settings.get();
    const occurrences = nextOccurrences(schedule, timezone, this.clock.now(), count).map((o) => ({ date: o.date, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() }));
    return { timezone, occurrences };
  }
}
