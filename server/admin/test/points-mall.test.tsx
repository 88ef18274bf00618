import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/PointsMallPage';
import { apiError, callsTo, json, mockFetch, renderApp, el, fill, signIn } from './helpers';

const operator = { id: 2, username: 'op', role: 'operator' as const };
const FIRST = { timeout: 15000 };
const ITEMS = '/api/admin/points-mall/items';


const BAG = {
  id: 7,
  title: '帆布袋',
  kind: 'GOODS',
  skuId: 12,
  couponTemplateId: null,
  cardDays: null,
  coverUrl: '',
  description: '',
  pointsCost: 1500,
  cashCents: 990,
  stock: 40,
  perCustomerLimit: 2,
  onShelf: true,
  sort: 5,
  redeemedUnits: 3,
  createdAt: '2027-03-01T00:00:00.000Z',
  updatedAt: '2027-03-01T00:00:00.000Z',
};

describe('积分商城 page', { timeout: 45000 }, () => {
  it('lists the items and creates a card-days item with the numbers as typed', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      [`GET ${ITEMS}`]: () => json(200, { items: [BAG], total: 1 }),
      [`POST ${ITEMS}`]: () => json(201, { id: 8 }),
    });
    renderApp('/points-mall');
    const row = (await screen.findByText('帆布袋', undefined, FIRST)).closest('tr') as HTMLElement;
    for (const text of ['实物商品 · SKU 12', '1500', '¥9.90', '40', '3', '2 件']) expect(within(row).getByText(text)).toBeTruthy();

    fireEvent.click(document.querySelector('.mall-item-create')!);
    await el('#mallItem_title');
    fill('mallItem_title', ' 会员 7 天 ');
    fireEvent.click(screen.getByLabelText('会员卡天数'));
    await el('#mallItem_cardDays');
    fill('mallItem_cardDays', '7');
    fill('mallItem_pointsCost', '500');
    fill('mallItem_stock', '100');
    fill('mallItem_perCustomerLimit', '0');
    fireEvent.click(document.querySelector('.mall-item-submit')!);

    await waitFor(() => expect(callsTo(fetchMock, 'POST', ITEMS)).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', ITEMS)[0].body).toEqual({
      title: '会员 7 天',
      kind: 'CARD_DAYS',
      cardDays: 7,
      pointsCost: 500,
      cashCents: 0,
      stock: 100,
      perCustomerLimit: 0,
      sort: 0,
      description: '',
      coverUrl: '',
      onShelf: false,
    });
  });

  it('creates a coupon item from a picker of the active coupon templates', async () => {
    const template = (id: number, title: string, active: boolean) => ({ id, title, active });
    const fetchMock = mockFetch({
      ...signIn(operator),
      [`GET ${ITEMS}`]: () => json(200, { items: [{ ...BAG, id: 9, title: '满 50 减 5 券', kind: 'COUPON', skuId: null, couponTemplateId: 3 }], total: 1 }),
      'GET /api/admin/coupon-templates': () => json(200, { items: [template(3, '满 50 减 5', true), template(4, '旧券', false)], total: 2 }),
      [`POST ${ITEMS}`]: () => json(201, { id: 10 }),
    });
    renderApp('/points-mall');
    const row = (await screen.findByText('满 50 减 5 券', undefined, FIRST)).closest('tr') as HTMLElement;
    expect(within(row).getByText('优惠券 · 模板 3')).toBeTruthy();

    fireEvent.click(document.querySelector('.mall-item-create')!);
    await el('#mallItem_title');
    fill('mallItem_title', '满 50 减 5 券');
    fireEvent.click(screen.getByLabelText('优惠券'));
    fireEvent.mouseDown(await el('#mallItem_couponTemplateId'));
    await el('.ant-select-item-option[title="满 50 减 5"]');
    expect(document.querySelector('.ant-select-item-option[title^="旧券"]')).toBeNull(); // a stopped template is not offered
    fireEvent.click(document.querySelector('.ant-select-item-option[title="满 50 减 5"]')!);
    fill('mallItem_pointsCost', '100');
    fill('mallItem_stock', '50');
    fireEvent.click(document.querySelector('.mall-item-submit')!);

    await waitFor(() => expect(callsTo(fetchMock, 'POST', ITEMS)).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', ITEMS)[0].body).toEqual({
      title: '满 50 减 5 券',
      kind: 'COUPON',
      couponTemplateId: 3,
      pointsCost: 100,
      cashCents: 0,
      stock: 50,
      perCustomerLimit: 1,
      sort: 0,
      description: '',
      coverUrl: '',
      onShelf: false,
    });
  });

  it('refuses out-of-range numbers as typed (nothing sent), and shows the server field message on its field', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      [`GET ${ITEMS}`]: () => json(200, { items: [BAG], total: 1 }),
      [`PUT ${ITEMS}/7`]: () =>
        json(400, { error: { code: 'VALIDATION_FAILED', message: 'SKU 12 不存在', details: { fields: [{ field: 'skuId', problems: ['SKU 12 不存在'] }] } } }),
    });
    renderApp('/points-mall');
    await screen.findByText('帆布袋', undefined, FIRST);
    fireEvent.click(document.querySelector('.mall-item-edit')!);
    await el('#mallItem_pointsCost');
    expect((document.getElementById('mallItem_cash') as HTMLInputElement).value).toBe('9.90');

    fill('mallItem_pointsCost', '0');
    fill('mallItem_stock', '1.5');
    fill('mallItem_perCustomerLimit', '1001');
    fireEvent.click(document.querySelector('.mall-item-submit')!);
    expect(await screen.findByText('所需积分须为 1 到 1000000 之间的整数')).toBeTruthy();
    expect(screen.getByText('兑换库存须为 0 到 1000000 之间的整数')).toBeTruthy();
    expect(screen.getByText('每人限兑须为 0 到 1000 之间的整数')).toBeTruthy();
    expect((document.getElementById('mallItem_stock') as HTMLInputElement).value).toBe('1.5'); // kept as typed
    expect(callsTo(fetchMock, 'PUT', `${ITEMS}/7`)).toHaveLength(0);

    fill('mallItem_pointsCost', '1200');
    fill('mallItem_stock', '30');
    fill('mallItem_perCustomerLimit', '1');
    fireEvent.click(document.querySelector('.mall-item-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', `${ITEMS}/7`)).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', `${ITEMS}/7`)[0].body).toMatchObject({ kind: 'GOODS', skuId: 12, pointsCost: 1200, cashCents: 990, stock: 30, perCustomerLimit: 1, sort: 5, onShelf: true });
    expect(await screen.findAllByText('SKU 12 不存在')).not.toHaveLength(0);
  });

  it('takes an item off shelf with PATCH and shows the redemption records', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      [`GET ${ITEMS}`]: () => json(200, { items: [BAG], total: 1 }),
      [`PATCH ${ITEMS}/7`]: () => json(200, { ...BAG, onShelf: false }),
      'GET /api/admin/points-mall/redemptions': () =>
        json(200, {
          items: [{ id: 1, orderId: 31, orderNo: '202703100001', orderStatus: 'PAID', itemId: 7, kind: 'GOODS', title: '帆布袋', qty: 2, pointsUsed: 3000, cashCents: 1980, cardDays: null, customerId: 44, createdAt: '2027-03-10T02:00:00.000Z' }],
          total: 1,
        }),
    });
    renderApp('/points-mall');
    await screen.findByText('帆布袋', undefined, FIRST);
    fireEvent.click(document.querySelector('.mall-item-on-shelf')!);
    await waitFor(() => expect(callsTo(fetchMock, 'PATCH', `${ITEMS}/7`)).toEqual([expect.objectContaining({ body: { onShelf: false } })]));
    expect(await screen.findByText('「帆布袋」已下架')).toBeTruthy();

    fireEvent.click(screen.getByText('兑换记录'));
    const row = (await screen.findByText('202703100001')).closest('tr') as HTMLElement;
    for (const text of ['帆布袋', '3000', '¥19.80', '待发货', '44']) expect(within(row).getByText(text)).toBeTruthy();
  });

  it('shows the server error when the list cannot load', async () => {
    mockFetch({ ...signIn(operator), [`GET ${ITEMS}`]: () => apiError(500, 'INTERNAL_ERROR', '服务器开小差了') });
    renderApp('/points-mall');
    expect(await screen.findByText('服务器开小差了', undefined, FIRST)).toBeTruthy();
  });
});
