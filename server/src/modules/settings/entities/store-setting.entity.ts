import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Merchant settings (domain.md "(config)"), one JSON value per key; defaults live in code. */
@Entity('store_setting')
export class StoreSetting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  valueJson: string;
}
