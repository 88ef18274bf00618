import { Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/** A customer's paid membership: active while endsAt is in the future. One row per customer. */
@Entity('membership')
export class Membership {
  @PrimaryColumn({ type: 'int' })
  customerId: number;

  @TimeColumn()
  endsAt: Date;

  /** Set by the expire-cards job when the card lapses, cleared by a renewal. */
  @TimeColumn({ nullable: true })
  expiredAt: Date | null;

  /** The endsAt a 3-days-before reminder was recorded for (one reminder per end date). */
  @TimeColumn({ nullable: true })
  remindedFor: Date | null;

  @TimeColumn()
  updatedAt: Date;
}
