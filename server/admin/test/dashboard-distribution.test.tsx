import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch, renderApp, signIn } from './helpers';

const FIRST = { timeout: 30000 };
const staffOf = (role: 'owner' | 'operator' | 'finance') => ({ id: 7, username: `${role}1`, role });
const figures = { from: '2027-04-06', to: '2027-04-12', gmvCents: 0, paidCents: 0, refundedCents: 0, orders: 0, buyers: 0, avgOrderCents: 0, newCards: 0, cardRevenueCents: 0, paidMembers: 0, memberConversionBp: null };
const OVERVIEW = { ...figures, previous: { ...figures, from: '2027-03-30', to: '2027-04-05' }, series: [] };
const top = (rank: number, nickname: string, isGuide: boolean, paidCents: number) => ({
  rank, distributorId: rank * 10, nickname, refCode: `REF00${rank}`, isGuide, orders: rank + 1, paidCents, commissionCents: paidCents / 10, boundCustomers: 3,
});
const REPORT = {
  from: '2027-04-06', to: '2027-04-12',
  sales: { totalCents: 3240000, distributorCents: 2660000, guideCents: 1500000, distributorBp: 8209, guideBp: 4629 },
  funnel: { visits: 60, visitors: 50, bound: 40, buyers: 30 },
  top: [top(1, '小美', true, 1500000), top(2, '阿强', false, 1000000)],
  commission: { pendingCents: 50000, settledCents: 150000, withdrawnCents: 50000 },
  acquisition: { customers: 20, commissionCents: 200000, costPerCustomerCents: 10000 },
};

describe('dashboard: distribution section', { timeout: 60000 }, () => {
  it('shows the sales share, funnel, commission, cost per acquired customer and the top ten for the overview\'s range', async () => {
    const fetchMock = mockFetch({
      ...signIn(staffOf('owner')),
      'GET /api/admin/reports/overview': () => json(200, OVERVIEW),
      'GET /api/admin/reports/distribution': () => json(200, REPORT),
    });
    renderApp('/');
    const section = () => document.querySelector('.distribution-section') as HTMLElement;
    await waitFor(() => expect(section()?.querySelector('.distribution-share')?.textContent).toContain('82.09%'), FIRST);
    expect(fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.includes('/reports/distribution'))).toEqual(['/api/admin/reports/distribution?from=2027-04-06&to=2027-04-12']);
    const text = (cls: string) => section().querySelector(`.${cls}`)!.textContent;
    expect(text('distribution-total')).toContain('¥32400.00');
    expect(text('distribution-guide-share')).toContain('46.29%');
    expect(text('distribution-pending')).toContain('¥500.00');
    expect(text('distribution-settled')).toContain('¥1500.00');
    expect(text('distribution-withdrawn')).toContain('¥500.00');
    expect(text('distribution-acquired')).toContain('20');
    expect(text('distribution-cost')).toContain('¥100.00');
    expect(text('distribution-visits')).toContain('60');
    const rows = section().querySelectorAll('.distribution-top tbody tr');
    expect([...rows].map((r) => r.textContent)).toEqual(['1小美 导购REF0012¥15000.00¥1500.003', '2阿强 REF0023¥10000.00¥1000.003']);
    await waitFor(() => expect(section().querySelector('.distribution-sales-chart svg')).not.toBeNull());
    expect(section().querySelector('.distribution-sales-chart svg')!.textContent).toContain('导购');
    await waitFor(() => expect(section().querySelector('.distribution-funnel-chart svg')?.textContent).toContain('下单客户 30'));
    expect(section().querySelector('.distribution-funnel-chart svg')!.textContent).toContain('访问人数 50');
  });

  it('answers an empty range with dashes and an empty table', async () => {
    const empty = { ...REPORT, sales: { totalCents: 0, distributorCents: 0, guideCents: 0, distributorBp: null, guideBp: null }, top: [], acquisition: { customers: 0, commissionCents: 0, costPerCustomerCents: null } };
    mockFetch({ ...signIn(staffOf('operator')), 'GET /api/admin/reports/distribution': () => json(200, empty) });
    renderApp('/');
    // the figures are shown once the answer is in (before that they are loading skeletons)
    await waitFor(() => expect(document.querySelector('.distribution-section .distribution-total')?.textContent).toContain('¥0.00'), FIRST);
    const section = document.querySelector('.distribution-section')!;
    expect(screen.getByText('本期没有分销成交')).toBeTruthy();
    expect(section.querySelector('.distribution-share')!.textContent).toContain('—');
    expect(section.querySelector('.distribution-cost')!.textContent).toContain('—');
  });

  it('says when the report fails', async () => {
    mockFetch({ ...signIn(staffOf('finance')), 'GET /api/admin/reports/overview': () => json(200, OVERVIEW), 'GET /api/admin/reports/distribution': () => apiError(500, 'INTERNAL_ERROR', '服务器开小差了') });
    renderApp('/');
    expect(await screen.findByText(/分销数据加载失败：服务器开小差了/, undefined, FIRST)).toBeTruthy();
  });
});
