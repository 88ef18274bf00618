import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionLabel, changeLines } from '../src/pages/AuditLogPage';
import { json, mockFetch, renderApp, signIn } from './helpers';

const owner = { id: 1, username: 'admin', role: 'owner' as const };
const FIRST = { timeout: 15000 };

const ENTRIES = {
  items: [
    {
      id: 9, staffId: 1, staffName: 'admin', action: 'tier.update', targetType: 'tier', targetId: '4',
      before: { name: '金卡', growthThreshold: 77777 }, after: { name: '金卡', growthThreshold: 88888 }, createdAt: '2027-03-01T16:30:00.000Z',
    },
    { id: 8, staffId: null, staffName: null, action: 'refund.approve', targetType: 'refund', targetId: '12', before: { status: 'REQUESTED' }, after: { status: 'APPROVED' }, createdAt: '2027-03-01T15:30:00.000Z' },
    { id: 7, staffId: 1, staffName: 'admin', action: 'tier.create', targetType: 'tier', targetId: '4', before: null, after: { name: '金卡' }, createdAt: '2027-03-01T15:00:00.000Z' },
  ],
  total: 3,
};

const urls = (fetchMock: ReturnType<typeof mockFetch>) => fetchMock.mock.calls.map(([u]) => String(u));

describe('audit log page', { timeout: 45000 }, () => {
  it('lists who changed what, naming the changed fields before → after', async () => {
    mockFetch({ ...signIn(owner), 'GET /api/admin/audit-log': () => json(200, ENTRIES) });
    renderApp('/audit-log');
    expect(await screen.findByText('growthThreshold: 77777 → 88888', undefined, FIRST)).toBeTruthy();
    const rows = [...document.querySelectorAll('.audit-row')] as HTMLElement[];
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByText('会员等级 · 修改')).toBeTruthy();
    expect(within(rows[0]).queryByText(/^name:/)).toBeNull();
    expect(within(rows[1]).getByText('系统')).toBeTruthy();
    expect(within(rows[1]).getByText('status: REQUESTED → APPROVED')).toBeTruthy();
    expect(within(rows[2]).getByText('新建：{"name":"金卡"}')).toBeTruthy();
    expect(screen.getByText('共 3 条')).toBeTruthy();
  });

  it('searches by target id and restarts at page 1', async () => {
    const fetchMock = mockFetch({ ...signIn(owner), 'GET /api/admin/audit-log': () => json(200, ENTRIES) });
    renderApp('/audit-log');
    await screen.findByText('growthThreshold: 77777 → 88888', undefined, FIRST);
    const box = document.querySelector('.audit-target input') as HTMLInputElement;
    fireEvent.change(box, { target: { value: ' 12 ' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(urls(fetchMock)).toContain('/api/admin/audit-log?targetId=12&page=1&pageSize=20'));
  });

  it('says actions and changes in words', () => {
    expect(actionLabel('refund.reject')).toBe('退款 · 拒绝');
    expect(actionLabel('coupon.grant')).toBe('coupon · grant');
    expect(changeLines({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3], c: 'x' })).toEqual(['b: [1,2] → [1,3]', 'c: — → x']);
    expect(changeLines({ a: 1 }, { a: 1 })).toEqual(['（无字段变化）']);
    expect(changeLines(3, 4)).toEqual(['3 → 4']);
  });
});
