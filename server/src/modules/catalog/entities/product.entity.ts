import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

/**
 * A product (SPU). The price columns are the lowest of its SKUs, kept by the catalog
 * service whenever SKUs change, so the list page is one indexed query.
 */
@Entity('product')
@Index('ix_product_shelf_category_sort', ['onShelf', 'categoryId', 'sort'])
@Index('ix_product_shelf_sort', ['onShelf', 'sort'])
export class Product {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  categoryId: number;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  subtitle: string;

  /** Search words staff add (e.g. 坚果 on 碧根果), separated by spaces; searched with the title, subtitle and category names. */
  @Column({ type: 'varchar', length: 200, default: '' })
  keywords: string;

  @Column({ type: 'varchar', length: 512, default: '' })
  coverUrl: string;

  @Column({ type: 'simple-json' })
  images: string[];

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'boolean', default: false })
  onShelf: boolean;

  /** Visible to all, purchasable by paid members only. */
  @Column({ type: 'boolean', default: false })
  memberOnly: boolean;

  @Column({ type: 'int', default: 0 })
  sort: number;

  @Column({ type: 'int', default: 0 })
  priceCents: number;

  @Column({ type: 'int', nullable: true })
  memberPriceCents: number | null;

  @Column({ type: 'int', nullable: true })
  memberDayPriceCents: number | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn()
  updatedAt: Date;
}
