import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/PointsRulesPage';
import { bpText, expirySentence, parsePercentBp } from '../src/pages/points/rules';
import { apiError, callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'ops', role: 'operator' as const };
const FIRST = { timeout: 15000 };

const RULES = { pointsValueCentsPer100: 100, pointsMaxSpendBp: 5000, pointsPerYuanEarned: 1, pointsEarnOn: 'COMPLETION', pointsExpiryYears: 1, birthdayGiftPoints: 200 };
const MONTHS = ['2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10', '2027-11'];
const LIABILITY = {
  date: '2026-12-05',
  outstandingPoints: 123456,
  outstandingValueCents: 123456,
  owedPoints: 80,
  expiringByMonth: MONTHS.map((month) => ({ month, points: month === '2026-12' ? 4500 : 0, valueCents: month === '2026-12' ? 4500 : 0 })),
};

const input = (id: string) => document.getElementById(id) as HTMLInputElement | null;
const fill = (id: string, value: string) => fireEvent.change(input(id)!, { target: { value } });
const submit = () => fireEvent.click(document.querySelector('.points-rules-submit')!);
const sentence = () => document.querySelector('.points-expiry-sentence')?.textContent;

async function openPage(routes: Parameters<typeof mockFetch>[0] = {}) {
  const fetchMock = mockFetch({
    ...signIn(operator),
    'GET /api/admin/points-rules': () => json(200, RULES),
    'PUT /api/admin/points-rules': (init) => json(200, JSON.parse(String(init.body))),
    'GET /api/admin/points/liability': () => json(200, LIABILITY),
    ...routes,
  });
  renderApp('/points-rules');
  await waitFor(() => expect(input('pointsRules_pointsPerYuanEarned')).not.toBeNull(), FIRST);
  return fetchMock;
}

describe('积分规则 page', { timeout: 45000 }, () => {
  it('shows the saved rules and the liability (outstanding, cash value, owed, the next 12 months); saves what was typed', async () => {
    const fetchMock = await openPage();
    expect(input('pointsRules_pointsPerYuanEarned')!.value).toBe('1');
    expect(input('pointsRules_pointsMaxSpendPercent')!.value).toBe('50');
    expect(input('pointsRules_pointsExpiryYears')!.value).toBe('1');
    expect(input('pointsRules_birthdayGiftPoints')!.value).toBe('200');
    expect(screen.getByText('100 积分抵 1.00 元')).toBeTruthy();
    expect((screen.getByLabelText('订单完成后发放') as HTMLInputElement).checked).toBe(true);

    await waitFor(() => expect(sentence()).toBe('今天获得的积分将于 2027-12-31 过期'));
    const card = document.querySelector('.points-liability') as HTMLElement;
    expect(within(card).getByText('123,456')).toBeTruthy();
    expect(within(card).getByText('¥1234.56')).toBeTruthy();
    expect(within(card).getByText('80')).toBeTruthy();
    const rows = [...card.querySelectorAll('.liability-months tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual(['2026-12', '4,500', '¥45.00']);
    expect(rows[11]).toEqual(['2027-11', '0', '¥0.00']);

    fill('pointsRules_pointsPerYuanEarned', '2');
    fill('pointsRules_pointsMaxSpendPercent', '12.5');
    fill('pointsRules_pointsExpiryYears', '0');
    await waitFor(() => expect(sentence()).toBe('积分永不过期'));
    fill('pointsRules_pointsExpiryYears', '2');
    await waitFor(() => expect(sentence()).toBe('今天获得的积分将于 2028-12-31 过期'));
    fill('pointsRules_birthdayGiftPoints', '0');
    fireEvent.click(screen.getByLabelText('支付成功即发放'));
    submit();
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/points-rules')).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', '/api/admin/points-rules')[0].body).toEqual({
      pointsValueCentsPer100: 100,
      pointsMaxSpendBp: 1250,
      pointsPerYuanEarned: 2,
      pointsEarnOn: 'PAYMENT',
      pointsExpiryYears: 2,
      birthdayGiftPoints: 0,
    });
    expect(await screen.findByText('积分规则已保存')).toBeTruthy();
    // the liability is read again (the points value may have changed)
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/api/admin/points/liability')).toHaveLength(2));
  });

  it('refuses out-of-range text as typed, with the field’s message, and sends nothing', async () => {
    const fetchMock = await openPage();
    fill('pointsRules_pointsPerYuanEarned', '1.5');
    fill('pointsRules_pointsMaxSpendPercent', '101');
    fill('pointsRules_pointsExpiryYears', '11');
    fill('pointsRules_birthdayGiftPoints', '-5');
    submit();
    expect(await screen.findByText('每元获得积分须为 0 到 10000 之间的整数')).toBeTruthy();
    expect(screen.getByText('积分抵扣上限须为 0 到 100 之间的百分数，最多两位小数')).toBeTruthy();
    expect(screen.getByText('积分有效期须为 0 到 10 之间的整数')).toBeTruthy();
    expect(screen.getByText('生日礼积分须为 0 到 1000000 之间的整数')).toBeTruthy();
    expect(sentence()).toBe('1 = 获得积分次年的 12 月 31 日过期，0 = 永不过期');
    expect(['pointsPerYuanEarned', 'pointsMaxSpendPercent', 'pointsExpiryYears', 'birthdayGiftPoints'].map((f) => input(`pointsRules_${f}`)!.value)).toEqual(['1.5', '101', '11', '-5']);
    expect(callsTo(fetchMock, 'PUT', '/api/admin/points-rules')).toHaveLength(0);
  });

  it('shows the server’s refusal on its field (the share typed in per cent) and above the button', async () => {
    await openPage({
      'PUT /api/admin/points-rules': () =>
        json(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: '积分抵扣上限须为 0 到 10000 之间的整数',
            details: { fields: [{ field: 'pointsMaxSpendBp', problems: ['积分抵扣上限须为 0 到 10000 之间的整数'] }] },
          },
        }),
    });
    submit();
    await waitFor(() => expect(screen.getAllByText('积分抵扣上限须为 0 到 10000 之间的整数')).toHaveLength(2));
    const item = input('pointsRules_pointsMaxSpendPercent')!.closest('.ant-form-item') as HTMLElement;
    expect(within(item).getByText('积分抵扣上限须为 0 到 10000 之间的整数')).toBeTruthy();
  });

  it('a failed load offers a retry; a failed liability leaves the rules usable', async () => {
    let fail = true;
    mockFetch({
      ...signIn(operator),
      'GET /api/admin/points-rules': () => (fail ? apiError(500, 'INTERNAL', '服务器开小差了') : json(200, RULES)),
      'GET /api/admin/points/liability': () => apiError(500, 'INTERNAL', '服务器开小差了'),
    });
    renderApp('/points-rules');
    expect(await screen.findByText('积分规则加载失败', undefined, FIRST)).toBeTruthy();
    fail = false;
    fireEvent.click(document.querySelector('.points-rules-retry')!);
    await waitFor(() => expect(input('pointsRules_pointsPerYuanEarned')).not.toBeNull());
    expect(await screen.findByText('积分负债加载失败：服务器开小差了')).toBeTruthy();
    expect(sentence()).toBe('获得积分后第 1 年的 12 月 31 日过期');
  });
});

describe('points rules helpers', () => {
  it('reads a share in per cent as typed, to basis points, and back', () => {
    expect(['50', '12.5', '0.01', '100', '0', '100.00'].map(parsePercentBp)).toEqual([5000, 1250, 1, 10000, 0, 10000]);
    expect(['100.01', '1.234', '-1', ' 5', '', '5%', '.5'].map(parsePercentBp)).toEqual([null, null, null, null, null, null, null]);
    expect([5000, 1250, 1, 10, 10000, 0].map(bpText)).toEqual(['50', '12.5', '0.01', '0.1', '100', '0']);
    for (let bp = 0; bp <= 10000; bp += 37) expect(parsePercentBp(bpText(bp))).toBe(bp);
  });

  it('says when today’s points expire', () => {
    expect(expirySentence(1, '2026-12-05')).toBe('今天获得的积分将于 2027-12-31 过期');
    expect(expirySentence(0, '2026-12-05')).toBe('积分永不过期');
    expect(expirySentence(3, null)).toBe('获得积分后第 3 年的 12 月 31 日过期');
  });
});
