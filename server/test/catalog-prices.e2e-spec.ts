import { Auth, buyCard } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

// the demo store's member day: the 7th of every month (Shanghai), paid members, 零食坚果 at 9 折, and
// a default member-day price of 85 % on the first SKU of every third product
const OFF_DAY = '2027-03-01T02:00:00.000Z';
const ON_THE_7TH = '2027-03-07T02:00:00.000Z';

type Sku = { id: number; specs: Record<string, string>; priceCents: number; unitPriceCents: number; priceSource: string; priceLabel: string | null; memberUnitPriceCents: number; memberDayPriceCents: number | null };
type Item = { id: number; title: string; unitPriceCents: number; priceSource: string; priceLabel: string | null; memberUnitPriceCents: number; memberDayPriceCents?: number; memberDayOnly: unknown };

describe('catalog prices for the customer asking (demo store, MariaDB)', () => {
  let t: TestApp;
  let staff: Auth;
  let member: Auth;
  let guest: Auth;

  const setClock = (now: string | null) => t.http().post('/api/dev/clock').send({ now }).expect(200);
  const get = (path: string, auth?: Auth) => (auth ? t.http().get(path).set(auth) : t.http().get(path)).expect(200);
  const list = async (q: string, auth?: Auth): Promise<Item[]> => (await get(`/api/products?q=${encodeURIComponent(q)}&pageSize=50`, auth)).body.items;
  const item = async (title: string, auth?: Auth): Promise<Item> => (await list(title, auth)).find((p) => p.title === title)!;
  const detail = async (id: number, auth?: Auth): Promise<{ skus: Sku[] } & Item> => (await get(`/api/products/${id}`, auth)).body;
  const preview = async (auth: Auth, skuId: number) => (await t.http().post('/api/checkout/preview').set(auth).send({ items: [{ skuId, qty: 1 }] }).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    await setClock(OFF_DAY);
    member = (await t.customer('prices-member')).auth;
    await buyCard(t, member);
    guest = (await t.customer('prices-guest')).auth;
  });
  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('off a member day: a member is priced at the member price, a non-member at list with the member price beside it', async () => {
    await setClock(OFF_DAY);
    const asMember = await item('黑金每日坚果 会员专享', member);
    expect(asMember).toMatchObject({ priceCents: 12900, memberPriceCents: 9900, unitPriceCents: 9900, priceSource: 'MEMBER_PRICE', priceLabel: '会员价', memberUnitPriceCents: 9900, memberDayOnly: null });
    // the SKU's default member-day price (109.65) is not shown: no member day is on
    expect(asMember.memberDayPriceCents).toBeUndefined();
    for (const who of [guest, undefined]) {
      const asGuest = await item('黑金每日坚果 会员专享', who);
      expect(asGuest).toMatchObject({ unitPriceCents: 12900, priceSource: 'LIST', priceLabel: null, memberUnitPriceCents: 9900 });
      expect(asGuest.memberDayPriceCents).toBeUndefined();
    }
  });

  it('on the member day: a member pays the member price where it is lower than the day’s (109.65 is never shown beside 99.00)', async () => {
    await setClock(ON_THE_7TH);
    const black = await item('黑金每日坚果 会员专享', member);
    expect(black).toMatchObject({ unitPriceCents: 9900, priceSource: 'MEMBER_PRICE' });
    expect(black.memberDayPriceCents).toBeUndefined();
    const nuts = await item('每日坚果 30 袋', member);
    expect(nuts).toMatchObject({ unitPriceCents: 8415, priceSource: 'MEMBER_DAY_PRICE', priceLabel: '会员日价', memberDayPriceCents: 8415 });
    // the 60-bag SKU has no own price: the day's 9 折 on 零食坚果 (170.10) is above its member price
    const sixty = (await detail(nuts.id, member)).skus.find((s) => s.specs.规格 === '60 袋')!;
    expect(sixty).toMatchObject({ priceCents: 18900, unitPriceCents: 16900, priceSource: 'MEMBER_PRICE', memberDayPriceCents: null });
    // 碧根果 (no own price): its member price 44.90 is just below the day's 9 折 (44.91)
    const pecan = await item('碧根果 奶油味', member);
    expect(pecan).toMatchObject({ unitPriceCents: 4490, priceSource: 'MEMBER_PRICE' });
    // 夏威夷果 has no member price: the day's rate gives it
    const macadamia = await item('夏威夷果', member);
    expect(macadamia).toMatchObject({ unitPriceCents: 5391, priceSource: 'MEMBER_DAY_CATEGORY_RATE', priceLabel: '会员日 9 折', memberDayPriceCents: 5391 });
    // a non-member is outside the paid-members day: list price, and what the card would make it today
    const guestNuts = await item('每日坚果 30 袋', guest);
    expect(guestNuts).toMatchObject({ unitPriceCents: 9900, priceSource: 'LIST', memberUnitPriceCents: 8415 });
    expect(guestNuts.memberDayPriceCents).toBeUndefined();
  });

  it('every SKU of every product page is priced as the checkout preview prices it, for a member and a non-member, on and off the day', async () => {
    const products: Item[] = (await get('/api/products?pageSize=50')).body.items;
    for (const clock of [OFF_DAY, ON_THE_7TH]) {
      await setClock(clock);
      for (const who of [member, guest]) {
        for (const p of products) {
          const page = await detail(p.id, who);
          for (const sku of page.skus) {
            const line = (await preview(who, sku.id)).lines[0];
            expect({ clock, sku: sku.id, unit: sku.unitPriceCents, source: sku.priceSource }).toEqual({ clock, sku: sku.id, unit: line.unitPriceCents, source: line.priceSource });
          }
          // the card shows the product page's cheapest SKU
          const listed = (await list(p.title, who)).find((x) => x.id === p.id)!;
          expect(listed.unitPriceCents).toBe(Math.min(...page.skus.map((s) => s.unitPriceCents)));
        }
      }
    }
  });

  it('"开通会员立省" on the product page is the preview’s memberSavingsCents for one unit', async () => {
    for (const clock of [OFF_DAY, ON_THE_7TH]) {
      await setClock(clock);
      const nuts = await item('每日坚果 30 袋', guest);
      const sku = (await detail(nuts.id, guest)).skus.find((s) => s.specs.规格 === '30 袋')!;
      expect(sku.unitPriceCents - sku.memberUnitPriceCents).toBe((await preview(guest, sku.id)).memberSavingsCents);
    }
    // on the 7th it is the member-day price's saving (14.85), not the member price's (10.00)
    const sku = (await detail((await item('每日坚果 30 袋', guest)).id, guest)).skus[0];
    expect(sku.unitPriceCents - sku.memberUnitPriceCents).toBe(1485);
  });

  it('marks member-day-only products with the next date, open only on the day for its audience', async () => {
    const [rule] = (await t.http().get('/api/admin/member-days').set(staff).expect(200)).body.items;
    const tea = await item('黄山毛峰');
    await t.http().put(`/api/admin/member-days/${rule.id}`).set(staff).send({ exclusiveProductIds: [tea.id] }).expect(200);
    try {
      await setClock(OFF_DAY);
      expect((await item('黄山毛峰', member)).memberDayOnly).toEqual({ name: rule.name, onNow: false, open: false, date: '2027-03-07' });
      expect((await detail(tea.id)).memberDayOnly).toEqual({ name: rule.name, onNow: false, open: false, date: '2027-03-07' });
      await setClock(ON_THE_7TH);
      expect((await item('黄山毛峰', member)).memberDayOnly).toEqual({ name: rule.name, onNow: true, open: true, date: '2027-03-07' });
      expect((await item('黄山毛峰', guest)).memberDayOnly).toEqual({ name: rule.name, onNow: true, open: false, date: '2027-03-07' });
      expect((await item('碧螺春 罐装', member)).memberDayOnly).toBeNull();
      await setClock('2027-03-08T02:00:00.000Z');
      expect((await detail(tea.id, member)).memberDayOnly).toEqual({ name: rule.name, onNow: false, open: false, date: '2027-04-07' });
    } finally {
      await t.http().put(`/api/admin/member-days/${rule.id}`).set(staff).send({ exclusiveProductIds: [] }).expect(200);
    }
  });

  it('answers differ by customer, so they say Vary: Authorization; an ETag answers 304 only for the same prices', async () => {
    await setClock(OFF_DAY);
    const path = `/api/products/${(await item('碧螺春 罐装')).id}`;
    const asGuest = await get(path, guest);
    const asMember = await get(path, member);
    expect(asGuest.headers.vary).toBe('Authorization');
    expect(asGuest.headers.etag).not.toBe(asMember.headers.etag);
    await t.http().get(path).set(member).set('If-None-Match', asMember.headers.etag).expect(304);
    await t.http().get(path).set(guest).set('If-None-Match', asMember.headers.etag).expect(200);
  });

  it('a staff price change shows at once in the list and the product page, for every customer', async () => {
    await setClock(OFF_DAY);
    const tea = await item('碧螺春 罐装', member);
    const sku = (await detail(tea.id, member)).skus[0];
    await t.http().patch(`/api/admin/skus/${sku.id}`).set(staff).send({ memberPriceCents: 4999 }).expect(200);
    expect((await item('碧螺春 罐装', member)).unitPriceCents).toBe(4999);
    expect((await detail(tea.id, guest)).skus[0]).toMatchObject({ unitPriceCents: 5900, memberUnitPriceCents: 4999 });
  });

  it('the member-day page lists every SKU the day prices, including those with their own member-day price', async () => {
    await setClock(ON_THE_7TH);
    const current = (await get('/api/member-days/current', member)).body.current;
    const offered = new Map((current.offers as { title: string; specs: Record<string, string>; memberDayPriceCents: number }[]).map((o) => [`${o.title} ${Object.values(o.specs).join()}`, o.memberDayPriceCents]));
    expect(offered.get('明前龙井 100g 100g')).toBe(10880);
    expect(offered.get('每日坚果 30 袋 30 袋')).toBe(8415);
  });
});
