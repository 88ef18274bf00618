import { createTestApp, TestApp } from './support/test-app';

type Auth = { Authorization: string };

describe('catalog admin (staff)', () => {
  let t: TestApp;
  let owner: Auth;
  let operator: Auth;
  let ownerId: number;
  let operatorId: number;
  let shelfCategoryId: number;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    owner = await t.staff();
    operator = await t.staff('operator', 'admin123');
    ownerId = (await t.http().get('/api/admin/me').set(owner).expect(200)).body.id;
    operatorId = (await t.http().get('/api/admin/me').set(operator).expect(200)).body.id;
    const root = await t.http().post('/api/admin/categories').set(operator).send({ name: '测试货架' }).expect(201);
    const child = await t.http().post('/api/admin/categories').set(operator).send({ name: '测试子类', parentId: root.body.id }).expect(201);
    shelfCategoryId = child.body.id;
  });
  afterAll(() => t.close());

  const createProduct = (body: object, auth: Auth = operator) => t.http().post('/api/admin/products').set(auth).send(body);
  const twoSkus = () => [
    { specs: { 颜色: '红' }, priceCents: 5900, memberPriceCents: 4900, stock: 10, weightGrams: 300 },
    { specs: { 颜色: '蓝' }, priceCents: 4500, memberPriceCents: 4200, memberDayPriceCents: 3900, stock: 5 },
  ];
  const auditOf = async (targetType: string, targetId: number) =>
    (await t.http().get(`/api/admin/audit-log?targetType=${targetType}&targetId=${targetId}`).set(owner).expect(200)).body.items;
  const publicFind = async (title: string) =>
    (await t.http().get(`/api/products?q=${encodeURIComponent(title)}`).expect(200)).body.items.find((p: { title: string }) => p.title === title);

  describe('access', () => {
    it('answers 401 without a token, 403 to customers and finance, 200 to operator and owner', async () => {
      await t.http().get('/api/admin/products').expect(401);
      const customer = await t.customer('catalog-admin-customer');
      expect((await t.http().get('/api/admin/products').set(customer.auth).expect(403)).body.error.code).toBe('FORBIDDEN');
      const finance = await t.staff('finance', 'admin123');
      await t.http().get('/api/admin/products').set(finance).expect(403);
      await t.http().patch('/api/admin/skus/1').set(finance).send({ stock: 1 }).expect(403);
      await t.http().post('/api/admin/categories').set(finance).send({ name: 'x' }).expect(403);
      await t.http().get('/api/admin/products').set(operator).expect(200);
      await t.http().get('/api/admin/categories').set(owner).expect(200);
    });
  });

  describe('products', () => {
    it('creates a product with two SKUs that the shop lists at its lowest prices', async () => {
      const res = await createProduct({ categoryId: shelfCategoryId, title: '新品 帆布包', subtitle: '结实耐用', onShelf: true, skus: twoSkus() }).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), categoryId: shelfCategoryId, title: '新品 帆布包', subtitle: '结实耐用', coverUrl: '', images: [], onShelf: true, memberOnly: false, sort: 0 });
      expect(res.body.skus).toEqual([
        { id: expect.any(Number), specs: { 颜色: '红' }, priceCents: 5900, memberPriceCents: 4900, memberDayPriceCents: null, stock: 10, weightGrams: 300, active: true },
        { id: expect.any(Number), specs: { 颜色: '蓝' }, priceCents: 4500, memberPriceCents: 4200, memberDayPriceCents: 3900, stock: 5, weightGrams: 0, active: true },
      ]);

      const listed = await publicFind('新品 帆布包');
      // a visitor pays the list price; the SKU's default member-day price is an input, shown only while a member day gives it
      expect(listed).toMatchObject({ id: res.body.id, priceCents: 4500, memberPriceCents: 4200, unitPriceCents: 4500, memberUnitPriceCents: 4200 });
      expect(listed.memberDayPriceCents).toBeUndefined();
      const byCategory = await t.http().get(`/api/products?categoryId=${shelfCategoryId}`).expect(200);
      expect(byCategory.body.items.map((p: { id: number }) => p.id)).toContain(res.body.id);

      const admin = await t.http().get(`/api/admin/products?q=${encodeURIComponent('帆布包')}`).set(operator).expect(200);
      expect(admin.body.total).toBe(1);
      expect(admin.body.items[0]).toEqual({
        id: res.body.id,
        title: '新品 帆布包',
        categoryId: shelfCategoryId,
        coverUrl: '',
        onShelf: true,
        memberOnly: false,
        sort: 0,
        priceCents: 4500,
        memberPriceCents: 4200,
        totalStock: 15,
        skuCount: 2,
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });

      const audit = await auditOf('product', res.body.id);
      expect(audit[0]).toMatchObject({ action: 'product.create', staffId: operatorId, after: { title: '新品 帆布包' } });
    });

    it('creates off shelf by default, and filters the admin list by shelf state and category', async () => {
      const res = await createProduct({ categoryId: shelfCategoryId, title: '草稿商品', skus: [{ specs: {}, priceCents: 100, stock: 1 }] }).expect(201);
      expect(res.body.onShelf).toBe(false);
      expect(await publicFind('草稿商品')).toBeUndefined();
      const off = await t.http().get(`/api/admin/products?onShelf=false&categoryId=${shelfCategoryId}`).set(operator).expect(200);
      expect(off.body.items.map((p: { title: string }) => p.title)).toEqual(['草稿商品']);
      const on = await t.http().get(`/api/admin/products?onShelf=true&pageSize=100`).set(operator).expect(200);
      expect(on.body.items.every((p: { onShelf: boolean }) => p.onShelf)).toBe(true);
      await t.http().get(`/api/admin/products/${res.body.id}`).set(operator).expect(200);
      await t.http().get('/api/admin/products/999999').set(operator).expect(404);
    });

    it('updates SKUs: changes one, adds one, drops one; the shop sees only the active ones', async () => {
      const created = await createProduct({ categoryId: shelfCategoryId, title: '换款 保温杯', onShelf: true, skus: twoSkus() }).expect(201);
      const [red, blue] = created.body.skus;
      const res = await t.http()
        .put(`/api/admin/products/${created.body.id}`)
        .set(operator)
        .send({
          title: '换款 保温杯 二代',
          skus: [
            { id: red.id, specs: { 颜色: '红' }, priceCents: 5500, memberPriceCents: 5000 },
            { specs: { 颜色: '绿' }, priceCents: 6900, memberPriceCents: null, stock: 7 },
          ],
        })
        .expect(200);
      expect(res.body.title).toBe('换款 保温杯 二代');
      const skus = res.body.skus;
      expect(skus).toHaveLength(3);
      expect(skus.find((s: { id: number }) => s.id === red.id)).toMatchObject({ priceCents: 5500, memberPriceCents: 5000, stock: 10, weightGrams: 300, active: true });
      expect(skus.find((s: { id: number }) => s.id === blue.id)).toMatchObject({ active: false, stock: 5 });
      const green = skus.find((s: { specs: Record<string, string> }) => s.specs.颜色 === '绿');
      expect(green).toMatchObject({ priceCents: 6900, memberPriceCents: null, stock: 7, active: true });

      const detail = await t.http().get(`/api/products/${created.body.id}`).expect(200);
      expect(detail.body).toMatchObject({ title: '换款 保温杯 二代', priceCents: 5500, memberPriceCents: 5000 });
      expect(detail.body.memberDayPriceCents).toBeUndefined();
      expect(detail.body.skus.map((s: { id: number }) => s.id)).toEqual([red.id, green.id]);

      const audit = await auditOf('product', created.body.id);
      expect(audit[0]).toMatchObject({ action: 'product.update', staffId: operatorId });
      expect(audit[0].before.skus.find((s: { id: number }) => s.id === blue.id).active).toBe(true);
      expect(audit[0].after.skus.find((s: { id: number }) => s.id === blue.id).active).toBe(false);

      // listing a dropped SKU again brings it back
      await t.http()
        .put(`/api/admin/products/${created.body.id}`)
        .set(operator)
        .send({ skus: [{ id: blue.id, specs: { 颜色: '蓝' }, priceCents: 4500 }] })
        .expect(200);
      const again = await t.http().get(`/api/products/${created.body.id}`).expect(200);
      expect(again.body.skus.map((s: { id: number }) => s.id)).toEqual([blue.id]);
      expect(again.body).toMatchObject({ priceCents: 4500, memberPriceCents: 4200 });
    });

    it('rejects a SKU id of another product and a SKU listed twice', async () => {
      const a = await createProduct({ categoryId: shelfCategoryId, title: '甲', skus: twoSkus() }).expect(201);
      const b = await createProduct({ categoryId: shelfCategoryId, title: '乙', skus: twoSkus() }).expect(201);
      const foreign = await t.http()
        .put(`/api/admin/products/${a.body.id}`)
        .set(operator)
        .send({ skus: [{ id: b.body.skus[0].id, specs: {}, priceCents: 1 }] })
        .expect(400);
      expect(foreign.body.error.message).toBe(`skus.0.id: SKU ${b.body.skus[0].id} 不属于该商品`);
      const twice = await t.http()
        .put(`/api/admin/products/${a.body.id}`)
        .set(operator)
        .send({ skus: [1, 2].map(() => ({ id: a.body.skus[0].id, specs: {}, priceCents: 5900 })) })
        .expect(400);
      expect(twice.body.error).toMatchObject({ message: `skus.1.id: SKU ${a.body.skus[0].id} 重复出现`, details: { fields: [{ field: 'skus.1.id', problems: [`SKU ${a.body.skus[0].id} 重复出现`] }] } });
      const newWithoutStock = await t.http()
        .put(`/api/admin/products/${a.body.id}`)
        .set(operator)
        .send({ skus: [{ specs: {}, priceCents: 1 }] })
        .expect(400);
      expect(newWithoutStock.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['skus.0.stock']);
      await t.http().put('/api/admin/products/999999').set(operator).send({ title: 'x' }).expect(404);
    });

    it('PATCH /admin/skus/:id sets stock and prices, keeps product prices, and writes the audit log', async () => {
      const created = await createProduct({ categoryId: shelfCategoryId, title: '盘点 台灯', onShelf: true, skus: twoSkus() }).expect(201);
      const blue = created.body.skus[1];
      const res = await t.http().patch(`/api/admin/skus/${blue.id}`).set(operator).send({ stock: 42, priceCents: 6000, memberPriceCents: 5800 }).expect(200);
      expect(res.body).toEqual({
        productId: created.body.id,
        id: blue.id,
        specs: { 颜色: '蓝' },
        priceCents: 6000,
        memberPriceCents: 5800,
        memberDayPriceCents: 3900,
        stock: 42,
        weightGrams: 0,
        active: true,
      });
      const listed = await publicFind('盘点 台灯');
      expect(listed).toMatchObject({ priceCents: 5900, memberPriceCents: 4900, unitPriceCents: 5900, memberUnitPriceCents: 4900 });
      const detail = await t.http().get(`/api/products/${created.body.id}`).expect(200);
      expect(detail.body.skus[1]).toMatchObject({ id: blue.id, stock: 42, priceCents: 6000 });

      const audit = await auditOf('sku', blue.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'sku.update',
        staffId: operatorId,
        targetType: 'sku',
        targetId: String(blue.id),
        before: { stock: 5, priceCents: 4500, memberPriceCents: 4200 },
        after: { stock: 42, priceCents: 6000, memberPriceCents: 5800 },
      });

      // the owner may too; null clears the member price
      await t.http().patch(`/api/admin/skus/${blue.id}`).set(owner).send({ memberPriceCents: null }).expect(200);
      expect((await auditOf('sku', blue.id))[0]).toMatchObject({ staffId: ownerId, after: { memberPriceCents: null } });
      expect(await publicFind('盘点 台灯')).toMatchObject({ memberPriceCents: 4900 });

      await t.http().patch('/api/admin/skus/999999').set(operator).send({ stock: 1 }).expect(404);
    });

    it('rejects PATCH prices that put the member or member-day price above the list price', async () => {
      const created = await createProduct({ categoryId: shelfCategoryId, title: '校验 雨伞', skus: twoSkus() }).expect(201);
      const blue = created.body.skus[1];
      const above = await t.http().patch(`/api/admin/skus/${blue.id}`).set(operator).send({ memberPriceCents: 4600 }).expect(400);
      expect(above.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^memberPriceCents: 不能高于售价（\d+ 分）$/) });
      const both = await t.http().patch(`/api/admin/skus/${blue.id}`).set(operator).send({ priceCents: 100, memberPriceCents: 200 }).expect(400);
      expect(both.body.error.message).toContain('memberPriceCents');
      const cut = await t.http().patch(`/api/admin/skus/${blue.id}`).set(operator).send({ priceCents: 3800, memberPriceCents: 3700 }).expect(400);
      expect(cut.body.error.message).toContain('memberDayPriceCents');
      const negative = await t.http().patch(`/api/admin/skus/${blue.id}`).set(operator).send({ stock: -1 }).expect(400);
      expect(negative.body.error).toMatchObject({ message: '库存须为 0 到 1000000000 之间的整数', details: { fields: [{ field: 'stock' }] } });
      await t.http().patch(`/api/admin/skus/${blue.id}`).set(operator).send({ productId: 1 }).expect(400);
      expect(await auditOf('sku', blue.id)).toHaveLength(0);
    });

    it('refuses stock, weight and prices out of range with a sentence naming the field; nothing is clamped or saved', async () => {
      const created = await createProduct({ categoryId: shelfCategoryId, title: '越界 水杯', skus: twoSkus() }).expect(201);
      const red = created.body.skus[0];
      const detail = async () => (await t.http().get(`/api/admin/products/${created.body.id}`).set(operator).expect(200)).body;
      const before = await detail();
      const stock = '库存须为 0 到 1000000000 之间的整数';
      const patchRefused = async (body: object, field: string, message: string) => {
        const res = await t.http().patch(`/api/admin/skus/${red.id}`).set(operator).send(body).expect(400);
        expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message, details: { fields: [{ field, problems: [message] }] } });
      };
      await patchRefused({ stock: -3 }, 'stock', stock);
      await patchRefused({ stock: 'abc' }, 'stock', stock);
      await patchRefused({ stock: 2.5 }, 'stock', stock);
      await patchRefused({ stock: 1_000_000_001 }, 'stock', stock);
      await patchRefused({ priceCents: -1 }, 'priceCents', '售价须为 0 到 10000000 元之间，最多两位小数');
      await patchRefused({ priceCents: 19.9 }, 'priceCents', '售价须为 0 到 10000000 元之间，最多两位小数');
      await patchRefused({ memberPriceCents: -1 }, 'memberPriceCents', '会员价须为 0 到 10000000 元之间，最多两位小数');

      const putRefused = async (sku: object, field: string, message: string) => {
        const skus = [{ id: red.id, specs: { 颜色: '红' }, priceCents: 5900, memberPriceCents: 4900, ...sku }];
        const res = await t.http().put(`/api/admin/products/${created.body.id}`).set(operator).send({ skus }).expect(400);
        expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message, details: { fields: [{ field, problems: [message] }] } });
      };
      await putRefused({ stock: -3 }, 'skus.0.stock', stock);
      await putRefused({ weightGrams: -1 }, 'skus.0.weightGrams', '重量（克）须为 0 到 1000000000 之间的整数');
      await putRefused({ weightGrams: 'abc' }, 'skus.0.weightGrams', '重量（克）须为 0 到 1000000000 之间的整数');
      await putRefused({ memberDayPriceCents: -5 }, 'skus.0.memberDayPriceCents', '会员日价须为 0 到 10000000 元之间，最多两位小数');
      const sort = await t.http().put(`/api/admin/products/${created.body.id}`).set(operator).send({ sort: 'abc' }).expect(400);
      expect(sort.body.error.message).toBe('排序须为 -1000000000 到 1000000000 之间的整数');

      const newSku = await createProduct({ categoryId: shelfCategoryId, title: '越界 新品', skus: [{ specs: { 颜色: '白' }, priceCents: 100, stock: -3 }] }).expect(400);
      expect(newSku.body.error).toMatchObject({ message: stock, details: { fields: [{ field: 'skus.0.stock', problems: [stock] }] } });
      expect(await publicFind('越界 新品')).toBeUndefined();
      expect(await detail()).toEqual(before);
      expect(await auditOf('sku', red.id)).toHaveLength(0);
    });

    it('keeps the product price at the lowest SKU price under parallel SKU edits', async () => {
      const created = await createProduct({ categoryId: shelfCategoryId, title: '并发 改价', onShelf: true, skus: twoSkus() }).expect(201);
      const [red, blue] = created.body.skus;
      const edits = Array.from({ length: 12 }, (_, i) => {
        const sku = i % 2 ? red : blue;
        return t.http().patch(`/api/admin/skus/${sku.id}`).set(operator).send({ priceCents: 9000 - i * 100, memberPriceCents: null, stock: i });
      });
      edits.push(
        t.http()
          .put(`/api/admin/products/${created.body.id}`)
          .set(operator)
          .send({ skus: [{ id: red.id, specs: { 颜色: '红' }, priceCents: 9500, memberPriceCents: null }, { id: blue.id, specs: { 颜色: '蓝' }, priceCents: 9600, memberPriceCents: null, memberDayPriceCents: null }] }),
      );
      for (const res of await Promise.all(edits)) expect(res.status).toBe(200);
      const detail = (await t.http().get(`/api/admin/products/${created.body.id}`).set(operator).expect(200)).body;
      const lowest = Math.min(...detail.skus.map((s: { priceCents: number }) => s.priceCents));
      expect(await publicFind('并发 改价')).toMatchObject({ priceCents: lowest });
      expect((await auditOf('sku', red.id)).length + (await auditOf('sku', blue.id)).length).toBe(12);
    });

    it('off-shelf hides the product from the shop, on-shelf brings it back', async () => {
      const created = await createProduct({ categoryId: shelfCategoryId, title: '上下架 围巾', onShelf: true, skus: twoSkus() }).expect(201);
      const off = await t.http().post(`/api/admin/products/${created.body.id}/off-shelf`).set(operator).expect(200);
      expect(off.body.onShelf).toBe(false);
      expect(await publicFind('上下架 围巾')).toBeUndefined();
      await t.http().get(`/api/products/${created.body.id}`).expect(404);
      await t.http().post(`/api/admin/products/${created.body.id}/on-shelf`).set(operator).expect(200);
      expect(await publicFind('上下架 围巾')).toBeDefined();
      await t.http().get(`/api/products/${created.body.id}`).expect(200);
      await t.http().post('/api/admin/products/999999/off-shelf').set(operator).expect(404);
    });

    it('validates the body and names the field', async () => {
      const base = () => ({ categoryId: shelfCategoryId, title: '校验', skus: twoSkus() });
      const expect400 = async (body: object, field: string) => {
        const res = await createProduct(body).expect(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      };
      const memberAbove = base();
      memberAbove.skus[0].memberPriceCents = 6000;
      await expect400(memberAbove, 'skus.0.memberPriceCents');
      const memberDayAbove = base();
      memberDayAbove.skus[1].memberDayPriceCents = 4501;
      await expect400(memberDayAbove, 'skus.1.memberDayPriceCents');
      const negativeStock = base();
      negativeStock.skus[1].stock = -1;
      await expect400(negativeStock, 'skus.1.stock');
      await expect400({ ...base(), skus: [{ ...twoSkus()[0], priceCents: 12.5 }] }, 'skus.0.priceCents');
      await expect400({ ...base(), skus: [] }, 'skus');
      await expect400({ ...base(), skus: undefined }, 'skus');
      await expect400({ ...base(), hacked: true }, 'hacked');
      await expect400({ ...base(), skus: [{ ...twoSkus()[0], id: 5 }] }, 'skus.0.id');
      await expect400({ ...base(), skus: [{ ...twoSkus()[0], colour: 'x' }] }, 'skus.0.colour');
      await expect400({ ...base(), skus: [{ ...twoSkus()[0], specs: { 颜色: 1 } }] }, 'skus.0.specs');
      await expect400({ ...base(), skus: [{ ...twoSkus()[0], specs: ['红'] }] }, 'skus.0.specs');
      await expect400({ ...base(), skus: Array.from({ length: 101 }, (_, i) => ({ specs: { n: String(i) }, priceCents: 1, stock: 1 })) }, 'skus');
      await expect400({ ...base(), categoryId: undefined }, 'categoryId');
      await expect400({ ...base(), title: '' }, 'title');
      expect((await createProduct({ ...base(), categoryId: 999999 }).expect(404)).body.error.code).toBe('NOT_FOUND');

      const created = await createProduct(base()).expect(201);
      const put = (body: object) => t.http().put(`/api/admin/products/${created.body.id}`).set(operator).send(body);
      expect((await put({ title: null }).expect(400)).body.error.message).toContain('title');
      expect((await put({ skus: [] }).expect(400)).body.error.message).toContain('skus');
      expect((await put({ skus: [{ id: created.body.skus[0].id, specs: {}, priceCents: 100 }] }).expect(400)).body.error.message).toContain('skus.0.memberPriceCents');
      expect((await put({ categoryId: 999999 }).expect(404)).body.error.code).toBe('NOT_FOUND');
    });

    it('pages the admin list', async () => {
      const first = await t.http().get('/api/admin/products?page=1&pageSize=5').set(operator).expect(200);
      expect(first.body.items).toHaveLength(5);
      expect(first.body.total).toBeGreaterThanOrEqual(30);
      const seeded = first.body.items.find((p: { skuCount: number }) => p.skuCount > 0);
      expect(seeded.totalStock).toBeGreaterThan(0);
      await t.http().get('/api/admin/products?onShelf=maybe').set(operator).expect(400);
    });
  });

  describe('categories', () => {
    it('lists categories flat and reflects edits in the shop tree', async () => {
      const list = await t.http().get('/api/admin/categories').set(operator).expect(200);
      expect(list.body.length).toBeGreaterThan(3);
      expect(list.body[0]).toEqual({ id: expect.any(Number), parentId: null, name: expect.any(String), iconUrl: expect.any(String), sort: expect.any(Number), active: true });

      const root = await t.http().post('/api/admin/categories').set(operator).send({ name: '家居', sort: 500, iconUrl: '/i.svg' }).expect(201);
      expect(root.body).toEqual({ id: expect.any(Number), parentId: null, name: '家居', iconUrl: '/i.svg', sort: 500, active: true });
      const child = await t.http().post('/api/admin/categories').set(operator).send({ name: '收纳', parentId: root.body.id }).expect(201);
      const tree = async () => (await t.http().get('/api/categories').expect(200)).body as { id: number; name: string; children: { id: number; name: string }[] }[];
      expect((await tree()).find((c) => c.id === root.body.id)).toMatchObject({ name: '家居', children: [{ id: child.body.id, name: '收纳' }] });

      await t.http().put(`/api/admin/categories/${child.body.id}`).set(operator).send({ name: '收纳整理' }).expect(200);
      expect((await tree()).find((c) => c.id === root.body.id)?.children[0].name).toBe('收纳整理');
      const hidden = await t.http().put(`/api/admin/categories/${child.body.id}`).set(operator).send({ active: false }).expect(200);
      expect(hidden.body).toMatchObject({ name: '收纳整理', parentId: root.body.id, active: false });
      expect((await tree()).find((c) => c.id === root.body.id)?.children).toEqual([]);

      // moving the child to the top level
      await t.http().put(`/api/admin/categories/${child.body.id}`).set(operator).send({ parentId: null, active: true }).expect(200);
      expect((await tree()).some((c) => c.id === child.body.id)).toBe(true);
    });

    it('keeps two levels only', async () => {
      const root = await t.http().post('/api/admin/categories').set(operator).send({ name: '数码' }).expect(201);
      const child = await t.http().post('/api/admin/categories').set(operator).send({ name: '耳机', parentId: root.body.id }).expect(201);
      const grandchild = await t.http().post('/api/admin/categories').set(operator).send({ name: '入耳式', parentId: child.body.id }).expect(400);
      expect(grandchild.body.error.message).toBe('parentId: 上级分类须为一级分类（分类最多两级）');
      const other = await t.http().post('/api/admin/categories').set(operator).send({ name: '配件' }).expect(201);
      const rootUnderOther = await t.http().put(`/api/admin/categories/${root.body.id}`).set(operator).send({ parentId: other.body.id }).expect(400);
      expect(rootUnderOther.body.error.message).toBe('parentId: 该分类下有子分类，不能再设为子分类');
      await t.http().put(`/api/admin/categories/${other.body.id}`).set(operator).send({ parentId: other.body.id }).expect(400);
      expect((await t.http().post('/api/admin/categories').set(operator).send({ name: 'x', parentId: 999999 }).expect(404)).body.error).toEqual({ code: 'NOT_FOUND', message: '上级分类不存在' });
      await t.http().post('/api/admin/categories').set(operator).send({ name: '' }).expect(400);
      await t.http().put(`/api/admin/categories/${other.body.id}`).set(operator).send({ name: null }).expect(400);
      await t.http().put('/api/admin/categories/999999').set(operator).send({ name: 'x' }).expect(404);
    });

    it('refuses to delete a category with products or children (409), deletes an empty one', async () => {
      const root = await t.http().post('/api/admin/categories').set(operator).send({ name: '待删' }).expect(201);
      const child = await t.http().post('/api/admin/categories').set(operator).send({ name: '待删子类', parentId: root.body.id }).expect(201);
      expect((await t.http().delete(`/api/admin/categories/${root.body.id}`).set(operator).expect(409)).body.error).toEqual({
        code: 'CONFLICT',
        message: '不能删除：该分类下还有 1 个子分类',
        details: { children: 1, products: 0 },
      });
      const product = await createProduct({ categoryId: child.body.id, title: '占位', skus: twoSkus() }).expect(201);
      expect((await t.http().delete(`/api/admin/categories/${child.body.id}`).set(operator).expect(409)).body.error.code).toBe('CONFLICT');

      await t.http().put(`/api/admin/products/${product.body.id}`).set(operator).send({ categoryId: shelfCategoryId }).expect(200);
      await t.http().delete(`/api/admin/categories/${child.body.id}`).set(operator).expect(204);
      await t.http().delete(`/api/admin/categories/${root.body.id}`).set(operator).expect(204);
      const list = await t.http().get('/api/admin/categories').set(operator).expect(200);
      expect(list.body.some((c: { id: number }) => c.id === root.body.id || c.id === child.body.id)).toBe(false);
      await t.http().delete(`/api/admin/categories/${root.body.id}`).set(operator).expect(404);
    });
  });
});
