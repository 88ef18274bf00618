import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { activeOccurrence, nextOccurrences, type MemberDaySchedule, type Occurrence } from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { ConfigCache } from '../../common/config-cache';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberDay } from './entities/member-day.entity';

export const scheduleOf = (r: Pick<MemberDay, 'recurrence' | 'startMinute' | 'endMinute'>): MemberDaySchedule => ({ recurrence: r.recurrence, startMinute: r.startMinute, endMinute: r.endMinute });

/** The enabled member-day rules, and which of them are on at an instant (store time zone). */
@Injectable()
export class MemberDayRules implements OnModuleDestroy {
  /** The enabled rules are read by every pricing and change rarely: see ConfigCache. */
  private readonly rules: ConfigCache<MemberDay[]>;
  private readonly occurrenceByRule = new WeakMap<MemberDay, { minute: number; timezone: string; occurrence: Occurrence | null }>();
  private readonly nextByRule = new WeakMap<MemberDay, { minute: number; timezone: string; occurrence: Occurrence | null }>();

  constructor(
    ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
  ) {
    this.rules = new ConfigCache(ds, [MemberDay], 5_000, (em) => em.find(MemberDay, { where: { active: true }, order: { id: 'ASC' } }));
  }

  onModuleDestroy(): void {
    this.rules.close();
  }

  /** Every enabled rule, by id (frozen). */
  enabled(em: EntityManager): Promise<readonly MemberDay[]> {
    return this.rules.get(em);
  }

  /** Those of `rules` on at `at`, with their occurrences, in the same order. */
  async inForce(em: EntityManager, rules: readonly MemberDay[], at: Date = this.clock.now()): Promise<{ rule: MemberDay; occurrence: Occurrence }[]> {
    const { timezone } = await this.settings.get(em);
    return rules.flatMap((rule) => {
      const occurrence = this.activeOccurrence(rule, timezone, at);
      return occurrence ? [{ rule, occurrence }] : [];
    });
  }

  /** The rule's occurrence on at `at` or else its next one (null: none within the look-ahead), worked out once per minute. */
  async nextOrCurrent(em: EntityManager, rule: MemberDay, at: Date = this.clock.now()): Promise<Occurrence | null> {
    const { timezone } = await this.settings.get(em);
    return this.perMinute(this.nextByRule, rule, timezone, at, () => nextOccurrences(scheduleOf(rule), timezone, at, 1)[0] ?? null);
  }

  /**
   * Occurrences start and end on whole minutes, so within one minute the answer is the same: it is
   * worked out once per rule (as loaded) and minute, not on every pricing.
   */
  private activeOccurrence(rule: MemberDay, timezone: string, at: Date): Occurrence | null {
    return this.perMinute(this.occurrenceByRule, rule, timezone, at, () => activeOccurrence(scheduleOf(rule), timezone, at));
  }

  private perMinute(
    memo: WeakMap<MemberDay, { minute: number; timezone: string; occurrence: Occurrence | null }>,
    rule: MemberDay,
    timezone: string,
    at: Date,
    work: () => Occurrence | null,
  ): Occurrence | null {
    const minute = Math.floor(at.getTime() / 60_000);
    const known = memo.get(rule);
    if (known && known.minute === minute && known.timezone === timezone) return known.occurrence;
    const occurrence = work();
    memo.set(rule, { minute, timezone, occurrence });
    return occurrence;
  }
}
