import { Auth } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

type Item = { id: number; title: string };

describe('product search in Chinese (demo store, MariaDB)', () => {
  let t: TestApp;
  let staff: Auth;
  const search = async (q: string, paging = '&pageSize=50'): Promise<{ items: Item[]; total: number }> =>
    (await t.http().get(`/api/products?q=${encodeURIComponent(q)}${paging}`).expect(200)).body;
  const titles = async (q: string) => (await search(q)).items.map((p) => p.title);

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
  });
  afterAll(() => t.close());

  it('"茶" finds every tea: by title, by its category (绿茶, 红茶) or the parent category (茶饮冲调)', async () => {
    const found = await titles('茶');
    for (const tea of ['明前龙井 100g', '碧螺春 罐装', '黄山毛峰', '正山小种', '滇红金芽', '冷泡红茶包']) expect(found).toContain(tea);
    // a title with the word comes first
    expect(found[0]).toBe('冷泡红茶包');
  });

  it('"坚果" finds 碧根果 and 夏威夷果 through their category, after the titles that say 坚果', async () => {
    const found = await titles('坚果');
    expect(found.slice(0, 2).every((title) => title.includes('坚果'))).toBe(true);
    expect(found).toEqual(expect.arrayContaining(['每日坚果 30 袋', '黑金每日坚果 会员专享', '碧根果 奶油味', '夏威夷果']));
    expect(found).not.toContain('明前龙井 100g');
  });

  it('finds by subtitle, and every word of a query must match somewhere', async () => {
    expect(await titles('头采')).toEqual(['明前龙井 100g']);
    expect(await titles('绿茶 罐装')).toEqual(['碧螺春 罐装']);
    expect(await titles('红茶 罐装')).toEqual([]);
    // wildcards are plain characters
    expect((await search('%')).total).toBe(0);
    expect((await search('_')).total).toBe(0);
  });

  it('finds by the keywords staff give a product, shown and saved in the staff product form', async () => {
    const [pecan] = (await search('碧根果')).items;
    // the demo store's own keywords
    expect(await titles('山核桃')).toEqual(['碧根果 奶油味']);
    expect(await titles('长寿果')).toEqual([]);
    const saved = await t.http().put(`/api/admin/products/${pecan.id}`).set(staff).send({ keywords: '长寿果 零嘴' }).expect(200);
    expect(saved.body.keywords).toBe('长寿果 零嘴');
    expect((await t.http().get(`/api/admin/products/${pecan.id}`).set(staff).expect(200)).body.keywords).toBe('长寿果 零嘴');
    expect(await titles('长寿果')).toEqual(['碧根果 奶油味']);
    expect(await titles('山核桃')).toEqual([]);
    // staff search finds it the same way
    const staffFound = (await t.http().get(`/api/admin/products?q=${encodeURIComponent('零嘴')}`).set(staff).expect(200)).body.items;
    expect(staffFound.map((p: Item) => p.id)).toEqual([pecan.id]);
    const tooLong = await t.http().put(`/api/admin/products/${pecan.id}`).set(staff).send({ keywords: '词'.repeat(201) }).expect(400);
    expect(JSON.stringify(tooLong.body)).toContain('keywords');
  });

  it('pages a search and counts all its matches; a blank query lists everything', async () => {
    const all = await search('茶');
    const first = await search('茶', '&page=1&pageSize=2');
    const second = await search('茶', '&page=2&pageSize=2');
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual(all.items.slice(0, 4).map((p) => p.id));
    const everything = (await t.http().get('/api/products?pageSize=50').expect(200)).body.total;
    expect((await search('   ')).total).toBe(everything);
  });
});
