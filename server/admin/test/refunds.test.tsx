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
    },
  ],
  total: 1,
};

const urls = (fetchMock: ReturnType<typeof mockFetch>) => fetchMock.mock.calls.map(([u]) => String(u));

async function openRefunds(routes: Parameters<typeof mockFetch>[0]) {
  const fetchMock = mockFetch({ ...signIn(finance), 'GET /api/admin/refunds': () => json(200, REFUNDS), ...routes });
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
});
