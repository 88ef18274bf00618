import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../src/pages/OrdersPage';
import { apiError, callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'op1', role: 'operator' as const };
const FIRST = { timeout: 15000 };

const line = (title: string, qty: number) => ({ title, coverUrl: '', specs: {}, qty, unitPriceCents: 990 });
const ORDERS = {
  items: [
    { id: 31, orderNo: 'O202505010001', kind: 'GOODS', status: 'PAID', payableCents: 2980, itemCount: 3, createdAt: '2025-05-01T10:00:00+08:00', expiresAt: null, lines: [line('苹果', 2), line('香蕉', 1)], customerId: 7 },
    { id: 32, orderNo: 'O202505010002', kind: 'GOODS', status: 'COMPLETED', payableCents: 990, itemCount: 1, createdAt: '2025-05-01T11:00:00+08:00', expiresAt: null, lines: [line('梨', 1)], customerId: 8 },
  ],
  total: 2,
};

const DETAIL = {
  ...ORDERS.items[0],
  goodsCents: 3470,
  discountCents: 490,
  shippingCents: 0,
  pointsUsed: 100,
  pointsValueCents: 100,
  refundedCents: 0,
  note: '请尽快发货',
  address: { name: '张三', phone: '13800000000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 1 号' },
  adjustments: [
    { kind: 'MEMBER_PRICE', lineId: 1, amountCents: -390, label: '会员价' },
    { kind: 'COUPON', lineId: null, amountCents: -100, label: '满 30 减 1' },
  ],
  lines: [
    { id: 1, skuId: 51, productId: 5, title: '苹果', coverUrl: '', specs: { 规格: '5斤' }, qty: 2, listPriceCents: 1190, unitPriceCents: 995, cashPaidCents: 1940, refundedQty: 0 },
    { id: 2, skuId: 61, productId: 6, title: '香蕉', coverUrl: '', specs: {}, qty: 1, listPriceCents: 1090, unitPriceCents: 1090, cashPaidCents: 1040, refundedQty: 0 },
  ],
  history: [
    { from: null, to: 'PENDING_PAYMENT', actor: 'customer:7', reason: null, at: '2025-05-01T10:00:00+08:00' },
    { from: 'PENDING_PAYMENT', to: 'PAID', actor: 'wechat', reason: null, at: '2025-05-01T10:01:00+08:00' },
  ],
  payment: { status: 'SUCCESS', paidAt: '2025-05-01T10:01:00+08:00' },
  shipment: null,
  refunds: [],
  actions: [],
};

const urls = (fetchMock: ReturnType<typeof mockFetch>) => fetchMock.mock.calls.map(([u]) => String(u));

describe('orders page', { timeout: 45000 }, () => {
  it('lists orders and filters by status', async () => {
    const fetchMock = mockFetch({ ...signIn(operator), 'GET /api/admin/orders': () => json(200, ORDERS) });
    renderApp('/orders');

    expect(await screen.findByText('O202505010001', undefined, FIRST)).toBeTruthy();
    const rows = document.querySelectorAll('.order-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByText('苹果 ×2，香蕉 ×1')).toBeTruthy();
    expect(first.getByText('¥29.80')).toBeTruthy();
    expect(first.getByText('待发货')).toBeTruthy();
    expect(rows[0].querySelector('.ship-button')).not.toBeNull();
    expect(rows[1].querySelector('.ship-button')).toBeNull(); // completed: nothing to ship
    expect(urls(fetchMock)).toContain('/api/admin/orders?page=1&pageSize=20');

    fireEvent.click(within(document.querySelector('.order-status-tabs') as HTMLElement).getByText('待发货'));
    await waitFor(() => expect(urls(fetchMock)).toContain('/api/admin/orders?status=PAID&page=1&pageSize=20'));

    const search = document.querySelector('.order-search input') as HTMLInputElement;
    fireEvent.change(search, { target: { value: ' O202505010001 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(urls(fetchMock)).toContain('/api/admin/orders?status=PAID&q=O202505010001&page=1&pageSize=20'));
  });

  it('ships a paid order with carrier and tracking number', async () => {
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/orders': () => json(200, ORDERS),
      'POST /api/admin/orders/31/ship': () => json(200, { ...DETAIL, status: 'SHIPPED' }),
    });
    renderApp('/orders');
    await screen.findByText('O202505010001', undefined, FIRST);

    fireEvent.click(document.querySelector('.order-row .ship-button')!);
    await waitFor(() => expect(document.getElementById('ship_carrier')).not.toBeNull());

    fireEvent.click(document.querySelector('.ship-submit')!);
    expect(await screen.findByText('请选择快递公司')).toBeTruthy();
    expect(await screen.findByText('请输入快递单号')).toBeTruthy();

    fireEvent.mouseDown(document.getElementById('ship_carrier')!);
    fireEvent.click(await waitFor(() => document.querySelector('.ant-select-item-option[title="顺丰速运"]') as HTMLElement));
    fireEvent.change(document.getElementById('ship_trackingNo')!, { target: { value: ' SF1234567890 ' } });
    fireEvent.click(document.querySelector('.ship-submit')!);

    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/orders/31/ship')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/orders/31/ship')[0].body).toEqual({ carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/orders')).toHaveLength(2)); // refreshed
  });

  it('shows the server message when shipping fails', async () => {
    mockFetch({
      ...signIn(operator),
      'GET /api/admin/orders': () => json(200, ORDERS),
      'POST /api/admin/orders/31/ship': () => apiError(409, 'INVALID_STATE', '订单已退款，不能发货'),
    });
    renderApp('/orders');
    await screen.findByText('O202505010001', undefined, FIRST);

    fireEvent.click(document.querySelector('.order-row .ship-button')!);
    await waitFor(() => expect(document.getElementById('ship_carrier')).not.toBeNull());
    fireEvent.mouseDown(document.getElementById('ship_carrier')!);
    fireEvent.click(await waitFor(() => document.querySelector('.ant-select-item-option[title="EMS"]') as HTMLElement));
    fireEvent.change(document.getElementById('ship_trackingNo')!, { target: { value: 'E1' } });
    fireEvent.click(document.querySelector('.ship-submit')!);

    expect(await screen.findByText('订单已退款，不能发货')).toBeTruthy();
  });

  it('opens the detail drawer with lines, price breakdown, address and history', async () => {
    mockFetch({
      ...signIn(operator),
      'GET /api/admin/orders': () => json(200, ORDERS),
      'GET /api/admin/orders/31': () => json(200, DETAIL),
    });
    renderApp('/orders');
    await screen.findByText('O202505010001', undefined, FIRST);

    fireEvent.click(screen.getByText('O202505010001'));
    const drawer = within(await waitFor(() => document.querySelector('.order-detail-drawer') as HTMLElement));
    expect(await drawer.findByText('订单 O202505010001')).toBeTruthy();
    expect(drawer.getByText('苹果（规格：5斤）')).toBeTruthy();
    expect(drawer.getByText('会员价')).toBeTruthy();
    expect(drawer.getByText('-¥3.90')).toBeTruthy();
    expect(drawer.getByText('满 30 减 1')).toBeTruthy();
    expect(drawer.getByText('-¥4.90')).toBeTruthy(); // discount total
    expect(drawer.getByText('100 积分（-¥1.00）')).toBeTruthy();
    expect(drawer.getByText(/文三路 1 号/)).toBeTruthy();
    expect(drawer.getByText('请尽快发货')).toBeTruthy();
    expect(drawer.getByText(/微信支付/)).toBeTruthy();
    expect(drawer.getByText('已支付')).toBeTruthy();
    expect(document.querySelector('.ship-button-detail')).not.toBeNull();
  });
});
