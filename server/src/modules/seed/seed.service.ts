import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import { withTx } from '../../common/tx';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuthService } from '../auth/auth.service';
import { Category } from '../catalog/entities/category.entity';
import { Product } from '../catalog/entities/product.entity';
import { Sku } from '../catalog/entities/sku.entity';
import { CouponService } from '../coupon/coupon.service';
import { CouponTemplate } from '../coupon/entities/coupon-template.entity';
import { CustomerService } from '../customer/customer.service';
import { Customer } from '../customer/entities/customer.entity';
import { DistributorService } from '../distribution/distributor.service';
import { MemberDay } from '../member-day/entities/member-day.entity';
import { ImageService, thumbUrlOf } from '../media/image.service';
import { LotteryConfig, LotteryPrize } from '../lottery/entities/lottery.entities';
import { PointsMallItem } from '../points-mall/entities/points-mall-item.entity';
import { DEMO_CATALOG, type DemoProduct } from './demo-catalog';
import { seedHistory } from './history';
import { categoryIcon, productPictures } from './demo-pictures';

export const DEMO_STAFF_PASSWORD = 'admin123';
/** The demo store's history: about 3,000 orders of 600 customers over 120 days. */
export const DEMO_HISTORY = { orders: 3000, customers: 600, days: 120 };
/** The demo customer holding the demo coupons; the WeChat simulator logs it in with the code `test:demo-customer`. */
export const DEMO_CUSTOMER_OPENID = 'demo-customer';

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
    private readonly customers: CustomerService,
    private readonly coupons: CouponService,
    private readonly images: ImageService,
    private readonly distributors: DistributorService,
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
      // drawn before the transaction: rendering holds no database lock
      const pictures = await this.demoPictures();
      await withTx(this.ds, ({ em }) => this.seedCatalog(em, pictures));
      this.logger.log('demo catalog seeded');
    }
    if ((await this.ds.manager.count(MemberDay)) === 0) {
      await withTx(this.ds, ({ em }) => this.seedMemberDay(em));
    }
    if ((await this.ds.manager.count(PointsMallItem)) === 0) {
      await withTx(this.ds, ({ em }) => this.seedPointsMall(em));
    }
    if ((await this.ds.manager.count(CouponTemplate)) === 0) await this.seedCoupons();
    if ((await this.ds.manager.count(LotteryConfig)) === 0) await withTx(this.ds, ({ em }) => this.seedLottery(em));
    if (await this.distributors.seedDemo()) this.logger.log('demo distributor DEMO01 seeded');
    // last, once: skipped when history exists (SEED_HISTORY=0 turns it off; tests see the bare demo store)
    if (this.config.seedHistory && !this.config.production) {
      const done = await seedHistory(this.ds, { ...DEMO_HISTORY, now: this.clock.now() });
      if (done) this.logger.log(`demo history seeded: ${done.customers} customers, ${done.orders} orders (${done.rows} rows) in ${done.ms} ms`);
    }
  }

  /** 积分商城: two goods (points only; points + cash) from the demo catalog and member-card days. */
  private async seedPointsMall(em: EntityManager): Promise<void> {
    const now = this.clock.now();
    const skuOf = async (title: string) => {
      const product = await em.findOneBy(Product, { title });
      return product && em.findOne(Sku, { where: { productId: product.id }, order: { id: 'ASC' } });
    };
    const item = (o: Pick<PointsMallItem, 'title' | 'kind' | 'pointsCost' | 'cashCents' | 'stock' | 'perCustomerLimit' | 'sort'> & Partial<PointsMallItem>) =>
      em.insert(PointsMallItem, { skuId: null, couponTemplateId: null, cardDays: null, coverUrl: '', description: '', onShelf: true, createdAt: now, updatedAt: now, ...o });
    const teaBags = await skuOf('冷泡红茶包');
    if (teaBags) await item({ title: '冷泡红茶包（原味）', kind: 'GOODS', skuId: teaBags.id, pointsCost: 1500, cashCents: 0, stock: 100, perCustomerLimit: 2, sort: 30, description: '纯积分兑换，包邮到家' });
    const longjing = await skuOf('明前龙井 100g');
    if (longjing) await item({ title: '明前龙井 100g', kind: 'GOODS', skuId: longjing.id, pointsCost: 3000, cashCents: 3990, stock: 20, perCustomerLimit: 1, sort: 20, description: '3000 积分 + 39.9 元，包邮' });
    await item({ title: '会员卡 7 天体验', kind: 'CARD_DAYS', cardDays: 7, pointsCost: 500, cashCents: 0, stock: 200, perCustomerLimit: 1, sort: 10, description: '兑换后会员卡立即延长 7 天' });
  }

  /**
   * Two coupon templates (满 100 减 15 for everyone, a members' 9 折 capped at 30 yuan; neither is
   * granted automatically), one of each for the demo customer, and the 满 100 减 15 in the points mall.
   */
  private async seedCoupons(): Promise<void> {
    const now = this.clock.now();
    await this.customers.createOnFirstLogin({ openid: DEMO_CUSTOMER_OPENID, unionid: null, signupRef: null, at: now });
    const customer = await this.ds.manager.findOneByOrFail(Customer, { openid: DEMO_CUSTOMER_OPENID });
    await withTx(this.ds, async (tx) => {
      const base = { amountOffCents: null, percentOffBp: null, capCents: null, validFrom: null, validUntil: null, minTierId: null, issuedCount: 0, grantOnCardPurchase: false, active: true, createdAt: now };
      const ids = [
        await tx.insert(CouponTemplate, [{ ...base, title: '满 100 减 15', kind: 'AMOUNT_OFF', amountOffCents: 1500, thresholdCents: 10000, validDays: 30, audience: 'ALL', totalQuantity: 1000, perCustomerLimit: 2 }]),
        await tx.insert(CouponTemplate, [{ ...base, title: '会员 9 折券（最多减 30 元）', kind: 'PERCENT_OFF', percentOffBp: 1000, capCents: 3000, thresholdCents: 0, validDays: 30, audience: 'PAID_MEMBERS', totalQuantity: null, perCustomerLimit: 1 }]),
      ];
      for (const templateId of ids) {
        await this.coupons.grant(tx, { templateId, customerId: customer.id, source: 'SEED', dedupeKey: `seed:${templateId}:${customer.id}` });
      }
      await tx.insert(PointsMallItem, [
        { title: '满 100 减 15 优惠券', kind: 'COUPON', skuId: null, couponTemplateId: ids[0], cardDays: null, coverUrl: '', description: '兑换后券立即到账，30 天内有效', pointsCost: 800, cashCents: 0, stock: 100, perCustomerLimit: 1, onShelf: true, sort: 15, createdAt: now, updatedAt: now },
      ]);
    });
  }

  /** 积分抽奖: 10 points a draw, 3 a day; points prizes, a 满 100 减 15 coupon and 谢谢参与. */
  private async seedLottery(em: EntityManager): Promise<void> {
    const coupon = await em.findOneBy(CouponTemplate, { title: '满 100 减 15' });
    const prizes: Omit<LotteryPrize, 'id'>[] = [
      { name: '5 积分', kind: 'POINTS', points: 5, couponTemplateId: null, weight: 40, stock: 10_000, sort: 0, active: true },
      { name: '20 积分', kind: 'POINTS', points: 20, couponTemplateId: null, weight: 15, stock: 1000, sort: 1, active: true },
      { name: '100 积分', kind: 'POINTS', points: 100, couponTemplateId: null, weight: 2, stock: 50, sort: 2, active: true },
      ...(coupon ? [{ name: '满 100 减 15 券', kind: 'COUPON' as const, points: null, couponTemplateId: coupon.id, weight: 8, stock: 200, sort: 3, active: true }] : []),
      { name: '谢谢参与', kind: 'NONE', points: null, couponTemplateId: null, weight: 35, stock: 0, sort: 4, active: true },
    ];
    await em.insert(LotteryConfig, { id: 1, costPoints: 10, dailyLimit: 3, updatedAt: this.clock.now() });
    await em.insert(LotteryPrize, prizes);
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

  /** The demo pictures, stored through the image service: gallery URLs by product title, icon URLs by category name. */
  private async demoPictures(): Promise<{ galleries: Map<string, string[]>; icons: Map<string, string> }> {
    const galleries = new Map<string, string[]>();
    const icons = new Map<string, string>();
    const started = Date.now();
    await Promise.all(
      DEMO_CATALOG.flatMap((root) => [
        this.images.storeDrawing(categoryIcon(root.children[0].name)).then((img) => icons.set(root.name, img.thumbUrl)),
        ...root.children.flatMap((child) => [
          this.images.storeDrawing(categoryIcon(child.name)).then((img) => icons.set(child.name, img.thumbUrl)),
          ...child.products.map(async (p, i) => {
            const stored = await Promise.all(productPictures(child.name, i, p.skus[0][0]['颜色']).map((svg) => this.images.storeDrawing(svg)));
            galleries.set(p.title, stored.map((img) => img.url));
          }),
        ]),
      ]),
    );
    this.logger.log(`demo pictures ready in ${Date.now() - started} ms`);
    return { galleries, icons };
  }

  private async seedCatalog(em: EntityManager, pictures: { galleries: Map<string, string[]>; icons: Map<string, string> }): Promise<void> {
    const now = this.clock.now();
    let sort = 1000;
    for (const [ri, root] of DEMO_CATALOG.entries()) {
      const rootRow = await em.save(em.create(Category, { parentId: null, name: root.name, iconUrl: pictures.icons.get(root.name)!, sort: 100 - ri, active: true }));
      for (const [ci, child] of root.children.entries()) {
        const childRow = await em.save(em.create(Category, { parentId: rootRow.id, name: child.name, iconUrl: pictures.icons.get(child.name)!, sort: 100 - ci, active: true }));
        for (const p of child.products) {
          const prices = p.skus.map(([, list]) => list);
          const memberPrices = p.skus.map(([, , member]) => member).filter((m): m is number => m !== null);
          const images = pictures.galleries.get(p.title)!;
          const product = await em.save(
            em.create(Product, {
              categoryId: childRow.id,
              title: p.title,
              subtitle: p.subtitle,
              keywords: p.keywords ?? '',
              coverUrl: thumbUrlOf(images[0]),
              images,
              description: demoDescription(p, images),
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

/** A demo product's rich description: what it is, its specs, and its second picture. */
function demoDescription(p: DemoProduct, images: string[]): string {
  const specs = p.skus.map(([specs]) => Object.values(specs).join(' / ')).join('、');
  return [
    '<h3>商品亮点</h3>',
    `<p>${p.subtitle}。精选好物，${p.memberOnly ? '付费会员专享，' : ''}下单后 48 小时内发货。</p>`,
    `<ul><li>可选规格：${specs}</li><li>七天无理由退货（未拆封）</li></ul>`,
    images[1] ? `<p><img src="${images[1]}" alt="${p.title}"></p>` : '',
  ].join('');
}
