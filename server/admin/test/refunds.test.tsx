import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../src/pages/RefundsPage';
import { apiError, callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const finance = { id: 3, username: 'fin1', role: 'finance' as const };
const FIRST = { timeout: 15000 };

const REFUNDS = {
  items: [
    {
      id: 41, refundNo: 'R202505020001', orderId: 31, orderNo: 'O202505010001', customerId: 7, status: 'REQUESTED', amountCents: 1940,
      reason: '苹果坏了', lines: [{ orderLineId: 1, qty: 2, amountCents: 1940 }], reviewNote: null, createdAt: '2025-05-02T09:00:00+08:00', refundedAt: null,
      returnRequired: false, returnShipment: null, returnReceivedAt: null, payoutError: null,
    },
  ],
  total: 1,
};

const urls = (fetchMock: ReturnType<typeof mockFetch>) => fetchMock.mock.calls.map(([u]) => String(u));

async function openRefunds(routes: Parameters<typeof mockFetch>[0], refunds: { items: object[]; total: number } = REFUNDS) {
  const fetchMock = mockFetch({ ...signIn(finance), 'GET /api/admin/refunds': () => json(200, refunds), ...routes });
  renderApp('/refunds');
  expect(await screen.findByText('R202505020001', undefined, FIRST)).toBeTruthy();
  return fetchMock;
}

describe('refunds page', { timeout: 45000 }, () => {
  it('lists requested refunds first and switches status', async () => {
    const fetchMock = await openRefunds({});
    expect(urls(fetchMock)).toContain('/api/admin/refunds?status=REQUESTED&page=1&pageSize=20');
    const row = within(document.querySelector('.refund-row') as HTMLElement);
    expect(row.getByText('O202505010001')).toBeTruthy();
    expect(row.getByText('¥19.40')).toBeTruthy();
    expect(row.getByText('苹果坏了')).toBeTruthy();
    expect(row.getByText('商品行 #1 ×2（¥19.40）')).toBeTruthy();
    expect(row.getByText('退款审核中')).toBeTruthy();

    fireEvent.click(within(document.querySelector('.refund-status-tabs') as HTMLElement).getByText('已拒绝'));
    await waitFor(() => expect(urls(fetchMock)).toContain('/api/admin/refunds?status=REJECTED&page=1&pageSize=20'));
  });

  it('approves with an optional note and refreshes', async () => {
    const fetchMock = await openRefunds({ 'POST /api/admin/refunds/41/approve': () => json(200, { ...REFUNDS.items[0], status: 'APPROVED' }) });

    fireEvent.click(document.querySelector('.refund-approve')!);
    fireEvent.click(await waitFor(() => document.querySelector('.refund-approve-submit') as HTMLElement));

    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/refunds/41/approve')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/refunds/41/approve')[0].body).toEqual({});
    expect(callsTo(fetchMock, 'POST', '/api/admin/refunds/41/reject')).toHaveLength(0);
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/refunds')).toHaveLength(2));
  });

  it('rejects only with a note', async () => {
    const fetchMock = await openRefunds({ 'POST /api/admin/refunds/41/reject': () => json(200, { ...REFUNDS.items[0], status: 'REJECTED' }) });

    fireEvent.click(document.querySelector('.refund-reject')!);
    fireEvent.click(await waitFor(() => document.querySelector('.refund-reject-submit') as HTMLElement));
    expect(await screen.findByText('请填写拒绝理由')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/refunds/41/reject')).toHaveLength(0);

    fireEvent.change(document.getElementById('review_note')!, { target: { value: ' 已超过售后期 ' } });
    fireEvent.click(document.querySelector('.refund-reject-submit')!);

    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/refunds/41/reject')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/refunds/41/reject')[0].body).toEqual({ note: '已超过售后期' });
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/refunds')).toHaveLength(2));
  });

  it('shows the server message when approving fails', async () => {
    await openRefunds({ 'POST /api/admin/refunds/41/approve': () => apiError(409, 'INVALID_STATE', '退款已处理') });

    fireEvent.click(document.querySelector('.refund-approve')!);
    fireEvent.change(await waitFor(() => document.getElementById('review_note')!), { target: { value: '同意' } });
    fireEvent.click(document.querySelector('.refund-approve-submit')!);

    expect(await screen.findByText('退款已处理')).toBeTruthy();
  });

  const one = (changes: object) => ({ items: [{ ...REFUNDS.items[0], ...changes }], total: 1 });

  it('waits for the parcel, then confirms the returned goods with the tracking number shown', async () => {
    const parcel = { carrier: '中通', trackingNo: 'ZT300', shippedAt: '2025-05-03T09:00:00+08:00' };
    const fetchMock = await openRefunds(
      { 'POST /api/admin/refunds/41/receive': () => json(200, { ...REFUNDS.items[0], status: 'APPROVED', returnShipment: parcel }) },
      one({ status: 'RETURN_SHIPPED', returnRequired: true, returnShipment: parcel }),
    );
    const row = within(document.querySelector('.refund-row') as HTMLElement);
    expect(row.getByText('退货待签收')).toBeTruthy();
    expect(row.getByText('退货：中通 ZT300')).toBeTruthy();
    expect(document.querySelector('.refund-approve')).toBeNull();

    fireEvent.click(document.querySelector('.refund-receive')!);
    const modal = await screen.findByText('确认收到退货');
    expect(modal).toBeTruthy();
    expect(screen.getByText(/退货物流：中通 ZT300/)).toBeTruthy();
    fireEvent.click(document.querySelector('.refund-receive-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/refunds/41/receive')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/refunds/41/receive')[0].body).toEqual({});
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/refunds')).toHaveLength(2));
  });

  it('offers only 拒绝 while the customer has not sent the goods back', async () => {
    await openRefunds({}, one({ status: 'AWAITING_RETURN', returnRequired: true }));
    const row = within(document.querySelector('.refund-row') as HTMLElement);
    expect(row.getAllByText('待寄回商品').length).toBeGreaterThan(0);
    expect(row.getByText('等待顾客寄回')).toBeTruthy();
    expect(document.querySelector('.refund-receive')).toBeNull();
    expect(document.querySelector('.refund-approve')).toBeNull();
    expect(document.querySelector('.refund-reject')).toBeTruthy();
  });

  it('shows a refund WeChat refused with its reason, and retries it after confirming', async () => {
    const failed = one({ status: 'APPROVED', payoutError: { message: '基本账户余额不足，请充值后重新发起（NOT_ENOUGH）', at: '2025-05-03T10:00:00+08:00' } });
    const fetchMock = await openRefunds({ 'POST /api/admin/refunds/41/retry': () => json(200, { ...REFUNDS.items[0], status: 'REFUNDED' }) }, failed);
    const row = within(document.querySelector('.refund-row') as HTMLElement);
    expect(row.getByText('退款失败')).toBeTruthy();
    expect(row.getByText(/基本账户余额不足，请充值后重新发起（NOT_ENOUGH）/)).toBeTruthy();

    fireEvent.click(document.querySelector('.refund-retry')!);
    expect(await screen.findByText(/退款单号不变，不会重复退款/)).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/refunds/41/retry')).toHaveLength(0);
    fireEvent.click(document.querySelector('.refund-retry-confirm')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/refunds/41/retry')).toHaveLength(1));
    expect(await screen.findByText('退款已完成')).toBeTruthy();
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/refunds')).toHaveLength(2));
  });
});
