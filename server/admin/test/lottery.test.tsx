import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/LotteryPage';
import { callsTo, el, fill, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'ops', role: 'operator' as const };
const FIRST = { timeout: 15000 };
const PATH = '/api/admin/lottery';

const WHEEL = {
  costPoints: 10,
  dailyLimit: 3,
  prizes: [
    { id: 1, name: '5 积分', kind: 'POINTS', points: 5, weight: 40, stock: 100, drawn: 7 },
    { id: 2, name: '满 100 减 15 券', kind: 'COUPON', couponTemplateId: 9, weight: 8, stock: 20, drawn: 1 },
    { id: 3, name: '谢谢参与', kind: 'NONE', weight: 35, stock: 0, drawn: 12 },
  ],
};
const DRAW = { id: 31, customerId: 5, customerNickname: '小林', prizeName: '5 积分', kind: 'POINTS', points: 5, couponId: null, costPoints: 10, createdAt: '2027-03-10T02:00:00.000Z' };
const input = (id: string) => document.getElementById(id) as HTMLInputElement | null;
const submit = () => fireEvent.click(document.querySelector('.lottery-submit')!);

async function openPage() {
  const fetchMock = mockFetch({
    ...signIn(operator),
    [`GET ${PATH}`]: () => json(200, WHEEL),
    [`PUT ${PATH}`]: (init) => json(200, JSON.parse(String(init.body))),
    [`GET ${PATH}/draws`]: () => json(200, { items: [DRAW], total: 1 }),
    'GET /api/admin/coupon-templates': () => json(200, { items: [{ id: 9, title: '满 100 减 15' }], total: 1 }),
  });
  renderApp('/lottery');
  await waitFor(() => expect(input('lottery_costPoints')).not.toBeNull(), FIRST);
  return fetchMock;
}

describe('积分抽奖 page', { timeout: 45000 }, () => {
  it('shows the wheel and the recent draws, and saves what staff typed as integers', async () => {
    const fetchMock = await openPage();
    expect([input('lottery_costPoints')!.value, input('lottery_dailyLimit')!.value]).toEqual(['10', '3']);
    expect(input('lottery_prizes_0_points')!.value).toBe('5');
    expect(input('lottery_prizes_2_points')).toBeNull(); // 谢谢参与 has no points
    expect(screen.getByText('已抽中 7')).toBeTruthy();
    expect((await el('.lottery-draws')).textContent).toContain('小林 (#5)');

    fill('lottery_costPoints', '20');
    fill('lottery_prizes_1_stock', '5');
    submit();
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', PATH)).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', PATH)[0].body).toEqual({
      costPoints: 20,
      dailyLimit: 3,
      prizes: [
        { name: '5 积分', kind: 'POINTS', points: 5, weight: 40, stock: 100 },
        { name: '满 100 减 15 券', kind: 'COUPON', couponTemplateId: 9, weight: 8, stock: 5 },
        { name: '谢谢参与', kind: 'NONE', weight: 35, stock: 0 },
      ],
    });
    expect(await screen.findByText('积分抽奖已保存')).toBeTruthy();
  });

  it('refuses out-of-range values with the field message and keeps what was typed; nothing is sent', async () => {
    const fetchMock = await openPage();
    fill('lottery_dailyLimit', '101');
    fill('lottery_prizes_0_weight', '-1');
    submit();
    expect(await screen.findByText('每日次数须为 1 到 100 之间的整数')).toBeTruthy();
    expect(await screen.findByText('权重须为 0 到 1000000 之间的整数')).toBeTruthy();
    expect(input('lottery_dailyLimit')!.value).toBe('101');
    expect(input('lottery_prizes_0_weight')!.value).toBe('-1');
    expect(callsTo(fetchMock, 'PUT', PATH)).toHaveLength(0);
  });
});
