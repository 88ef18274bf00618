import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeText } from '../src/pages/DashboardPage';
import { apiError, json, mockFetch, renderApp, signIn } from './helpers';

const FIRST = { timeout: 15000 };
const staffOf = (role: 'owner' | 'operator' | 'finance') => ({ id: 7, username: `${role}1`, role });

const figures = (over: Record<string, unknown>) => ({
  from: '2027-04-06', to: '2027-04-12', gmvCents: 0, paidCents: 0, refundedCents: 0, orders: 0, buyers: 0, avgOrderCents: 0,
  newCards: 0, cardRevenueCents: 0, paidMembers: 0, memberConversionBp: null, ...over,
});
const REPORT = {
  ...figures({ gmvCents: 1234567, paidCents: 1240367, refundedCents: 5800, orders: 321, buyers: 200, avgOrderCents: 3864, newCards: 12, paidMembers: 45, memberConversionBp: 1250 }),
  previous: figures({ from: '2027-03-30', to: '2027-04-05', gmvCents: 1000000, orders: 321, buyers: 0, paidMembers: 40, memberConversionBp: 1000 }),
  series: [
    { day: '2027-04-11', gmvCents: 1000000, paidCents: 1000000, refundedCents: 0, orders: 300, buyers: 190 },
    { day: '2027-04-12', gmvCents: 234567, paidCents: 240367, refundedCents: 5800, orders: 21, buyers: 10 },
  ],
};

const urls = (fetchMock: ReturnType<typeof mockFetch>) => fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.includes('overview'));

describe('dashboard', { timeout: 45000 }, () => {
  it('shows each figure with its change against the previous period, and the daily chart', async () => {
    mockFetch({ ...signIn(staffOf('finance')), 'GET /api/admin/reports/overview': () => json(200, REPORT) });
    renderApp('/');
    expect(await screen.findByText('¥12345.67', undefined, FIRST)).toBeTruthy();
    expect(screen.getByText('2027-04-06 至 2027-04-12，对比上期 2027-03-30 至 2027-04-05')).toBeTruthy();
    const change = (cls: string) => document.querySelector(`.overview-${cls}`)!.parentElement!.querySelector('.overview-change')!.textContent;
    expect(change('gmvCents')).toBe('较上期 +23.5%');
    expect(change('orders')).toBe('较上期 0.0%');
    expect(change('buyers')).toBe('较上期 —'); // nothing to compare with
    expect(screen.getByText('12.5%')).toBeTruthy();
    // the chart is drawn as SVG with a label per day
    await waitFor(() => expect(document.querySelector('.overview-chart svg')).not.toBeNull());
    expect(document.querySelector('.overview-chart svg')!.textContent).toContain('04-12');
  });

  it('asks for today and the last 30 days counted back from the store day the server answered', async () => {
    const fetchMock = mockFetch({ ...signIn(staffOf('owner')), 'GET /api/admin/reports/overview': () => json(200, REPORT) });
    renderApp('/');
    await screen.findByText('¥12345.67', undefined, FIRST);
    expect(urls(fetchMock)[0]).toBe('/api/admin/reports/overview');
    fireEvent.click(screen.getByText('今天'));
    await waitFor(() => expect(urls(fetchMock)).toContain('/api/admin/reports/overview?from=2027-04-12&to=2027-04-12'));
    fireEvent.click(screen.getByText('近 30 天'));
    await waitFor(() => expect(urls(fetchMock)).toContain('/api/admin/reports/overview?from=2027-03-14&to=2027-04-12'));
  });

  it('says when the report fails', async () => {
    mockFetch({ ...signIn(staffOf('owner')), 'GET /api/admin/reports/overview': () => apiError(500, 'INTERNAL_ERROR', '服务器开小差了') });
    renderApp('/');
    expect(await screen.findByText(/概览数据加载失败/, undefined, FIRST)).toBeTruthy();
  });

  it('does not ask an operator for reports', async () => {
    const fetchMock = mockFetch({ ...signIn(staffOf('operator')) });
    renderApp('/');
    expect(await screen.findByText('欢迎回来，operator1', undefined, FIRST)).toBeTruthy();
    expect(screen.queryByText('经营概览')).toBeNull();
    expect(urls(fetchMock)).toEqual([]);
  });

  it('computes the change in tenths of a percent', () => {
    expect(changeText(1234567, 1000000)).toBe('+23.5%');
    expect(changeText(900, 1000)).toBe('-10.0%');
    expect(changeText(5, 0)).toBe('—');
    expect(changeText(null, 3)).toBe('—');
    expect(changeText(-50, -100)).toBe('+50.0%');
  });
});
