import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Units a customer bought at member-day prices in one occurrence; changed only by conditional updates. */
@Entity('member_day_usage')
export class MemberDayUsage {
  @PrimaryColumn({ type: 'int' })
  memberDayId: number;

  /** The occurrence's local date, YYYY-MM-DD. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  occurrenceDate: string;

  @PrimaryColumn({ type: 'int' })
  customerId: number;

  @Column({ type: 'int', default: 0 })
  qty: number;
}
