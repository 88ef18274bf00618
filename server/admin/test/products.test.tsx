import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/ProductsPage';
import { callsTo, json, mockFetch, renderApp, signIn, fill } from './helpers';

const operator = { id: 2, username: 'op1', role: 'operator' as const };

const CATEGORIES = [
  { id: 1, parentId: null, name: '水果', iconUrl: '', sort: 0, active: true },
  { id: 11, parentId: 1, name: '苹果', iconUrl: '', sort: 0, active: true },
];

const PRODUCTS = {
  items: [
    { id: 5, title: '红富士苹果', categoryId: 11, coverUrl: '/media/placeholder/a.svg', onShelf: true, memberOnly: false, sort: 0, priceCents: 1990, memberPriceCents: 1790, totalStock: 120, skuCount: 2, updatedAt: '2025-05-01T08:00:00+08:00' },
    { id: 6, title: '会员专享礼盒', categoryId: 1, coverUrl: '', onShelf: false, memberOnly: true, sort: 1, priceCents: 9900, memberPriceCents: null, totalStock: 0, skuCount: 1, updatedAt: '2025-05-01T08:00:00+08:00' },
  ],
  total: 2,
};

/** The first render of a page in a file is slow in jsdom (antd styles). */
const FIRST = { timeout: 15000 };


async function pickCategory(name: string) {
  fireEvent.mouseDown(document.getElementById('product_categoryId')!);
  const node = await waitFor(() => {
    const el = document.querySelector(`.ant-select-tree-node-content-wrapper[title="${name}"]`);
    expect(el).not.toBeNull();
    return el as HTMLElement;
  });
  fireEvent.click(node);
}

// Whole antd forms in jsdom are slow: a roomier timeout than the config's.
describe('products page', { timeout: 45000 }, () => {
  it('lists products with price, stock, shelf state and filters by title', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
      'GET /api/admin/products': () => json(200, PRODUCTS),
      'POST /api/admin/products/5/off-shelf': () => json(200, {}),
    });
    renderApp('/products');

    expect(await screen.findByText('红富士苹果', undefined, FIRST)).toBeTruthy();
    const rows = document.querySelectorAll('.product-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByText('¥19.90 / ¥17.90')).toBeTruthy();
    expect(first.getByText('120')).toBeTruthy();
    expect(first.getByText('已上架')).toBeTruthy();
    expect(await first.findByText('苹果')).toBeTruthy(); // category name
    const second = within(rows[1] as HTMLElement);
    expect(second.getByText('¥99.00 / —')).toBeTruthy();
    expect(second.getByText('会员专享')).toBeTruthy();
    expect(second.getByText('上架')).toBeTruthy();

    const search = document.querySelector('.product-search input') as HTMLInputElement;
    fireEvent.change(search, { target: { value: '苹果' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain(`/api/admin/products?q=${encodeURIComponent('苹果')}&page=1&pageSize=20`),
    );

    fireEvent.click(first.getByText('下架'));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/products/5/off-shelf')).toHaveLength(1));
  });

  it('creates a product: yuan input is sent as fen', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
      'POST /api/admin/products': () => json(201, { id: 9 }),
      'GET /api/admin/products': () => json(200, { items: [], total: 0 }),
    });
    renderApp('/products/new');
    expect(await screen.findByText('新建商品', undefined, FIRST)).toBeTruthy();

    await pickCategory('苹果');
    const specKeys = document.getElementById('product_specKeys')!;
    fireEvent.change(specKeys, { target: { value: '颜色' } });
    fireEvent.keyDown(specKeys, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(document.getElementById('product_skus_0_specs_颜色')).not.toBeNull());
    fill('product_skus_0_specs_颜色', '红');
    fill('product_title', ' 有机苹果 ');
    fill('product_keywords', '水果 红富士');
    fill('product_skus_0_price', '19.9');
    fill('product_skus_0_memberPrice', '17.05');
    fill('product_skus_0_stock', '100');
    fireEvent.click(document.querySelector('.sku-add')!);
    await waitFor(() => expect(document.getElementById('product_skus_1_price')).not.toBeNull());
    fill('product_skus_1_specs_颜色', '绿');
    fill('product_skus_1_price', '168');
    fill('product_skus_1_memberDayPrice', '0.5');
    fill('product_skus_1_weightGrams', '500');
    fireEvent.click(document.querySelector('.product-submit')!);

    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/products')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/products')[0].body).toEqual({
      categoryId: 11,
      title: '有机苹果',
      keywords: '水果 红富士',
      memberOnly: false,
      sort: 0,
      skus: [
        { specs: { 颜色: '红' }, priceCents: 1990, memberPriceCents: 1705, stock: 100 },
        { specs: { 颜色: '绿' }, priceCents: 16800, memberDayPriceCents: 50, stock: 0, weightGrams: 500 },
      ],
    });
  });

  it('rejects a malformed price before calling the server', async () => {
    const fetchMock = mockFetch({ ...signIn(operator), 'GET /api/admin/categories': () => json(200, CATEGORIES) });
    renderApp('/products/new');
    expect(await screen.findByText('新建商品', undefined, FIRST)).toBeTruthy();

    fill('product_title', '苹果');
    fill('product_skus_0_price', '19.999');
    fill('product_skus_0_memberPrice', '29');
    fireEvent.click(document.querySelector('.product-submit')!);

    expect(await screen.findByText('请输入正确的金额（元），最多两位小数')).toBeTruthy();
    expect(await screen.findByText('请选择分类')).toBeTruthy();
    fill('product_skus_0_price', '19.9');
    expect(await screen.findByText('不能高于售价')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/products')).toHaveLength(0);
  });

  it('edits a product: PUT with SKU ids, shows the server validation message', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
      'GET /api/admin/products/5': () =>
        json(200, {
          id: 5, categoryId: 11, title: '红富士苹果', subtitle: '', keywords: '水果', coverUrl: '', images: [], description: '脆甜', onShelf: true, memberOnly: false, sort: 0,
          skus: [
            { id: 51, specs: { 规格: '5斤' }, priceCents: 1990, memberPriceCents: 1790, memberDayPriceCents: null, stock: 100, weightGrams: 2500, active: true },
            { id: 52, specs: { 规格: '10斤' }, priceCents: 3590, memberPriceCents: null, memberDayPriceCents: null, stock: 20, weightGrams: 5000, active: false },
          ],
        }),
      'PUT /api/admin/products/5': () =>
        json(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'skus.0.weightGrams: weightGrams must not be greater than 1000000000',
            details: { fields: [{ field: 'skus.0.weightGrams', problems: ['重量超出范围'] }] },
          },
        }),
    });
    renderApp('/products/5');
    expect(await screen.findByText('编辑商品', undefined, FIRST)).toBeTruthy();
    await waitFor(() => expect((document.getElementById('product_skus_0_price') as HTMLInputElement).value).toBe('19.90'));
    expect(document.getElementById('product_skus_1_price')).toBeNull(); // the inactive SKU is not edited
    expect((document.getElementById('product_keywords') as HTMLInputElement).value).toBe('水果');

    fill('product_skus_0_memberPrice', '');
    fill('product_skus_0_specs_规格', '5 斤装');
    fireEvent.click(document.querySelector('.product-submit')!);

    expect(await screen.findByText('skus.0.weightGrams: weightGrams must not be greater than 1000000000')).toBeTruthy();
    // and next to the field it names
    expect(await screen.findByText('重量超出范围')).toBeTruthy();
    expect(callsTo(fetchMock, 'PUT', '/api/admin/products/5')[0].body).toEqual({
      categoryId: 11,
      memberOnly: false,
      sort: 0,
      // stock unchanged: left out, so sales made meanwhile are not undone
      skus: [{ id: 51, specs: { 规格: '5 斤装' }, priceCents: 1990, memberPriceCents: null, memberDayPriceCents: null, weightGrams: 2500 }],
    });
  });

  it('quick-edits a SKU row with PATCH /api/admin/skus/:id', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
      'GET /api/admin/products': () => json(200, PRODUCTS),
      'GET /api/admin/products/5': () =>
        json(200, {
          id: 5, categoryId: 11, title: '红富士苹果', subtitle: '', keywords: '', coverUrl: '', images: [], description: '', onShelf: true, memberOnly: false, sort: 0,
          skus: [{ id: 51, specs: { 规格: '5斤' }, priceCents: 1990, memberPriceCents: 1790, memberDayPriceCents: null, stock: 100, weightGrams: 2500, active: true }],
        }),
      'PATCH /api/admin/skus/51': () => json(200, {}),
    });
    renderApp('/products');
    expect(await screen.findByText('红富士苹果', undefined, FIRST)).toBeTruthy();

    fireEvent.click(document.querySelector('.product-row .ant-table-row-expand-icon')!);
    fireEvent.click(await screen.findByText('改价 / 库存'));
    await waitFor(() => expect(document.getElementById('skuQuick_stock')).not.toBeNull());
    fill('skuQuick_stock', '80');
    fill('skuQuick_price', '18.8');
    fireEvent.click(document.querySelector('.sku-quick-submit')!);

    await waitFor(() => expect(callsTo(fetchMock, 'PATCH', '/api/admin/skus/51')).toHaveLength(1));
    expect(callsTo(fetchMock, 'PATCH', '/api/admin/skus/51')[0].body).toEqual({ priceCents: 1880, stock: 80 });
  });

  it('refuses a quick-edit stock of -3, abc or 2.5 as typed (never 0) and sends nothing', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/categories': () => json(200, CATEGORIES),
      'GET /api/admin/products': () => json(200, PRODUCTS),
      'GET /api/admin/products/5': () =>
        json(200, {
          id: 5, categoryId: 11, title: '红富士苹果', subtitle: '', keywords: '', coverUrl: '', images: [], description: '', onShelf: true, memberOnly: false, sort: 0,
          skus: [{ id: 51, specs: { 规格: '5斤' }, priceCents: 1990, memberPriceCents: 1790, memberDayPriceCents: null, stock: 100, weightGrams: 2500, active: true }],
        }),
      'PATCH /api/admin/skus/51': () => json(200, {}),
    });
    renderApp('/products');
    expect(await screen.findByText('红富士苹果', undefined, FIRST)).toBeTruthy();
    fireEvent.click(document.querySelector('.product-row .ant-table-row-expand-icon')!);
    fireEvent.click(await screen.findByText('改价 / 库存'));
    await waitFor(() => expect(document.getElementById('skuQuick_stock')).not.toBeNull());
    for (const typed of ['-3', 'abc', '2.5', '1000000001']) {
      fill('skuQuick_stock', typed);
      fireEvent.blur(document.getElementById('skuQuick_stock')!);
      fireEvent.click(document.querySelector('.sku-quick-submit')!);
      expect(await screen.findByText('库存须为 0 到 1000000000 之间的整数')).toBeTruthy();
      expect((document.getElementById('skuQuick_stock') as HTMLInputElement).value).toBe(typed);
    }
    expect(callsTo(fetchMock, 'PATCH', '/api/admin/skus/51')).toHaveLength(0);
  });
});
