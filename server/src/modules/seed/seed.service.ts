import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import { withTx } from '../../common/tx';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuthService } from '../auth/auth.service';
import { Category } from '../catalog/entities/category.entity';
import { Product } from '../catalog/entities/product.entity';
import { Sku } from '../catalog/entities/sku.entity';
import { MemberDay } from '../member-day/entities/member-day.entity';
import { DEMO_CATALOG } from './demo-catalog';

export const DEMO_STAFF_PASSWORD = 'admin123';

/**
 * Seeds the demo store (SEED_DEMO=1, always for the embedded database). Idempotent:
 * each part is skipped when its data exists. Later capabilities add their own part here.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seedDemo(): Promise<void> {
    // the demo staff's password is published: never in production, and the owner `admin` takes
    // ADMIN_PASSWORD when it is set (this runs before AuthService applies it on bootstrap)
    if (!this.config.production) {
      if (!this.config.adminPassword) await this.auth.ensureStaff('admin', DEMO_STAFF_PASSWORD, 'owner');
      await this.auth.ensureStaff('operator', DEMO_STAFF_PASSWORD, 'operator');
      await this.auth.ensureStaff('finance', DEMO_STAFF_PASSWORD, 'finance');
    }
    if ((await this.ds.manager.count(Category)) === 0) {
      await withTx(this.ds, ({ em }) => this.seedCatalog(em));
      this.logger.log('demo catalog seeded');
    }
    if ((await this.ds.manager.count(MemberDay)) === 0) {
      await withTx(this.ds, ({ em }) => this.seedMemberDay(em));
    }
  }

  /** 会员日: the 7th of every month, paid members, 2× points, 8.5 折 member-day prices on the first SKU of some products, 9 折 on snacks. */
  private async seedMemberDay(em: EntityManager): Promise<void> {
    const now = this.clock.now();
    const products = await em.find(Product, { order: { id: 'ASC' }, take: 31 });
    for (const product of products.filter((_, i) => i % 3 === 0)) {
      const sku = await em.findOneOrFail(Sku, { where: { productId: product.id }, order: { id: 'ASC' } });
      const price = Math.floor((sku.priceCents * 85) / 100);
      await em.update(Sku, { id: sku.id }, { memberDayPriceCents: price });
      await em.update(Product, { id: product.id }, { memberDayPriceCents: price });
    }
    const snacks = await em.findOneBy(Category, { name: '零食坚果', parentId: IsNull() });
    await em.insert(MemberDay, {
      name: '每月 7 号会员日',
      recurrence: { kind: 'MONTHLY', days: [7] },
      startMinute: 0,
      endMinute: 1440,
      audience: 'PAID_MEMBERS',
      audienceTierId: null,
      categoryRates: snacks ? { [String(snacks.id)]: 9000 } : {},
      exclusiveProductIds: [],
      pointsMultiplierBp: 20000,
      perCustomerLimit: 0,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
  }

  private async seedCatalog(em: EntityManager): Promise<void> {
    const now = this.clock.now();
    let sort = 1000;
    for (const [ri, root] of DEMO_CATALOG.entries()) {
      const rootRow = await em.save(em.create(Category, { parentId: null, name: root.name, iconUrl: `/api/media/placeholder/${encodeURIComponent(root.name)}.svg`, sort: 100 - ri, active: true }));
      for (const [ci, child] of root.children.entries()) {
        const childRow = await em.save(em.create(Category, { parentId: rootRow.id, name: child.name, iconUrl: `/api/media/placeholder/${encodeURIComponent(child.name)}.svg`, sort: 100 - ci, active: true }));
        for (const p of child.products) {
          const prices = p.skus.map(([, list]) => list);
          const memberPrices = p.skus.map(([, , member]) => member).filter((m): m is number => m !== null);
          const cover = `/api/media/placeholder/${encodeURIComponent(p.title.slice(0, 6))}.svg`;
          const product = await em.save(
            em.create(Product, {
              categoryId: childRow.id,
              title: p.title,
              subtitle: p.subtitle,
              keywords: p.keywords ?? '',
              coverUrl: cover,
              images: [cover],
              description: `${p.title}：${p.subtitle}。`,
              onShelf: true,
              memberOnly: p.memberOnly ?? false,
              sort: sort--,
              priceCents: Math.min(...prices),
              memberPriceCents: memberPrices.length ? Math.min(...memberPrices) : null,
              memberDayPriceCents: null,
              createdAt: now,
              updatedAt: now,
            }),
          );
          for (const [specs, priceCents, memberPriceCents, stock] of p.skus) {
            await em.insert(Sku, { productId: product.id, specs, priceCents, memberPriceCents, memberDayPriceCents: null, stock, weightGrams: 500, active: true });
          }
        }
      }
    }
  }
}
