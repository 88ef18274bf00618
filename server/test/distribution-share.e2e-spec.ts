import { WechatApiClient } from '../src/wechat';
import { approvedDistributor } from './support/distribution';
import { expectLedgersBalanced } from './support/ledgers';
import { type Auth, makeSku } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/** PNG width and height from its IHDR chunk. */
const pngSize = (b: Buffer) => ({ signature: b.subarray(0, 8).toString('hex'), width: b.readUInt32BE(16), height: b.readUInt32BE(20) });


describe('sharing on MariaDB: share paths, scene codes, posters, store guides', () => {
  let t: TestApp;
  let staff: Auth;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
  });
  afterEach(async () => expectLedgersBalanced(t));
  afterAll(() => t.close());

  /** A poster by its public URL: status, content type and the bytes. */
  const fetchPoster = async (url: string) => {
    const res = await fetch(`${t.baseUrl}${url}`);
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };

  const approved = (openid: string) => approvedDistributor(t, staff, openid);

  it('gives a product, the card page or home a path with ref and a short scene code that resolves publicly; only approved distributors share', async () => {
    const outsider = await t.customer('share-outsider');
    expect((await t.http().get('/api/distributors/me/share').set(outsider.auth).expect(409)).body.error.code).toBe('INVALID_STATE');

    const d = await approved('share-koc');
    const sku = await makeSku(t, { priceCents: 5900, memberPriceCents: 4900, stock: 3, title: '有机燕麦片' });
    const product = (await t.http().get('/api/distributors/me/share').query({ productId: sku.productId }).set(d.auth).expect(200)).body;
    expect(product).toEqual({
      path: `pages/product/index?id=${sku.productId}&ref=${d.ref}`,
      title: '有机燕麦片',
      refCode: d.ref,
      sceneCode: expect.stringMatching(/^[23456789A-HJ-NP-Z]{8}$/),
      posterUrl: `/api/share/posters/${product.sceneCode}.png`,
    });
    expect(product.sceneCode.length).toBeLessThanOrEqual(32);
    // the same page again: the same scene
    expect((await t.http().get('/api/distributors/me/share').query({ productId: sku.productId }).set(d.auth).expect(200)).body.sceneCode).toBe(product.sceneCode);
    const card = (await t.http().get('/api/distributors/me/share').query({ page: 'card' }).set(d.auth).expect(200)).body;
    expect(card.path).toBe(`member/pages/center/index?ref=${d.ref}`);
    const home = (await t.http().get('/api/distributors/me/share').set(d.auth).expect(200)).body;
    expect(home.path).toBe(`pages/home/index?ref=${d.ref}`);
    expect(new Set([product.sceneCode, card.sceneCode, home.sceneCode]).size).toBe(3);

    expect((await t.http().get(`/api/share/scenes/${product.sceneCode}`).expect(200)).body).toEqual({ refCode: d.ref, path: product.path });
    await t.http().get('/api/share/scenes/NOSUCH99').expect(404);
    await t.http().get('/api/distributors/me/share').query({ productId: 99999999 }).set(d.auth).expect(404);
    await t.http().get('/api/distributors/me/share').query({ productId: 'x' }).set(d.auth).expect(400);
    await t.http().get('/api/distributors/me/share').query({ page: 'other' }).set(d.auth).expect(400);
  });

  it('serves the poster as one PNG with the mini-program code of the scene, composed once and then from the cache', async () => {
    const d = await approved('share-poster');
    const sku = await makeSku(t, { priceCents: 12800, memberPriceCents: 9900, stock: 3, title: '手工黑糖姜茶礼盒装' });
    const { sceneCode, posterUrl } = (await t.http().get('/api/distributors/me/share').query({ productId: sku.productId }).set(d.auth).expect(200)).body;
    const wechat = t.app.get(WechatApiClient);
    const qr = jest.spyOn(wechat, 'getUnlimitedQrCode');
    try {
      const first = await fetchPoster(posterUrl);
      expect(first).toMatchObject({ status: 200, type: 'image/png' });
      expect(pngSize(first.body)).toEqual({ signature: '89504e470d0a1a0a', width: 750, height: 1100 });
      expect(qr).toHaveBeenCalledWith(expect.objectContaining({ scene: sceneCode, page: 'pages/product/index' }));
      const again = await fetchPoster(posterUrl);
      expect(Buffer.compare(again.body, first.body)).toBe(0);
      expect(qr).toHaveBeenCalledTimes(1);
    } finally {
      qr.mockRestore();
    }
    const card = (await t.http().get('/api/distributors/me/share').query({ page: 'card' }).set(d.auth).expect(200)).body;
    expect(pngSize((await fetchPoster(card.posterUrl)).body).width).toBe(750);
    await t.http().get('/api/share/posters/NOSUCH99.png').expect(404);
    await t.http().get(`/api/share/posters/${sceneCode}.jpg`).expect(404);
  });

  it('staff mark a store guide, who binds customers like any distributor; audited', async () => {
    const g = await approved('share-guide');
    const marked = (await t.http().put(`/api/admin/distributors/${g.distributorId}/guide`).set(staff).send({ isGuide: true }).expect(200)).body;
    expect(marked).toMatchObject({ isGuide: true, status: 'APPROVED' });
    await t.http().put(`/api/admin/distributors/${g.distributorId}/guide`).set(staff).send({ isGuide: 'yes' }).expect(400);
    expect((await t.http().get('/api/distributors/me').set(g.auth).expect(200)).body.isGuide).toBe(true);
    await t.http().post('/api/auth/wechat-login').send({ code: 'test:share-guide-customer', ref: g.ref }).expect(200);
    expect((await t.http().get('/api/distributors/me/customers').set(g.auth).expect(200)).body).toMatchObject({ total: 1, items: [expect.objectContaining({ orders: 0, paidCents: 0 })] });
    const audit = await t.ds.query("SELECT action, afterJson FROM audit_log WHERE targetType = 'distributor' AND targetId = ? ORDER BY id", [String(g.distributorId)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['distributor.approve', 'distributor.guide']);
    // a customer token is refused on the staff routes
    await t.http().put(`/api/admin/distributors/${g.distributorId}/guide`).set(g.auth).send({ isGuide: false }).expect(403);
  });
});
