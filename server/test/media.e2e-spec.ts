import sharp from 'sharp';
import { createTestApp, TestApp } from './support/test-app';

type Auth = { Authorization: string };

const picture = (format: 'png' | 'jpeg' | 'webp', width = 1600, height = 1200) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#3366cc"/></svg>`) }])
    [format]()
    .toBuffer();

describe('images: upload, variants, galleries and descriptions', () => {
  let t: TestApp;
  let operator: Auth;
  let categoryId: number;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    operator = await t.staff('operator', 'admin123');
    const root = await t.http().post('/api/admin/categories').set(operator).send({ name: '图片测试' }).expect(201);
    categoryId = (await t.http().post('/api/admin/categories').set(operator).send({ name: '图片子类', parentId: root.body.id }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const upload = (body: Buffer, filename: string, auth: Auth = operator) => t.http().post('/api/admin/media/images').set(auth).attach('file', body, filename);
  const newProduct = (fields: object) =>
    t.http().post('/api/admin/products').set(operator).send({ categoryId, title: '图片商品', onShelf: true, skus: [{ specs: {}, priceCents: 1000, stock: 5 }], ...fields });

  it('seeds the demo products with drawn pictures and rich descriptions through the same storage', async () => {
    const list = (await t.http().get('/api/products?pageSize=50').expect(200)).body.items as { id: number; coverUrl: string }[];
    expect(list.length).toBeGreaterThanOrEqual(30);
    for (const p of list) expect(p.coverUrl).toMatch(/^\/api\/media\/img\/[0-9a-f]{32}-400\.jpg$/);
    const detail = (await t.http().get(`/api/products/${list[0].id}`).expect(200)).body;
    expect(detail.images).toHaveLength(2);
    expect(detail.description).toMatch(/^<h3>商品亮点<\/h3><p>.+<img src="\/api\/media\/img\/[0-9a-f]{32}-800\.jpg"/);
    const cover = await t.http().get(list[0].coverUrl).buffer(true).expect(200);
    const stats = await sharp(cover.body).stats();
    // a drawing, not a flat colour: the channels vary
    expect(Math.max(...stats.channels.map((c) => c.stdev))).toBeGreaterThan(20);
    const categories = (await t.http().get('/api/categories').expect(200)).body as { name: string; iconUrl: string; children: { iconUrl: string }[] }[];
    const seeded = categories.filter((c) => c.name !== '图片测试').flatMap((c) => [c, ...c.children]);
    expect(seeded).toHaveLength(15);
    for (const c of seeded) await t.http().get(c.iconUrl).expect(200);
  });

  it('stores a PNG and a JPEG as resized JPEG variants served with immutable cache headers', async () => {
    for (const [format, name] of [
      ['png', 'a.png'],
      ['jpeg', 'b.jpg'],
    ] as const) {
      const res = await upload(await picture(format), name).expect(201);
      expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), url: `/api/media/img/${res.body.id}-800.jpg`, thumbUrl: `/api/media/img/${res.body.id}-400.jpg`, width: 1600, height: 1200 });
      for (const [url, width, height] of [
        [res.body.url, 800, 600],
        [res.body.thumbUrl, 400, 300],
      ]) {
        const served = await t.http().get(url).buffer(true).expect(200);
        expect(served.headers['content-type']).toBe('image/jpeg');
        expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(await sharp(served.body).metadata()).toMatchObject({ format: 'jpeg', width, height });
        const again = await t.http().get(url).set('If-None-Match', served.headers.etag).expect(304);
        expect(again.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      }
    }
  });

  it('names an image by its content: the same upload twice gives the same URLs', async () => {
    const png = await picture('webp', 300, 300);
    const first = await upload(png, 'x.webp').expect(201);
    const second = await upload(png, 'y.png').expect(201);
    expect(second.body).toEqual(first.body);
    // smaller than the variant sizes: never enlarged
    expect(await sharp((await t.http().get(first.body.url).buffer(true).expect(200)).body).metadata()).toMatchObject({ width: 300, height: 300 });
  });

  it('turns a phone photo upright by its EXIF orientation and drops its metadata', async () => {
    const sideways = await sharp(await picture('jpeg', 1600, 1200)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const res = await upload(sideways, 'phone.jpg').expect(201);
    expect(res.body).toMatchObject({ width: 1200, height: 1600 });
    const large = await sharp((await t.http().get(res.body.url).buffer(true).expect(200)).body).metadata();
    expect(large).toMatchObject({ width: 600, height: 800 });
    expect(large.orientation).toBeUndefined();
    expect(large.exif).toBeUndefined();
  });

  it('refuses a text file named .png, an SVG and a GIF with 400, judging the content not the name', async () => {
    const text = await upload(Buffer.from('hello, not a picture at all'), 'fake.png').expect(400);
    expect(text.body.error).toEqual({ code: 'VALIDATION_FAILED', message: '只能上传 JPEG、PNG 或 WebP 格式的图片' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect((await upload(svg, 'a.png').expect(400)).body.error.message).toBe('只能上传 JPEG、PNG 或 WebP 格式的图片');
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } }).gif().toBuffer();
    await upload(gif, 'a.jpg').expect(400);
    // a truncated JPEG: its header reads, its pixels do not
    const jpeg = await picture('jpeg');
    expect((await upload(jpeg.subarray(0, 600), 'cut.jpg').expect(400)).body.error.message).toBe('图片文件已损坏，无法读取');
  });

  it('refuses a file over 5 MB with 413 and a sentence, and a request without a file with 400', async () => {
    const big = Buffer.concat([await picture('png', 10, 10), Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const res = await upload(big, 'big.png').expect(413);
    expect(res.body.error).toEqual({ code: 'VALIDATION_FAILED', message: '图片不能超过 5 MB' });
    expect((await t.http().post('/api/admin/media/images').set(operator).send({ file: 'x' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    await t.http().post('/api/admin/media/images').set(operator).field('other', 'x').expect(400);
  });

  it('refuses a picture of too many pixels without decoding it', async () => {
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect((await upload(huge, 'huge.png').expect(400)).body.error.message).toBe('图片尺寸过大：最多 4000 万像素');
  });

  it('lets only staff who edit products upload', async () => {
    const png = await picture('png', 20, 20);
    await t.http().post('/api/admin/media/images').attach('file', png, 'a.png').expect(401);
    await upload(png, 'a.png', await t.staff('finance', 'admin123')).expect(403);
    await t.http().get('/api/media/img/../../etc-800.jpg').expect(404);
    await t.http().get(`/api/media/img/${'0'.repeat(32)}-800.jpg`).expect(404);
  });

  it('keeps a gallery in the order given, the cover being the first picture, and reorders it', async () => {
    const [a, b, c] = await Promise.all([picture('png', 500, 500), picture('jpeg', 600, 400), picture('webp', 400, 600)].map(async (p, i) => (await upload(await p, `${i}.png`).expect(201)).body));
    const created = await newProduct({ images: [b.url, a.url, c.url] }).expect(201);
    expect(created.body).toMatchObject({ images: [b.url, a.url, c.url], coverUrl: b.thumbUrl });
    const id = created.body.id;
    expect((await t.http().get(`/api/products/${id}`).expect(200)).body).toMatchObject({ images: [b.url, a.url, c.url], coverUrl: b.thumbUrl });

    const reordered = await t.http().put(`/api/admin/products/${id}`).set(operator).send({ images: [c.url, b.url] }).expect(200);
    expect(reordered.body).toMatchObject({ images: [c.url, b.url], coverUrl: c.thumbUrl });
    const listed = (await t.http().get(`/api/admin/products?q=${encodeURIComponent('图片商品')}`).set(operator).expect(200)).body.items.find((p: { id: number }) => p.id === id);
    expect(listed.coverUrl).toBe(c.thumbUrl);
    const cleared = await t.http().put(`/api/admin/products/${id}`).set(operator).send({ images: [] }).expect(200);
    expect(cleared.body).toMatchObject({ images: [], coverUrl: '' });
  });

  it('refuses gallery entries that are not uploaded pictures, naming the field, and writes nothing', async () => {
    const a = (await upload(await picture('png', 300, 300), 'a.png').expect(201)).body;
    const notUrl = await newProduct({ title: '坏图片', images: ['not a url'] }).expect(400);
    expect(notUrl.body.error.message).toBe('商品图片须为上传的图片');
    await newProduct({ title: '坏图片', images: ['https://example.com/a.jpg'] }).expect(400);
    await newProduct({ title: '坏图片', images: [a.url, a.url] }).expect(400);
    await newProduct({ title: '坏图片', images: [a.thumbUrl] }).expect(400);
    await newProduct({ title: '坏图片', coverUrl: a.thumbUrl }).expect(400);
    const missing = await newProduct({ title: '坏图片', images: [a.url, `/api/media/img/${'f'.repeat(32)}-800.jpg`] }).expect(400);
    expect(missing.body.error.details.fields).toEqual([{ field: 'images.1', problems: ['图片不存在，请重新上传'] }]);
    expect((await t.http().get(`/api/admin/products?q=${encodeURIComponent('坏图片')}`).set(operator).expect(200)).body.total).toBe(0);
  });

  it('stores descriptions sanitized: scripts, event handlers, links and foreign styles removed', async () => {
    const a = (await upload(await picture('png', 300, 300), 'a.png').expect(201)).body;
    const dirty = [
      '<h3>产地直发</h3><p style="color:red" onclick="steal()">新鲜<strong>好吃</strong><script>alert(1)</script></p>',
      `<img src="${a.url}" onerror="alert(2)" style="position:fixed">`,
      '<img src="javascript:alert(3)"><img src="http://insecure.example/a.jpg"><iframe src="https://evil.example"></iframe>',
      '<a href="javascript:alert(4)">链接</a><ul><li>一</li></ul>',
    ].join('');
    const res = await newProduct({ title: '详情商品', description: dirty }).expect(201);
    expect(res.body.description).toBe(
      `<h3>产地直发</h3><p>新鲜<strong>好吃</strong></p><img src="${a.url}" alt="" style="display:block;max-width:100%;height:auto" />链接<ul><li>一</li></ul>`,
    );
    expect((await t.http().get(`/api/products/${res.body.id}`).expect(200)).body.description).toBe(res.body.description);

    const plain = await t.http().put(`/api/admin/products/${res.body.id}`).set(operator).send({ description: '第一行 <3\n\n第二行' }).expect(200);
    expect(plain.body.description).toBe('<p>第一行 &lt;3</p><p>第二行</p>');
    const empty = await t.http().put(`/api/admin/products/${res.body.id}`).set(operator).send({ description: '<p><br></p><script>x</script>' }).expect(200);
    expect(empty.body.description).toBe('');
  });
});
