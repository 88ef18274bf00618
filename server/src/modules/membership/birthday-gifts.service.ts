import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { birthdayFallsOn, localDate } from '@mc/shared';
import { Brackets, DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { withTx } from '../../common/tx';
import { Customer } from '../customer/entities/customer.entity';
import { JobRegistry } from '../jobs/job-registry.service';
import { PointsService } from '../points/points.service';
import { StoreSettingsService } from '../settings/store-settings.service';
import { Membership } from './entities/membership.entity';

const BIRTHDAY_BATCH = 500;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** A paid member's perk: birthday points, posted to the points ledger. */
@Injectable()
export class BirthdayGiftService implements OnModuleInit {
  private readonly logger = new Logger('BirthdayGifts');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobRegistry,
    private readonly settings: StoreSettingsService,
    private readonly points: PointsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'birthday-gifts',
      description: "give paid members their birthday points (once a year, on the birthday in the store's time zone)",
      everyMs: 60 * 60_000,
      run: () => this.giveBirthdayGifts(),
    });
  }

  /**
   * The birthday gift: every paid member whose birthday is today in the store's time zone gets
   * `birthdayGiftPoints` once that year (dedupe `birthday:<year>:customer:<id>`), so running the
   * job again, or in several instances at once, gives nothing more. A 29 February birthday is
   * celebrated on 28 February in common years.
   */
  async giveBirthdayGifts(): Promise<{ date: string; due: number; given: number }> {
    const { birthdayGiftPoints, timezone } = await this.settings.get();
    const now = this.clock.now();
    const [y, m, d] = localDate(timezone, now);
    const date = `${y}-${pad2(m)}-${pad2(d)}`;
    if (!(birthdayGiftPoints > 0)) return { date, due: 0, given: 0 };
    const patterns = [`%-${pad2(m)}-${pad2(d)}`, ...(m === 2 && d === 28 ? ['%-02-29'] : [])];
    let due = 0;
    let given = 0;
    for (let after = 0; ; ) {
      const rows: { id: number | string; birthday: string }[] = await this.ds
        .createQueryBuilder()
        .select('c.id', 'id')
        .addSelect('c.birthday', 'birthday')
        .from(Customer, 'c')
        .innerJoin(Membership, 'm', 'm.customerId = c.id AND m.endsAt > :now', { now })
        .where(new Brackets((qb) => patterns.forEach((p, i) => qb.orWhere(`c.birthday LIKE :p${i}`, { [`p${i}`]: p }))))
        .andWhere('c.id > :after', { after })
        .orderBy('c.id', 'ASC')
        .limit(BIRTHDAY_BATCH)
        .getRawMany();
      for (const row of rows.filter((r) => birthdayFallsOn(r.birthday, y, m, d))) {
        due++;
        const customerId = Number(row.id);
        const res = await withTx(this.ds, (tx) =>
          this.points.post(tx, { customerId, delta: birthdayGiftPoints, kind: 'GIFT', dedupeKey: `birthday:${y}:customer:${customerId}`, memo: `${y} 年会员生日礼` }),
        );
        if (res.posted) given++;
      }
      if (rows.length < BIRTHDAY_BATCH) break;
      after = Number(rows[rows.length - 1].id);
    }
    if (given) this.logger.log(`${given} birthday gifts of ${birthdayGiftPoints} points given for ${date}`);
    return { date, due, given };
  }
}
