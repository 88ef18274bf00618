import { createTestApp, TestApp } from './support/test-app';
import { Product } from '../src/modules/catalog/entities/product.entity';

describe('catalog (read side) on the demo store', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('lists a two-level category tree', async () => {
    const res = await t.http().get('/api/categories').expect(200);
    expect(res.body.length).toBeGreaterThanOrEqual(3);
    for (const root of res.body) {
      expect(root).toMatchObject({ id: expect.any(Number), name: expect.any(String), children: expect.any(Array) });
      expect(root.children.length).toBeGreaterThan(0);
    }
  });

  it('pages through at least 30 products with integer fen prices', async () => {
    const first = await t.http().get('/api/products?page=1&pageSize=20').expect(200);
    expect(first.body.total).toBeGreaterThanOrEqual(30);
    expect(first.body.items).toHaveLength(20);
    const second = await t.http().get('/api/products?page=2&pageSize=20').expect(200);
    const ids = [...first.body.items, ...second.body.items].map((p: { id: number }) => p.id);
    expect(new Set(ids).size).toBe(first.body.total);
    for (const p of first.body.items) {
      expect(Number.isInteger(p.priceCents)).toBe(true);
      expect(p).toEqual(expect.objectContaining({ title: expect.any(String), coverUrl: expect.any(String) }));
    }
    expect(first.body.items.some((p: { memberPriceCents: number | null; priceCents: number }) => p.memberPriceCents !== null && p.memberPriceCents < p.priceCents)).toBe(true);
  });

  it('answers cached reads as JSON with an ETag, and 304 when the client has that version', async () => {
    for (const path of ['/api/categories', '/api/products?page=1&pageSize=20']) {
      const first = await t.http().get(path).expect(200).expect('Content-Type', /application\/json/);
      const etag = first.headers.etag;
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await t.http().get(path).expect(200);
      expect(again.headers.etag).toBe(etag);
      expect(again.body).toEqual(first.body);
      await t.http().get(path).set('If-None-Match', etag).expect(304);
    }
    const detailPath = `/api/products/${(await t.http().get('/api/products?pageSize=1')).body.items[0].id}`;
    const detail = await t.http().get(detailPath).expect(200);
    await t.http().get(detailPath).set('If-None-Match', detail.headers.etag).expect(304);
    await t.http().get('/api/products/999999').expect(404);
  });

  it('filters by a root category (its children included) and by keyword', async () => {
    const tree = (await t.http().get('/api/categories')).body;
    const root = tree[0];
    const byRoot = await t.http().get(`/api/products?categoryId=${root.id}&pageSize=100`).expect(200);
    const childIds = root.children.map((c: { id: number }) => c.id);
    expect(byRoot.body.total).toBeGreaterThan(0);
    expect(byRoot.body.items.every((p: { categoryId: number }) => childIds.includes(p.categoryId) || p.categoryId === root.id)).toBe(true);
    const search = await t.http().get(`/api/products?q=${encodeURIComponent('坚果')}`).expect(200);
    expect(search.body.total).toBeGreaterThan(0);
    // titles first, then products found by their category's name (search.e2e-spec.ts has the rest)
    expect(search.body.items[0].title).toContain('坚果');
    const wildcard = await t.http().get(`/api/products?q=${encodeURIComponent('%')}`).expect(200);
    expect(wildcard.body.total).toBe(0);
  });

  it('shows product detail with SKUs, specs and stock', async () => {
    const list = await t.http().get(`/api/products?q=${encodeURIComponent('T 恤')}`).expect(200);
    const tee = list.body.items.find((p: { title: string }) => p.title === '纯棉短袖 T 恤');
    const res = await t.http().get(`/api/products/${tee.id}`).expect(200);
    expect(res.body.skus).toHaveLength(4);
    expect(res.body.skus[0]).toEqual({
      id: expect.any(Number),
      specs: { 颜色: '白', 尺码: 'M' },
      priceCents: 7900,
      memberPriceCents: 6900,
      memberDayPriceCents: null,
      stock: 100,
      // a visitor, as a new customer: the list price, and the member price with a card
      unitPriceCents: 7900,
      priceSource: 'LIST',
      priceLabel: null,
      memberUnitPriceCents: 6900,
    });
    expect(res.body.specGroups).toEqual([
      { name: '颜色', values: ['白', '黑'] },
      { name: '尺码', values: ['M', 'L'] },
    ]);
  });

  it('hides off-shelf and unknown products (404)', async () => {
    const p = await t.ds.getRepository(Product).findOneByOrFail({ title: '全麦吐司' });
    await t.ds.getRepository(Product).update({ id: p.id }, { onShelf: false });
    expect((await t.http().get(`/api/products/${p.id}`).expect(404)).body.error.code).toBe('NOT_FOUND');
    const list = await t.http().get(`/api/products?q=${encodeURIComponent('全麦吐司')}`).expect(200);
    expect(list.body.total).toBe(0);
    await t.http().get('/api/products/999999').expect(404);
  });

  it('serves the demo products\' pictures', async () => {
    const list = await t.http().get('/api/products?pageSize=1').expect(200);
    const res = await t.http().get(list.body.items[0].coverUrl).expect(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
  });

  it('draws a placeholder (for databases seeded before the demo pictures) for any name, including a literal % (the path is decoded once)', async () => {
    const svg = async (path: string) => {
      const res = await fetch(`${t.baseUrl}${path}`);
      expect(res.status).toBe(200);
      return res.text();
    };
    expect(await svg('/api/media/placeholder/%25zz.svg')).toContain('>%zz</text>');
    expect(await svg('/api/media/placeholder/%E8%8C%B6.svg')).toContain('>茶</text>');
  });
});
