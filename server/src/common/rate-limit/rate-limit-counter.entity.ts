import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../../database/columns';

/** Fixed-window counters kept in the database so several API instances share them. */
@Entity('rate_limit_counter')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  bucket: string;

  @TimeColumn()
  windowStart: Date;

  @Column({ type: 'int' })
  hits: number;
}
