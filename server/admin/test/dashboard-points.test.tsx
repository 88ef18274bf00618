import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch, renderApp, signIn } from './helpers';

const FIRST = { timeout: 30000 };
const staffOf = (role: 'owner' | 'operator' | 'finance') => ({ id: 7, username: `${role}1`, role });
const figures = { from: '2027-04-06', to: '2027-04-12', gmvCents: 0, paidCents: 0, refundedCents: 0, orders: 0, buyers: 0, avgOrderCents: 0, newCards: 0, cardRevenueCents: 0, paidMembers: 0, memberConversionBp: null };
const OVERVIEW = { ...figures, previous: { ...figures, from: '2027-03-30', to: '2027-04-05' }, series: [] };
const day = (d: string, over: Record<string, number>) => ({
  day: d, issued: 0, spent: 0, expired: 0, returned: 0, reversed: 0, adjustedOut: 0, checkedIn: 0, madeUp: 0, redemptions: 0, redemptionPoints: 0, redemptionCashCents: 0, ...over,
});
const REPORT = {
  from: '2027-04-11', to: '2027-04-12',
  issued: 12345, spent: 2300, expired: 100, returned: 40, reversed: 0, adjustedOut: 0, redemptions: 3, redemptionPoints: 900, redemptionCashCents: 1500,
  checkIn: { customers: 21, activeCustomers: 84, participationBp: 2500 },
  series: [day('2027-04-11', { issued: 12000, spent: 2000, checkedIn: 20, redemptions: 2, redemptionPoints: 600 }), day('2027-04-12', { issued: 345, spent: 300, expired: 100, checkedIn: 1, madeUp: 1, redemptions: 1, redemptionPoints: 300, redemptionCashCents: 1500 })],
};
const LIABILITY = { date: '2027-04-12', outstandingPoints: 98765, outstandingValueCents: 98765, owedPoints: 12, expiringByMonth: [{ month: '2027-12', points: 500, valueCents: 500 }] };
const calls = (fetchMock: ReturnType<typeof mockFetch>) => fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.includes('/reports/points'));

describe('dashboard: points section', { timeout: 60000 }, () => {
  it('shows the figures, the three daily charts and the liability, for the overview\'s range', async () => {
    const fetchMock = mockFetch({
      ...signIn(staffOf('finance')),
      'GET /api/admin/reports/overview': () => json(200, OVERVIEW),
      'GET /api/admin/reports/points': () => json(200, REPORT),
      'GET /api/admin/points/liability': () => json(200, LIABILITY),
    });
    renderApp('/');
    const section = () => document.querySelector('.points-section') as HTMLElement;
    await waitFor(() => expect(section()?.querySelector('.points-issued')?.textContent).toContain('12,345'), FIRST);
    expect(calls(fetchMock)).toEqual(['/api/admin/reports/points?from=2027-04-06&to=2027-04-12']);
    const text = (cls: string) => section().querySelector(`.${cls}`)!.textContent;
    expect(text('points-spent')).toContain('2,300');
    expect(text('points-expired')).toContain('100');
    expect(text('points-participation')).toContain('25%');
    expect(text('points-redemption-cash')).toContain('¥15.00');
    await waitFor(() => expect(within(section()).getByText('98,765')).toBeTruthy()); // the liability card of 积分规则
    expect(within(section()).getByText('2027-12')).toBeTruthy();
    for (const chart of ['points-flow-chart', 'points-checkin-chart', 'points-redemption-chart']) {
      await waitFor(() => expect(section().querySelector(`.${chart} svg`)).not.toBeNull());
      expect(section().querySelector(`.${chart} svg`)!.textContent).toContain('04-12');
    }
    expect(section().querySelector('.points-flow-chart svg')!.textContent).toContain('过期');
  });

  it('an operator, who has no overview, sees the default week', async () => {
    const fetchMock = mockFetch({ ...signIn(staffOf('operator')), 'GET /api/admin/reports/points': () => json(200, REPORT) });
    renderApp('/');
    await waitFor(() => expect(document.querySelector('.points-section .points-issued')?.textContent).toContain('12,345'), FIRST);
    expect(calls(fetchMock)).toEqual(['/api/admin/reports/points']);
  });

  it('says when the report fails', async () => {
    mockFetch({ ...signIn(staffOf('operator')), 'GET /api/admin/reports/points': () => apiError(500, 'INTERNAL_ERROR', '服务器开小差了') });
    renderApp('/');
    expect(await screen.findByText(/积分数据加载失败：服务器开小差了/, undefined, FIRST)).toBeTruthy();
  });
});
