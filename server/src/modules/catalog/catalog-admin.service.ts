import { Injectable } from '@nestjs/common';
import type { AdminCategory, AdminProductDetail, AdminProductListItem, AdminSku } from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { badRequest, conflict, notFound } from '../../common/errors';
import { Paged } from '../../common/pagination';
import { withTx, rowLock } from '../../common/tx';
import { ImageService, thumbUrlOf } from '../media/image.service';
import { findProductPage, skuView } from './catalog.service';
import { sanitizeDescription } from './description-html';
import { AdminProductListQuery, CategoryDto, PatchSkuDto, ProductDto, SkuDto, SkuUpsertDto, UpdateCategoryDto, UpdateProductDto } from './dto/catalog-admin.dto';
import { Category } from './entities/category.entity';
import { Product } from './entities/product.entity';
import { Sku } from './entities/sku.entity';

type SkuValues = Omit<Sku, 'id' | 'productId'>;
type SkuPrices = Pick<Sku, 'priceCents' | 'memberPriceCents' | 'memberDayPriceCents'>;

const LIST_COLUMNS = ['id', 'title', 'categoryId', 'coverUrl', 'onShelf', 'memberOnly', 'sort', 'priceCents', 'memberPriceCents', 'updatedAt'] as const;

/** Row locks on MariaDB/MySQL; the sql.js demo database serialises writes and has none. */

/** The object without its undefined properties (null stays: it clears a nullable column). */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A 400 in the validation pipe's format, naming one field. */
function fieldError(field: string, problem: string) {
  return badRequest(`${field}: ${problem}`, { fields: [{ field, problems: [problem] }] });
}

/** Member and member-day prices may not exceed the list price; checked on the SKU as it will be saved. */
function checkSkuPrices(s: SkuPrices, path: string): void {
  for (const key of ['memberPriceCents', 'memberDayPriceCents'] as const) {
    const v = s[key];
    if (v !== null && v > s.priceCents) throw fieldError(path ? `${path}.${key}` : key, `不能高于售价（${s.priceCents} 分）`);
  }
}

const minOrNull = (xs: (number | null)[]): number | null => {
  const values = xs.filter((x): x is number => x !== null);
  return values.length ? Math.min(...values) : null;
};

const toAdminCategory = (c: Category): AdminCategory => ({ id: c.id, parentId: c.parentId, name: c.name, iconUrl: c.iconUrl, sort: c.sort, active: c.active });

const toAdminSku = (s: Sku): AdminSku => ({ ...skuView(s), weightGrams: s.weightGrams, active: s.active });

/** What the audit log keeps of a SKU: its prices, stock and state. */
const auditView = (s: Sku) => ({ ...skuView(s), active: s.active });

const newSkuValues = (s: SkuDto | SkuUpsertDto): SkuValues => ({
  specs: s.specs,
  priceCents: s.priceCents,
  memberPriceCents: s.memberPriceCents ?? null,
  memberDayPriceCents: s.memberDayPriceCents ?? null,
  stock: s.stock!,
  weightGrams: s.weightGrams ?? 0,
  active: true,
});

/** Staff-side catalog: categories, products with their SKUs, SKU price and stock edits. */
@Injectable()
export class CatalogAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly images: ImageService,
  ) {}

  // ---- categories ----

  async listCategories(): Promise<AdminCategory[]> {
    const rows = await this.ds.getRepository(Category).find({ order: { sort: 'DESC', id: 'ASC' } });
    return rows.map(toAdminCategory);
  }

  createCategory(dto: CategoryDto): Promise<AdminCategory> {
    return withTx(this.ds, async ({ em }) => {
      const parentId = dto.parentId ?? null;
      if (parentId !== null) await this.checkParent(em, parentId, null);
      const row = await em.save(em.create(Category, { parentId, name: dto.name, iconUrl: dto.iconUrl ?? '', sort: dto.sort ?? 0, active: dto.active ?? true }));
      return toAdminCategory(row);
    });
  }

  updateCategory(id: number, dto: UpdateCategoryDto): Promise<AdminCategory> {
    return withTx(this.ds, async ({ em }) => {
      const row = await em.findOne(Category, { where: { id }, lock: rowLock(em, 'pessimistic_write') });
      if (!row) throw notFound('分类');
      if (dto.parentId !== undefined && dto.parentId !== null) await this.checkParent(em, dto.parentId, id);
      Object.assign(row, defined(dto));
      await em.update(Category, id, { parentId: row.parentId, name: row.name, iconUrl: row.iconUrl, sort: row.sort, active: row.active });
      return toAdminCategory(row);
    });
  }

  deleteCategory(id: number): Promise<void> {
    return withTx(this.ds, async ({ em }) => {
      const row = await em.findOne(Category, { where: { id }, lock: rowLock(em, 'pessimistic_write') });
      if (!row) throw notFound('分类');
      const children = await em.countBy(Category, { parentId: id });
      const products = await em.countBy(Product, { categoryId: id });
      if (children > 0 || products > 0) {
        const what = [children > 0 && `${children} 个子分类`, products > 0 && `${products} 件商品`].filter(Boolean).join('、');
        throw conflict('CONFLICT', `不能删除：该分类下还有 ${what}`, { children, products });
      }
      await em.delete(Category, id);
    });
  }

  /** Two levels only: the parent must be a root, and a category with children cannot become a child. */
  private async checkParent(em: EntityManager, parentId: number, id: number | null): Promise<void> {
    if (parentId === id) throw fieldError('parentId', '不能把分类设为自己的上级');
    const parent = await em.findOne(Category, { where: { id: parentId }, lock: rowLock(em, 'pessimistic_read') });
    if (!parent) throw notFound('上级分类');
    if (parent.parentId !== null) throw fieldError('parentId', '上级分类须为一级分类（分类最多两级）');
    if (id !== null && (await em.countBy(Category, { parentId: id })) > 0) {
      throw fieldError('parentId', '该分类下有子分类，不能再设为子分类');
    }
  }

  /** Shared lock: a category cannot be deleted while a product is being put into it. */
  private async requireCategory(em: EntityManager, id: number): Promise<void> {
    const found = await em.findOne(Category, { select: { id: true }, where: { id }, lock: rowLock(em, 'pessimistic_read') });
    if (!found) throw notFound('分类');
  }

  // ---- products ----

  async listProducts(q: AdminProductListQuery): Promise<Paged<AdminProductListItem>> {
    const [rows, total] = await findProductPage(this.ds, LIST_COLUMNS, q);
    const stock = await this.activeSkuStock(rows.map((p) => p.id));
    const items = rows.map((p) => ({
      id: p.id,
      title: p.title,
      categoryId: p.categoryId,
      coverUrl: p.coverUrl,
      onShelf: p.onShelf,
      memberOnly: p.memberOnly,
      sort: p.sort,
      priceCents: p.priceCents,
      memberPriceCents: p.memberPriceCents,
      totalStock: stock.get(p.id)?.totalStock ?? 0,
      skuCount: stock.get(p.id)?.skuCount ?? 0,
      updatedAt: p.updatedAt.toISOString(),
    }));
    return { items, total };
  }

  /** Stock summed over each product's active SKUs, and how many there are. */
  private async activeSkuStock(productIds: number[]): Promise<Map<number, { totalStock: number; skuCount: number }>> {
    if (productIds.length === 0) return new Map();
    const rows = await this.ds
      .getRepository(Sku)
      .createQueryBuilder('s')
      .select('s.productId', 'productId')
      .addSelect('SUM(s.stock)', 'totalStock')
      .addSelect('COUNT(*)', 'skuCount')
      .where('s.productId IN (:...ids)', { ids: productIds })
      .andWhere('s.active = :active', { active: true })
      .groupBy('s.productId')
      .getRawMany<{ productId: number | string; totalStock: number | string; skuCount: number | string }>();
    return new Map(rows.map((r) => [Number(r.productId), { totalStock: Number(r.totalStock), skuCount: Number(r.skuCount) }]));
  }

  /** The product with all its SKUs, inactive ones included (flagged). */
  async productDetail(id: number, em: EntityManager = this.ds.manager): Promise<AdminProductDetail> {
    const p = await em.findOneBy(Product, { id });
    if (!p) throw notFound('商品');
    const skus = await em.find(Sku, { where: { productId: id }, order: { id: 'ASC' } });
    return {
      id: p.id,
      categoryId: p.categoryId,
      title: p.title,
      subtitle: p.subtitle,
      keywords: p.keywords,
      coverUrl: p.coverUrl,
      images: p.images,
      description: p.description,
      onShelf: p.onShelf,
      memberOnly: p.memberOnly,
      sort: p.sort,
      skus: skus.map(toAdminSku),
    };
  }

  createProduct(staffId: number, dto: ProductDto): Promise<AdminProductDetail> {
    return withTx(this.ds, async ({ em }) => {
      await this.requireCategory(em, dto.categoryId);
      const skus = dto.skus.map(newSkuValues);
      skus.forEach((s, i) => checkSkuPrices(s, `skus.${i}`));
      const now = this.clock.now();
      const product = await em.save(
        em.create(Product, {
          categoryId: dto.categoryId,
          title: dto.title,
          subtitle: dto.subtitle ?? '',
          keywords: dto.keywords ?? '',
          ...(await this.gallery(dto.images ?? [])),
          description: sanitizeDescription(dto.description ?? ''),
          onShelf: dto.onShelf ?? false,
          memberOnly: dto.memberOnly ?? false,
          sort: dto.sort ?? 0,
          priceCents: 0,
          memberPriceCents: null,
          memberDayPriceCents: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await em.insert(
        Sku,
        skus.map((s) => ({ ...s, productId: product.id })),
      );
      await this.syncProductPrices(em, product.id);
      const detail = await this.productDetail(product.id, em);
      await this.audit.record(em, { staffId, action: 'product.create', targetType: 'product', targetId: product.id, after: detail });
      return detail;
    });
  }

  updateProduct(staffId: number, id: number, dto: UpdateProductDto): Promise<AdminProductDetail> {
    return withTx(this.ds, async ({ em }) => {
      // The product row lock serialises every SKU change of this product, so its lowest prices stay right.
      const product = await em.findOne(Product, { select: { id: true }, where: { id }, lock: rowLock(em, 'pessimistic_write') });
      if (!product) throw notFound('商品');
      const { skus, images, description, ...fields } = dto;
      if (fields.categoryId !== undefined) await this.requireCategory(em, fields.categoryId);
      await em.update(Product, id, {
        ...defined(fields),
        ...(images === undefined ? {} : await this.gallery(images)),
        ...(description === undefined ? {} : { description: sanitizeDescription(description) }),
        updatedAt: this.clock.now(),
      });
      if (skus) await this.saveSkus(em, staffId, id, skus);
      return this.productDetail(id, em);
    });
  }

  /** The gallery as stored: every picture uploaded here; the cover is the first one's thumbnail. */
  private async gallery(images: string[]): Promise<Pick<Product, 'images' | 'coverUrl'>> {
    for (const [i, url] of images.entries()) {
      if (!(await this.images.isStoredImage(url))) throw fieldError(`images.${i}`, '图片不存在，请重新上传');
    }
    return { images, coverUrl: images.length ? thumbUrlOf(images[0]) : '' };
  }

  /** Listed SKUs with an id are updated (and reactivated), without one created; SKUs left out are deactivated. */
  private async saveSkus(em: EntityManager, staffId: number, productId: number, input: SkuUpsertDto[]): Promise<void> {
    const current = await em.find(Sku, { where: { productId }, order: { id: 'ASC' }, lock: rowLock(em, 'pessimistic_write') });
    const byId = new Map(current.map((s) => [s.id, s]));
    const listed = new Map<number, Sku>();
    const created: SkuValues[] = [];
    for (const [i, s] of input.entries()) {
      const path = `skus.${i}`;
      if (s.id === undefined) {
        const values = newSkuValues(s);
        checkSkuPrices(values, path);
        created.push(values);
        continue;
      }
      const existing = byId.get(s.id);
      if (!existing) throw fieldError(`${path}.id`, `SKU ${s.id} 不属于该商品`);
      if (listed.has(s.id)) throw fieldError(`${path}.id`, `SKU ${s.id} 重复出现`);
      const merged = { ...existing, ...defined(s), active: true };
      checkSkuPrices(merged, path);
      listed.set(s.id, merged);
    }
    for (const s of current) {
      const { id, productId: _, ...values } = listed.get(s.id) ?? { ...s, active: false };
      await em.update(Sku, id, values);
    }
    if (created.length) await em.insert(Sku, created.map((s) => ({ ...s, productId })));
    await this.syncProductPrices(em, productId);
    const before = current.map(auditView);
    const after = (await em.find(Sku, { where: { productId }, order: { id: 'ASC' } })).map(auditView);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await this.audit.record(em, { staffId, action: 'product.update', targetType: 'product', targetId: productId, before: { skus: before }, after: { skus: after } });
    }
  }

  setOnShelf(staffId: number, id: number, onShelf: boolean): Promise<AdminProductDetail> {
    return withTx(this.ds, async ({ em }) => {
      const product = await em.findOne(Product, { where: { id }, lock: rowLock(em, 'pessimistic_write') });
      if (!product) throw notFound('商品');
      if (product.onShelf !== onShelf) {
        await em.update(Product, id, { onShelf, updatedAt: this.clock.now() });
        const action = onShelf ? 'product.on-shelf' : 'product.off-shelf';
        await this.audit.record(em, { staffId, action, targetType: 'product', targetId: id, before: { onShelf: !onShelf }, after: { onShelf } });
      }
      return this.productDetail(id, em);
    });
  }

  // ---- SKUs ----

  /** Stock is an absolute value (a stock-take); orders decrement with a conditional update, so a plain write here is safe. */
  patchSku(staffId: number, id: number, dto: PatchSkuDto): Promise<AdminSku & { productId: number }> {
    return withTx(this.ds, async ({ em }) => {
      const found = await em.findOne(Sku, { select: { id: true, productId: true }, where: { id } });
      if (!found) throw notFound('SKU');
      await em.findOne(Product, { select: { id: true }, where: { id: found.productId }, lock: rowLock(em, 'pessimistic_write') });
      const sku = await em.findOneOrFail(Sku, { where: { id }, lock: rowLock(em, 'pessimistic_write') });
      const next = { ...sku, ...defined(dto) };
      checkSkuPrices(next, '');
      await em.update(Sku, id, { stock: next.stock, priceCents: next.priceCents, memberPriceCents: next.memberPriceCents });
      await this.syncProductPrices(em, sku.productId);
      await this.audit.record(em, { staffId, action: 'sku.update', targetType: 'sku', targetId: id, before: auditView(sku), after: auditView(next) });
      return { productId: sku.productId, ...toAdminSku(next) };
    });
  }

  /**
   * Product prices are the lowest over its active SKUs (the list page reads them from the product row).
   * A locking read, so it sees SKU rows as committed now, not as of the transaction's snapshot.
   */
  private async syncProductPrices(em: EntityManager, productId: number): Promise<void> {
    const skus = await em.find(Sku, { where: { productId, active: true }, lock: rowLock(em, 'pessimistic_read') });
    await em.update(Product, productId, {
      priceCents: minOrNull(skus.map((s) => s.priceCents)) ?? 0,
      memberPriceCents: minOrNull(skus.map((s) => s.memberPriceCents)),
      memberDayPriceCents: minOrNull(skus.map((s) => s.memberDayPriceCents)),
      updatedAt: this.clock.now(),
    });
  }
}
