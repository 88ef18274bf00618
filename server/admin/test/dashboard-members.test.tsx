import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { upliftText } from '../src/pages/dashboard/MemberSections';
import { apiError, json, mockFetch, renderApp, signIn } from './helpers';

const FIRST = { timeout: 15000 };
const finance = { id: 7, username: 'finance1', role: 'finance' as const };

const figures = { from: '2027-04-06', to: '2027-04-12', gmvCents: 0, paidCents: 0, refundedCents: 0, orders: 0, buyers: 0, avgOrderCents: 0, newCards: 0, cardRevenueCents: 0, paidMembers: 0, memberConversionBp: null };
const OVERVIEW = { ...figures, previous: { ...figures, from: '2027-03-30', to: '2027-04-05' }, series: [] };

const side = (over: Record<string, unknown>) => ({ orders: 0, customers: 0, paidCents: 0, refundedCents: 0, gmvCents: 0, avgOrderCents: 0, ordersPerCustomerBp: null, gmvShareBp: null, ...over });
const windows = (rates: [number, number][]) => rates.map(([customers, repurchased], i) => ({ days: [30, 60, 90][i], customers, repurchased, rateBp: Math.floor((repurchased * 10000) / customers) }));
const MEMBERS = {
  from: '2027-04-06',
  to: '2027-04-12',
  member: side({ orders: 2, customers: 1, paidCents: 30000, gmvCents: 30000, avgOrderCents: 15000, ordersPerCustomerBp: 20000, gmvShareBp: 6000 }),
  nonMember: side({ orders: 3, customers: 3, paidCents: 30000, refundedCents: 10000, gmvCents: 20000, avgOrderCents: 10000, ordersPerCustomerBp: 10000, gmvShareBp: 4000 }),
  repurchase: { member: windows([[1, 1], [1, 1], [1, 1]]), nonMember: windows([[3, 1], [3, 1], [2, 1]]) },
  cards: {
    from: '2027-04-05T16:00:00.000Z', to: '2027-04-12T16:00:00.000Z', buyers: 4, buyersWhoBoughtCard: 1, conversionBp: 2500,
    cardSalesByPlan: [{ planId: 1, name: '月卡', count: 2, amountCents: 3980 }, { planId: 2, name: '年卡', count: 1, amountCents: 16800 }],
    renewals: 1, renewalCents: 1990, fastRefunds: 1, fastRefundCents: 1990,
  },
};
const COHORTS = {
  months: ['2027-02', '2027-03', '2027-04'],
  cohorts: [
    { month: '2027-02', customers: 3, retainedBp: [10000, 3333, 0], ltvCents: [13996, 17993, 17993] },
    { month: '2027-03', customers: 0, retainedBp: [0, 0], ltvCents: [0, 0] },
    { month: '2027-04', customers: 1, retainedBp: [10000], ltvCents: [11990] },
  ],
  ltv: [
    { offset: 0, members: 2, memberLtvCents: 21990, nonMembers: 2, nonMemberLtvCents: 5000 },
    { offset: 1, members: 2, memberLtvCents: 26985, nonMembers: 2, nonMemberLtvCents: 10000 },
    { offset: 2, members: 1, memberLtvCents: 45970, nonMembers: 0, nonMemberLtvCents: null },
  ],
};
const occurrence = (date: string, upliftBp: number | null) => ({
  memberDayId: 1, name: '每月 7 号会员日', date, startsAt: `${date}T00:00:00.000+08:00`, endsAt: `${date}T23:59:59.000+08:00`,
  orders: 3, gmvCents: 30000, payingMembers: 1, newCards: 2, convertedCustomers: 1, baselineDailyGmvCents: 10000, upliftBp,
});
const MEMBER_DAYS = { items: [occurrence('2027-04-07', 20000), occurrence('2027-03-07', -1250)], total: 2 };

const routes = (over: Record<string, () => Response> = {}) => ({
  ...signIn(finance),
  'GET /api/admin/reports/overview': () => json(200, OVERVIEW),
  'GET /api/admin/reports/members': () => json(200, MEMBERS),
  'GET /api/admin/reports/cohorts': () => json(200, COHORTS),
  'GET /api/admin/reports/member-days': () => json(200, MEMBER_DAYS),
  ...over,
});
const svgText = async (cls: string) => {
  await waitFor(() => expect(document.querySelector(`.${cls} svg`)).not.toBeNull());
  return document.querySelector(`.${cls} svg`)!.textContent;
};

describe('dashboard member sections', { timeout: 90000 }, () => {
  it('asks for the overview range and shows members against the rest, repurchase, cards, cohorts and member days', async () => {
    const fetchMock = mockFetch(routes());
    renderApp('/');
    expect(await screen.findByText('会员与非会员', undefined, FIRST)).toBeTruthy();
    // the members report follows the overview's range (the server's answer: its default last 7 days)
    const urls = () => fetchMock.mock.calls.map(([u]) => String(u));
    await waitFor(() => expect(urls()).toContain('/api/admin/reports/members?from=2027-04-06&to=2027-04-12'));
    expect(urls()).toEqual(expect.arrayContaining(['/api/admin/reports/cohorts?months=12', '/api/admin/reports/member-days?count=6']));

    // the figures table: order value, orders per customer, GMV share
    const rows = await waitFor(() => {
      const found = [...document.querySelectorAll('.members-table tbody tr.ant-table-row')].map((tr) => tr.textContent);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(rows[0]).toBe('会员21¥150.002¥300.0060%');
    expect(rows[1]).toBe('非会员33¥100.001¥200.0040%');
    expect(await svgText('members-compare-chart')).toContain('150');
    const repurchase = await svgText('members-repurchase-chart');
    expect(repurchase).toContain('90 天内');
    expect(repurchase).toContain('33.33%');

    // cards: conversion, renewals, fast refunds, and a pie by plan
    expect(document.querySelector('.cards-conversion')!.textContent).toContain('25%');
    expect(document.querySelector('.cards-renewals')!.textContent).toContain('1 张 · ¥19.90');
    expect(document.querySelector('.cards-fast-refunds')!.textContent).toContain('1 张 · ¥19.90');
    expect(await svgText('cards-plan-chart')).toContain('年卡（1 张） ¥168.00');

    // the cohort triangle: a cell per month reached so far, '—' for a cohort of nobody
    const cohortRows = [...document.querySelectorAll('.cohort-table tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cohortRows).toEqual([
      ['2027-02', '3', '33.33%', '0%'],
      ['2027-03', '0', '—', ''],
      ['2027-04', '1', '', ''],
    ]);
    expect(await svgText('cohort-ltv-chart')).toContain('非会员 LTV');

    // member days, oldest first, with the uplift on each bar
    const uplift = await svgText('member-day-chart');
    expect(uplift.indexOf('03-07')).toBeLessThan(uplift.indexOf('04-07'));
    expect(uplift).toContain('200%');
    expect(uplift).toContain('-12.5%');
  });

  it('says which member report failed and shows the rest', async () => {
    mockFetch(routes({ 'GET /api/admin/reports/cohorts': () => apiError(500, 'INTERNAL_ERROR', '服务器开小差了') }));
    renderApp('/');
    expect(await screen.findByText('留存加载失败：服务器开小差了', undefined, FIRST)).toBeTruthy();
    expect(await screen.findByText('会员与非会员')).toBeTruthy();
    await svgText('member-day-chart');
  });

  it('writes an uplift with its sign', () => {
    expect(upliftText(20000)).toBe('+200%');
    expect(upliftText(-1250)).toBe('-12.5%');
    expect(upliftText(null)).toBe('—');
  });
});
