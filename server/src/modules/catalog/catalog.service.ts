import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

export interface ProductListItem {
  id: number;
  title: string;
  subtitle: string;
  coverUrl: string;
  categoryId: number;
  memberOnly: boolean;
  priceCents: number;
  memberPriceCents: number | null;
  memberDayPriceCents?: number;
}

const LIST_COLUMNS = ['id', 'title', 'subtitle', 'coverUrl', 'categoryId', 'memberOnly', 'priceCents', 'memberPriceCents', 'memberDayPriceCents'] as const;

/** Escapes LIKE wildcards (with '!', which MySQL and SQLite read alike) so a search for "50%" finds "50%". */
export const likePattern = (q: string) => `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;

@Injectable()
export class CatalogService {
  constructor(private readonly ds: DataSource) {}

  async categoryTree(): Promise<CategoryNode[]> {
    const rows = await this.ds.getRepository(Category).find({ where: { active: true }, order: { sort: 'DESC', id: 'ASC' } });
    const node = (c: Category): CategoryNode => ({ id: c.id, name: c.name, iconUrl: c.iconUrl, sort: c.sort, children: [] });
    const roots = rows.filter((c) => c.parentId === null).map(node);
    const byId = new Map(roots.map((r) => [r.id, r]));
    for (const c of rows) if (c.parentId !== null) byId.get(c.parentId)?.children.push(node(c));
    return roots;
  }

  async listProducts(q: ProductListQuery): Promise<Paged<ProductListItem>> {
    const qb = this.ds
      .getRepository(Product)
      .createQueryBuilder('p')
      .select(LIST_COLUMNS.map((c) => `p.${c}`))
      .where('p.onShelf = :on', { on: true });
    if (q.categoryId) {
      const childIds = (await this.ds.getRepository(Category).find({ select: { id: true }, where: { parentId: q.categoryId } })).map((c) => c.id);
      qb.andWhere('p.categoryId IN (:...ids)', { ids: [q.categoryId, ...childIds] });
    }
    if (q.q?.trim()) qb.andWhere("p.title LIKE :kw ESCAPE '!'", { kw: likePattern(q.q.trim()) });
    const { skip, take } = skipTake(q);
    const [rows, total] = await qb.orderBy('p.sort', 'DESC').addOrderBy('p.id', 'DESC').offset(skip).limit(take).getManyAndCount();
    return { items: rows.map(toListItem), total };
  }

  async productDetail(id: number) {
    const product = await this.ds.getRepository(Product).findOneBy({ id, onShelf: true });
    if (!product) throw notFound('product');
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
      skus: skus.map((s) => ({
        id: s.id,
        specs: s.specs,
        priceCents: s.priceCents,
        memberPriceCents: s.memberPriceCents,
        memberDayPriceCents: s.memberDayPriceCents,
        stock: s.stock,
      })),
    };
  }
}

function toListItem(p: Product): ProductListItem {
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    coverUrl: p.coverUrl,
    categoryId: p.categoryId,
    memberOnly: p.memberOnly,
    priceCents: p.priceCents,
    memberPriceCents: p.memberPriceCents,
    ...(p.memberDayPriceCents === null ? {} : { memberDayPriceCents: p.memberDayPriceCents }),
  };
}
