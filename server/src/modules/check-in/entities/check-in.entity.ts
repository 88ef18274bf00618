import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/**
 * One check-in: a customer's store day (YYYY-MM-DD in the store's time zone), once. The unique
 * key on (customerId, storeDay) is the last guard against a second check-in of the day.
 */
@Entity('check_in')
@Index('uq_check_in_day', ['customerId', 'storeDay'], { unique: true })
/** Check-ins per day (the points report) and per month (the segments' CHECK_IN_ACTIVE tag). */
@Index('ix_check_in_day', ['storeDay', 'madeUp', 'customerId'])
export class CheckIn {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  customerId: number;

  /** 'YYYY-MM-DD', the store's local date (a string, so no driver or time zone shifts it). */
  @Column({ type: 'varchar', length: 10 })
  storeDay: string;

  /** The streak ending on this day when it was checked in (later make-ups do not rewrite it). */
  @Column({ type: 'int' })
  streak: number;

  /** The points this day earned (a make-up: the daily points, its cost is a separate SPEND). */
  @Column({ type: 'int' })
  pointsAwarded: number;

  /** A make-up check-in (补签) of a missed day. */
  @Column({ type: 'boolean', default: false })
  madeUp: boolean;

  @TimeColumn()
  createdAt: Date;
}
