import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/CheckInRulesPage';
import { parseDay, parsePoints, streakDayPoints, streakPreview } from '../src/pages/checkIn/rules';
import { apiError, callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'ops', role: 'operator' as const };
const FIRST = { timeout: 15000 };

const RULES = {
  dailyPoints: 5,
  milestones: [
    { day: 7, bonusPoints: 30 },
    { day: 3, bonusPoints: 10 },
  ],
  makeUpEnabled: false,
  makeUpCostPoints: 20,
};

const input = (id: string) => document.getElementById(id) as HTMLInputElement | null;
const fill = (id: string, value: string) => fireEvent.change(input(id)!, { target: { value } });
const el = (selector: string) =>
  waitFor(() => {
    const found = document.querySelector(selector);
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });
const previewLine = () => document.querySelector('.check-in-preview-line')?.textContent;
const submit = () => fireEvent.click(document.querySelector('.check-in-rules-submit')!);

async function openPage(routes: Parameters<typeof mockFetch>[0] = {}) {
  const fetchMock = mockFetch({
    ...signIn(operator),
    'GET /api/admin/check-in-rules': () => json(200, RULES),
    'PUT /api/admin/check-in-rules': (init) => json(200, JSON.parse(String(init.body))),
    ...routes,
  });
  renderApp('/check-in-rules');
  await waitFor(() => expect(input('checkInRules_dailyPoints')).not.toBeNull(), FIRST);
  return fetchMock;
}

describe('签到规则 page', { timeout: 45000 }, () => {
  it('shows the saved rules, previews a 7-day streak, shows the cost only with make-up on, and saves integers', async () => {
    const fetchMock = await openPage();
    expect(input('checkInRules_dailyPoints')!.value).toBe('5');
    // milestones by day
    expect([input('checkInRules_milestones_0_day')!.value, input('checkInRules_milestones_0_bonusPoints')!.value]).toEqual(['3', '10']);
    expect([input('checkInRules_milestones_1_day')!.value, input('checkInRules_milestones_1_bonusPoints')!.value]).toEqual(['7', '30']);
    expect(previewLine()).toBe('第1–7天：5、5、15、5、5、5、35，共 75 积分');
    expect(input('checkInRules_makeUpCostPoints')).toBeNull();

    fireEvent.click(document.querySelector('.check-in-make-up')!);
    const cost = await el('#checkInRules_makeUpCostPoints');
    expect((cost as HTMLInputElement).value).toBe('20');
    fill('checkInRules_makeUpCostPoints', '15');
    fill('checkInRules_dailyPoints', '10');
    await waitFor(() => expect(previewLine()).toBe('第1–7天：10、10、20、10、10、10、40，共 110 积分'));

    submit();
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/check-in-rules')).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', '/api/admin/check-in-rules')[0].body).toEqual({
      dailyPoints: 10,
      milestones: [
        { day: 3, bonusPoints: 10 },
        { day: 7, bonusPoints: 30 },
      ],
      makeUpEnabled: true,
      makeUpCostPoints: 15,
    });
    expect(await screen.findByText('签到规则已保存')).toBeTruthy();

    // switched off again: the field goes away, the cost is kept
    fireEvent.click(document.querySelector('.check-in-make-up')!);
    await waitFor(() => expect(input('checkInRules_makeUpCostPoints')).toBeNull());
    submit();
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/check-in-rules')).toHaveLength(2));
    expect(callsTo(fetchMock, 'PUT', '/api/admin/check-in-rules')[1].body).toMatchObject({ makeUpEnabled: false, makeUpCostPoints: 15 });
  });

  it('refuses values that are not integers ≥ 0, days outside 1–31 and repeated days, as typed', async () => {
    const fetchMock = await openPage();
    fill('checkInRules_dailyPoints', '2.5');
    fill('checkInRules_milestones_0_bonusPoints', '-1');
    fill('checkInRules_milestones_1_day', '32');
    await waitFor(() => expect(previewLine()).toBe('填写正确的积分和天数后显示连续签到 7 天的积分'));
    submit();
    await waitFor(() => expect(screen.getAllByText('请输入不小于 0 的整数')).toHaveLength(2));
    expect(screen.getByText('请输入 1–31 的整数')).toBeTruthy();
    expect([input('checkInRules_dailyPoints')!.value, input('checkInRules_milestones_0_bonusPoints')!.value, input('checkInRules_milestones_1_day')!.value]).toEqual([
      '2.5',
      '-1',
      '32',
    ]);

    fill('checkInRules_dailyPoints', '5');
    fill('checkInRules_milestones_0_bonusPoints', '10');
    fill('checkInRules_milestones_1_day', '3');
    submit();
    await waitFor(() => expect(screen.getAllByText('天数不能重复').length).toBeGreaterThan(0));
    expect(callsTo(fetchMock, 'PUT', '/api/admin/check-in-rules')).toHaveLength(0);

    // fixing one of the pair clears the other's message too
    fill('checkInRules_milestones_1_day', '0');
    await waitFor(() => expect(screen.queryAllByText('天数不能重复')).toHaveLength(0));
    expect(await screen.findByText('请输入 1–31 的整数')).toBeTruthy();
    fill('checkInRules_milestones_1_day', '07');
    submit();
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/check-in-rules')).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', '/api/admin/check-in-rules')[0].body).toMatchObject({
      dailyPoints: 5,
      milestones: [
        { day: 3, bonusPoints: 10 },
        { day: 7, bonusPoints: 30 },
      ],
    });
  });

  it('adds and removes milestones, at most 7, and the preview follows the typed rules', async () => {
    const fetchMock = await openPage();
    const add = () => fireEvent.click(document.querySelector('.check-in-milestone-add')!);

    // remove day 7: the reward cycle stays a week (it is never shorter than 7 days), so only day 3 earns a bonus
    fireEvent.click(document.querySelectorAll('.check-in-milestone-remove')[1]);
    await waitFor(() => expect(document.querySelectorAll('.check-in-milestone')).toHaveLength(1));
    expect(previewLine()).toBe('第1–7天：5、5、15、5、5、5、5，共 45 积分');

    add();
    await el('#checkInRules_milestones_1_day');
    // an empty new row: no preview until it is filled in
    await waitFor(() => expect(previewLine()).toBe('填写正确的积分和天数后显示连续签到 7 天的积分'));
    fill('checkInRules_milestones_1_day', '2');
    fill('checkInRules_milestones_1_bonusPoints', '1');
    await waitFor(() => expect(previewLine()).toBe('第1–7天：5、6、15、5、5、5、5，共 46 积分'));

    for (let i = 2; i < 7; i++) {
      add();
      await el(`#checkInRules_milestones_${i}_day`);
      fill(`checkInRules_milestones_${i}_day`, String(10 + i));
      fill(`checkInRules_milestones_${i}_bonusPoints`, '0');
    }
    expect(document.querySelectorAll('.check-in-milestone')).toHaveLength(7);
    const addButton = document.querySelector('.check-in-milestone-add') as HTMLButtonElement;
    expect(addButton.disabled).toBe(true);
    expect(addButton.textContent).toContain('最多 7 个奖励');
    add();
    expect(document.querySelectorAll('.check-in-milestone')).toHaveLength(7);

    submit();
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/check-in-rules')).toHaveLength(1));
    const body = callsTo(fetchMock, 'PUT', '/api/admin/check-in-rules')[0].body as { milestones: unknown[] };
    expect(body.milestones).toEqual([
      { day: 3, bonusPoints: 10 },
      { day: 2, bonusPoints: 1 },
      { day: 12, bonusPoints: 0 },
      { day: 13, bonusPoints: 0 },
      { day: 14, bonusPoints: 0 },
      { day: 15, bonusPoints: 0 },
      { day: 16, bonusPoints: 0 },
    ]);
  });

  it('shows the server’s 400 message and puts it on the field it names', async () => {
    await openPage({
      'PUT /api/admin/check-in-rules': () =>
        json(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: '签到奖励天数不能重复',
            details: { fields: [{ field: 'milestones.1.day', problems: ['天数重复'] }] },
          },
        }),
    });
    submit();
    expect(await screen.findByText('签到奖励天数不能重复')).toBeTruthy();
    expect(await screen.findByText('天数重复')).toBeTruthy();
    expect(input('checkInRules_milestones_1_day')!.value).toBe('7');
  });

  it('shows a failed load with a retry', async () => {
    let fail = true;
    mockFetch({
      ...signIn(operator),
      'GET /api/admin/check-in-rules': () => (fail ? apiError(500, 'INTERNAL_ERROR', '服务器开小差了') : json(200, RULES)),
    });
    renderApp('/check-in-rules');
    expect(await screen.findByText('签到规则加载失败', undefined, FIRST)).toBeTruthy();
    expect(screen.getByText('服务器开小差了')).toBeTruthy();
    fail = false;
    fireEvent.click(document.querySelector('.check-in-rules-retry')!);
    await waitFor(() => expect(input('checkInRules_dailyPoints')?.value).toBe('5'));
  });
});

describe('check-in rules helpers', () => {
  it('parses only whole numbers as typed', () => {
    expect(['0', '15', '007', '', ' 5', '5 ', '-1', '1.0', '1e3', '５'].map(parsePoints)).toEqual([0, 15, 7, null, null, null, null, null, null, null]);
    expect(['1', '31', '0', '32'].map(parseDay)).toEqual([1, 31, null, null]);
  });

  it('previews a streak with the cycle restarting after the last milestone day', () => {
    const defaults = { dailyPoints: 5, milestones: [{ day: 3, bonusPoints: 10 }, { day: 7, bonusPoints: 30 }] };
    expect(streakPreview(defaults)).toBe('第1–7天：5、5、15、5、5、5、35，共 75 积分');
    expect([8, 10, 14].map((d) => streakDayPoints(defaults, d))).toEqual([5, 15, 35]);
    expect(streakPreview({ dailyPoints: 3, milestones: [] })).toBe('第1–7天：3、3、3、3、3、3、3，共 21 积分');
    expect(streakPreview({ dailyPoints: 0, milestones: [{ day: 10, bonusPoints: 100 }] })).toBe('第1–7天：0、0、0、0、0、0、0，共 0 积分');
  });
});
