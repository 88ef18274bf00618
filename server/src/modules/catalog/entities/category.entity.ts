import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Two levels: a root category (parentId null) and its children. */
@Entity('category')
export class Category {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_category_parent')
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 512, default: '' })
  iconUrl: string;

  @Column({ type: 'int', default: 0 })
  sort: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
