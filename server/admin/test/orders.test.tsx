import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../src/pages/OrdersPage';
import { apiError, callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'op1', role: 'operator' as const };
const FIRST = { timeout: 15000 };

const line = (title: string, qty: number) => ({ title, coverUrl: '', specs: {}, qty, unitPriceCents: 990 });
const ORDERS = {
  items: [
    { id: 31, orderNo: 'O202505010001', kind: 'GOODS', status: 'PAID', payableCents: 2980, itemCount: 3, createdAt: '2025-05-01T10:00:00+08:00', expiresAt: null, lines: [line('苹果', 2), line('香蕉', 1)], customerId: 7,
      customer: { id: 7, nickname: '爱丽丝', phoneTail: '8000', member: true }, openRefund: null },
    { id: 32, orderNo: 'O202505010002', kind: 'GOODS', status: 'COMPLETED', payableCents: 990, itemCount: 1, createdAt: '2025-05-01T11:00:00+08:00', expiresAt: null, lines: [line('梨', 1)], customerId: 8,
      customer: { id: 8, nickname: '', phoneTail: null, member: false }, openRefund: null },
  ],
  total: 2,
};

const DETAIL = {
  ...ORDERS.items[0],
  customer: ORDERS.items[0].customer,
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

  it('names the customer: nickname (or 顾客 #id), phone tail, member or not', async () => {
    mockFetch({ ...signIn(operator), 'GET /api/admin/orders': () => json(200, ORDERS), 'GET /api/admin/orders/31': () => json(200, { ...DETAIL, customer: ORDERS.items[0].customer }) });
    renderApp('/orders');
    await screen.findByText('O202505010001', undefined, FIRST);
    const [first, second] = [...document.querySelectorAll('.order-row')].map((r) => within(r as HTMLElement));
    expect(first.getByText('爱丽丝')).toBeTruthy();
    expect(first.getByText('尾号 8000')).toBeTruthy();
    expect(first.getByText('会员')).toBeTruthy();
    expect(second.getByText('顾客 #8')).toBeTruthy();
    expect(second.getByText('非会员')).toBeTruthy();
    expect(screen.queryByText('客户 ID')).toBeNull();

    fireEvent.click(screen.getByText('O202505010001'));
    const drawer = within(await waitFor(() => document.querySelector('.order-detail-drawer') as HTMLElement));
    expect(await drawer.findByText('爱丽丝')).toBeTruthy();
    expect(drawer.getByText('尾号 8000')).toBeTruthy();
  });

  it('warns before shipping an order with a pending refund, and ships when staff go on', async () => {
    const pending = { items: [{ ...ORDERS.items[0], openRefund: { id: 41, status: 'REQUESTED' } }], total: 1 };
    const fetchMock = mockFetch({
      ...signIn(operator),
      'GET /api/admin/orders': () => json(200, pending),
      'POST /api/admin/orders/31/ship': () => json(200, { ...DETAIL, status: 'SHIPPED' }),
    });
    renderApp('/orders');
    await screen.findByText('O202505010001', undefined, FIRST);
    expect(within(document.querySelector('.order-row') as HTMLElement).getByText('退款审核中')).toBeTruthy();

    fireEvent.click(document.querySelector('.order-row .ship-button')!);
    const warning = await waitFor(() => document.querySelector('.ship-refund-warning') as HTMLElement);
    expect(warning.textContent).toContain('该订单有退款正在处理（退款审核中）');
    expect(document.querySelector('.ship-submit')!.textContent).toBe('仍要发货');
    fireEvent.mouseDown(document.getElementById('ship_carrier')!);
    fireEvent.click(await waitFor(() => document.querySelector('.ant-select-item-option[title="EMS"]') as HTMLElement));
    fireEvent.change(document.getElementById('ship_trackingNo')!, { target: { value: 'E1' } });
    fireEvent.click(document.querySelector('.ship-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/orders/31/ship')).toHaveLength(1));
  });

  it('ships without a warning when no refund is pending', async () => {
    mockFetch({ ...signIn(operator), 'GET /api/admin/orders': () => json(200, ORDERS) });
    renderApp('/orders');
    await screen.findByText('O202505010001', undefined, FIRST);
    fireEvent.click(document.querySelector('.order-row .ship-button')!);
    await waitFor(() => expect(document.getElementById('ship_carrier')).not.toBeNull());
    expect(document.querySelector('.ship-refund-warning')).toBeNull();
    expect(document.querySelector('.ship-submit')!.textContent).toBe('确认发货');
  });

  describe('export', () => {
    afterEach(() => vi.restoreAllMocks());

    it('downloads the filtered orders as xlsx under the server’s file name', async () => {
      const saved: string[] = [];
      Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:orders'), revokeObjectURL: vi.fn() });
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push(`${this.href} ${this.download}`);
      });
      const fetchMock = mockFetch({
        ...signIn(operator),
        'GET /api/admin/orders': () => json(200, ORDERS),
        'GET /api/admin/orders/export': () =>
          new Response(new Uint8Array([80, 75, 3, 4]), {
            status: 200,
            headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="orders-20250501.xlsx"; filename*=UTF-8''${encodeURIComponent('订单导出-20250501.xlsx')}` },
          }),
      });
      renderApp('/orders');
      await screen.findByText('O202505010001', undefined, FIRST);
      fireEvent.click(within(document.querySelector('.order-status-tabs') as HTMLElement).getByText('待发货'));
      await waitFor(() => expect(urls(fetchMock)).toContain('/api/admin/orders?status=PAID&page=1&pageSize=20'));

      fireEvent.click(document.querySelector('.order-export')!);
      await waitFor(() => expect(saved).toEqual(['blob:orders 订单导出-20250501.xlsx']));
      const exportCall = fetchMock.mock.calls.find(([u]) => String(u).startsWith('/api/admin/orders/export'))!;
      expect(String(exportCall[0])).toBe('/api/admin/orders/export?status=PAID');
      expect((exportCall[1]?.headers as Record<string, string>).Authorization).toBe('Bearer test-token');
    });

    it('says why an export failed', async () => {
      mockFetch({
        ...signIn(operator),
        'GET /api/admin/orders': () => json(200, ORDERS),
        'GET /api/admin/orders/export': () => apiError(409, 'LIMIT_EXCEEDED', '一次最多导出 10000 个订单，当前筛选出 12000 个，请缩小时间范围'),
      });
      renderApp('/orders');
      await screen.findByText('O202505010001', undefined, FIRST);
      fireEvent.click(document.querySelector('.order-export')!);
      expect(await screen.findByText('一次最多导出 10000 个订单，当前筛选出 12000 个，请缩小时间范围')).toBeTruthy();
    });
  });

  it('shows the counts of orders to ship and refunds to review in the menu', async () => {
    mockFetch({
      ...signIn({ id: 1, username: 'boss', role: 'owner' }),
      'GET /api/admin/orders': () => json(200, ORDERS),
      'GET /api/admin/badges': () => json(200, { ordersToShip: 3, refundsToReview: 120 }),
    });
    renderApp('/orders');
    await screen.findByText('O202505010001', undefined, FIRST);
    await waitFor(() => expect(document.querySelector('.nav-badge-orders')?.textContent).toBe('3'));
    expect(document.querySelector('.nav-badge-refunds')?.textContent).toBe('99+');
    expect(document.querySelector('.nav-badge-group-orders')?.textContent).toBe('99+'); // the group, closed or open, says there is work inside
  });
});
