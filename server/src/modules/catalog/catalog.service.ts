import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, In, InsertEvent, QueryRunner, RemoveEvent, UpdateEvent } from 'typeorm';
import { deepFreeze } from '../../common/config-cache';
import { notFound } from '../../common/errors';
import { Paged, skipTake } from '../../common/pagination';
import { ProductListQuery } from './dto/catalog.dto';
import { Category } from './entities/category.entity';
import { Product } from './entities/product.entity';
import { Sku } from './entities/sku.entity';

export interface CategoryNode {
  id: number;
  name: string;
  iconUrl: string;
  sort: number;
  children: CategoryNode[];
}

/** What a SKU's price depends on (its default member-day price is an input, never shown as such). */
export interface SkuPriceRow {
  id: number;
  priceCents: number;
  memberPriceCents: number | null;
  memberDayPriceCents: number | null;
}

/** A list item as cached, before pricing for the asking customer: `skus` are its active SKUs' price inputs. */
export interface CatalogListItem {
  id: number;
  title: string;
  subtitle: string;
  coverUrl: string;
  categoryId: number;
  memberOnly: boolean;
  priceCents: number;
  memberPriceCents: number | null;
  skus: SkuPriceRow[];
}

/** A SKU of a product page as cached, before pricing. */
export type CatalogSku = ReturnType<typeof skuView>;

export type CatalogDetail = Omit<CatalogListItem, 'skus'> & { images: string[]; description: string; specGroups: { name: string; values: string[] }[]; skus: CatalogSku[] };

const LIST_COLUMNS = ['id', 'title', 'subtitle', 'coverUrl', 'categoryId', 'memberOnly', 'priceCents', 'memberPriceCents'] as const;

/**
 * The public catalog reads (category tree, list pages, product detail) are served from memory.
 * A change this process writes to a catalog table through TypeORM (staff editing products, SKUs,
 * stock) invalidates at once and again when its transaction commits (a read in between may have
 * cached the old rows). Writes this process cannot see (another server instance, raw SQL) show
 * after at most CACHE_TTL_MS. So do the stock changes of orders (placement, cancel, refund), on
 * purpose: during a sale a popular SKU's stock changes many times a second, and evicting every
 * product page each time would send all its viewers to the database. A page may show stock up to
 * CACHE_TTL_MS old; placement checks the row itself (409 OUT_OF_STOCK).
 */
const CACHE_TTL_MS = 2_000;
const CACHE_MAX_ENTRIES = 1_000;

type CacheScope = 'list' | 'detail';
/** Which cached reads each table feeds: list pages carry the product's and its SKUs' prices, detail the SKUs and their stock. */
const SCOPES_BY_TABLE = new Map<unknown, CacheScope[]>([
  [Category, ['list']],
  [Product, ['list', 'detail']],
  [Sku, ['list', 'detail']],
]);
const PENDING = Symbol('catalogCachePending');
type PendingData = { [PENDING]?: Set<CacheScope> };

class CatalogChangeListener implements EntitySubscriberInterface {
  constructor(private readonly invalidate: (scopes: Iterable<CacheScope>) => void) {}

  afterInsert(e: InsertEvent<unknown>) {
    this.changed(e.metadata.target, e.queryRunner);
  }

  afterUpdate(e: UpdateEvent<unknown>) {
    this.changed(e.metadata.target, e.queryRunner);
  }

  afterRemove(e: RemoveEvent<unknown>) {
    this.changed(e.metadata.target, e.queryRunner);
  }

  afterTransactionCommit(e: { queryRunner: QueryRunner }) {
    const data = e.queryRunner.data as PendingData;
    const pending = data[PENDING];
    if (!pending) return;
    delete data[PENDING];
    this.invalidate(pending);
  }

  afterTransactionRollback(e: { queryRunner: QueryRunner }) {
    delete (e.queryRunner.data as PendingData)[PENDING];
  }

  private changed(target: unknown, qr: QueryRunner) {
    const scopes = SCOPES_BY_TABLE.get(target);
    if (!scopes) return;
    this.invalidate(scopes);
    if (qr.isTransactionActive) {
      const data = qr.data as PendingData;
      const pending = (data[PENDING] ??= new Set());
      for (const s of scopes) pending.add(s);
    }
  }
}

/**
 * One page of products, newest-sorted first: optional shelf filter, a category with its children,
 * a search: every word in the title, subtitle, keywords or the name of its category or that
 * category's parent, titles with the first word first (see docs/search.md for why LIKE). Used by the public list and the staff list.
 */
export async function findProductPage(
  ds: DataSource,
  columns: readonly string[],
  q: { onShelf?: boolean; categoryId?: number; q?: string; page: number; pageSize: number },
): Promise<[Product[], number]> {
  const qb = ds
    .getRepository(Product)
    .createQueryBuilder('p')
    .select(columns.map((c) => `p.${c}`))
    .where('1 = 1');
  if (q.onShelf !== undefined) qb.andWhere('p.onShelf = :on', { on: q.onShelf });
  if (q.categoryId) {
    const childIds = (await ds.getRepository(Category).find({ select: { id: true }, where: { parentId: q.categoryId } })).map((c) => c.id);
    qb.andWhere('p.categoryId IN (:...ids)', { ids: [q.categoryId, ...childIds] });
  }
  const terms = searchTerms(q.q);
  terms.forEach((term, i) => {
    // the product's own words, or its category's name, or its parent category's name
    qb.andWhere(
      `(p.title LIKE :t${i} ESCAPE '!' OR p.subtitle LIKE :t${i} ESCAPE '!' OR p.keywords LIKE :t${i} ESCAPE '!' OR p.categoryId IN (` +
        `SELECT c.id FROM category c LEFT JOIN category r ON r.id = c.parentId WHERE c.name LIKE :t${i} ESCAPE '!' OR r.name LIKE :t${i} ESCAPE '!'))`,
      { [`t${i}`]: likePattern(term) },
    );
  });
  // a title that has the first word comes first
  if (terms.length) qb.orderBy(`CASE WHEN p.title LIKE :t0 ESCAPE '!' THEN 0 ELSE 1 END`, 'ASC').addOrderBy('p.sort', 'DESC');
  else qb.orderBy('p.sort', 'DESC');
  const { skip, take } = skipTake(q);
  return qb.addOrderBy('p.id', 'DESC').offset(skip).limit(take).getManyAndCount();
}

/** The words of a search, at most 5 (whitespace separates them; every word must match). */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
}

/** A SKU as customers see it: specs, prices and stock. */
export const skuView = (s: Sku) => ({
  id: s.id,
  specs: s.specs,
  priceCents: s.priceCents,
  memberPriceCents: s.memberPriceCents,
  memberDayPriceCents: s.memberDayPriceCents,
  stock: s.stock,
});

/** Escapes LIKE wildcards (with '!', which MySQL and SQLite read alike) so a search for "50%" finds "50%". */
export const likePattern = (q: string) => `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;

@Injectable()
export class CatalogService implements OnModuleDestroy {
  private readonly generation: Record<CacheScope, number> = { list: 0, detail: 0 };
  private readonly cache = new Map<string, { scope: CacheScope; generation: number; at: number; value: Promise<unknown> }>();
  private readonly listener = new CatalogChangeListener((scopes) => {
    for (const s of scopes) this.generation[s]++;
  });

  constructor(private readonly ds: DataSource) {
    ds.subscribers.push(this.listener);
  }

  onModuleDestroy(): void {
    const i = this.ds.subscribers.indexOf(this.listener);
    if (i >= 0) this.ds.subscribers.splice(i, 1);
  }

  /** Read-through: concurrent misses share one load; failures (e.g. 404) are not kept. */
  private cached<T>(scope: CacheScope, key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.generation === this.generation[scope] && now - hit.at < CACHE_TTL_MS) return hit.value as Promise<T>;
    const entry = { scope, generation: this.generation[scope], at: now, value: load().then(deepFreeze) };
    this.cache.delete(key); // re-inserted last: the first key is the least recently loaded
    this.cache.set(key, entry);
    if (this.cache.size > CACHE_MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    entry.value.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    return entry.value as Promise<T>;
  }

  categoryTree(): Promise<CategoryNode[]> {
    return this.cached('list', 'tree', () => this.loadCategoryTree());
  }

  /** A page of products, not yet priced for the customer (PricingContextService.catalogPrices does that). */
  listProducts(q: ProductListQuery): Promise<Paged<CatalogListItem>> {
    if (q.q?.trim()) return this.loadProducts(q); // keyword searches are too varied to be worth keeping
    return this.cached('list', `list:${q.categoryId ?? ''}:${q.page}:${q.pageSize}`, () => this.loadProducts(q));
  }

  productDetail(id: number): Promise<CatalogDetail> {
    return this.cached('detail', `detail:${id}`, () => this.loadProductDetail(id));
  }

  private async loadCategoryTree(): Promise<CategoryNode[]> {
    const rows = await this.ds.getRepository(Category).find({ where: { active: true }, order: { sort: 'DESC', id: 'ASC' } });
    const node = (c: Category): CategoryNode => ({ id: c.id, name: c.name, iconUrl: c.iconUrl, sort: c.sort, children: [] });
    const roots = rows.filter((c) => c.parentId === null).map(node);
    const byId = new Map(roots.map((r) => [r.id, r]));
    for (const c of rows) if (c.parentId !== null) byId.get(c.parentId)?.children.push(node(c));
    return roots;
  }

  private async loadProducts(q: ProductListQuery): Promise<Paged<CatalogListItem>> {
    const [rows, total] = await findProductPage(this.ds, LIST_COLUMNS, { ...q, onShelf: true });
    const skus = rows.length
      ? await this.ds.getRepository(Sku).find({
          select: { id: true, productId: true, priceCents: true, memberPriceCents: true, memberDayPriceCents: true },
          where: { productId: In(rows.map((p) => p.id)), active: true },
          order: { id: 'ASC' },
        })
      : [];
    const skuPrices = (productId: number): SkuPriceRow[] =>
      skus.filter((s) => s.productId === productId).map(({ id, priceCents, memberPriceCents, memberDayPriceCents }) => ({ id, priceCents, memberPriceCents, memberDayPriceCents }));
    return { items: rows.map((p) => ({ ...toListItem(p), skus: skuPrices(p.id) })), total };
  }

  private async loadProductDetail(id: number): Promise<CatalogDetail> {
    const product = await this.ds.getRepository(Product).findOneBy({ id, onShelf: true });
    if (!product) throw notFound('商品');
    const skus = await this.ds.getRepository(Sku).find({ where: { productId: id, active: true }, order: { id: 'ASC' } });
    const specGroups = new Map<string, string[]>();
    for (const s of skus) {
      for (const [name, value] of Object.entries(s.specs)) {
        const values = specGroups.get(name) ?? [];
        if (!values.includes(value)) values.push(value);
        specGroups.set(name, values);
      }
    }
    return {
      ...toListItem(product),
      images: product.images,
      description: product.description,
      specGroups: [...specGroups].map(([name, values]) => ({ name, values })),
      skus: skus.map(skuView),
    };
  }
}

function toListItem(p: Product): Omit<CatalogListItem, 'skus'> {
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    coverUrl: p.coverUrl,
    categoryId: p.categoryId,
    memberOnly: p.memberOnly,
    priceCents: p.priceCents,
    memberPriceCents: p.memberPriceCents,
  };
}
