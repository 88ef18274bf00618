import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/SettingsPage';
import { callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const owner = { id: 1, username: 'boss', role: 'owner' as const };
const FIRST = { timeout: 15000 };

const GENERAL = {
  shippingFeeCents: 800,
  freeShippingThresholdCents: 9900,
  memberFreeShipping: true,
  unpaidTimeoutMinutes: 15,
  autoConfirmDays: 10,
  afterSaleDays: 7,
  maxQtyPerLine: 99,
  cardFastRefundDays: 7,
  timezone: 'Asia/Shanghai',
};
// the GET has every setting; the page sends only the general ones
const SETTINGS = { ...GENERAL, birthdayGiftPoints: 200, checkInDailyPoints: 5, commissionDefaultRateBp: 1000 };

const input = (id: string) => document.getElementById(`settings_${id}`) as HTMLInputElement | null;
const fill = (id: string, value: string) => fireEvent.change(input(id)!, { target: { value } });
const submit = () => fireEvent.click(document.querySelector('.settings-submit')!);

async function openPage(routes: Parameters<typeof mockFetch>[0] = {}) {
  const fetchMock = mockFetch({
    ...signIn(owner),
    'GET /api/admin/settings': () => json(200, SETTINGS),
    'PUT /api/admin/settings': (init) => json(200, { ...SETTINGS, ...JSON.parse(String(init.body)) }),
    ...routes,
  });
  renderApp('/settings');
  await waitFor(() => expect(input('shippingFee')).not.toBeNull(), FIRST);
  return fetchMock;
}

describe('店铺设置 page', { timeout: 45000 }, () => {
  it('shows the saved settings in their sections, links to the other rules pages, and saves what was typed', async () => {
    const fetchMock = await openPage();
    for (const title of ['运费', '订单与售后', '会员卡', '时区']) expect(screen.getAllByText(title).length).toBeGreaterThan(0);
    expect(input('shippingFee')!.value).toBe('8.00');
    expect(input('freeShippingThreshold')!.value).toBe('99.00');
    expect(input('unpaidTimeoutMinutes')!.value).toBe('15');
    expect(input('timezone')!.value).toBe('Asia/Shanghai');
    for (const [label, href] of [['积分规则', '/points-rules'], ['签到规则', '/check-in-rules'], ['佣金规则', '/commission-rules']]) {
      const links = [...document.querySelectorAll('.settings-elsewhere a')].filter((a) => a.textContent === label);
      expect(links.map((a) => a.getAttribute('href'))).toEqual([href]);
    }

    fill('shippingFee', '12.5');
    fill('freeShippingThreshold', '');
    fireEvent.click(document.querySelector('.settings-member-free-shipping')!);
    fill('afterSaleDays', '14');
    fill('timezone', 'Europe/Paris');
    submit();
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/api/admin/settings')).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', '/api/admin/settings')[0].body).toEqual({
      ...GENERAL,
      shippingFeeCents: 1250,
      freeShippingThresholdCents: null,
      memberFreeShipping: false,
      afterSaleDays: 14,
      timezone: 'Europe/Paris',
    });
    expect(await screen.findByText('店铺设置已保存')).toBeTruthy();
  });

  it('refuses out-of-range values with the field’s message and keeps what was typed; nothing is sent', async () => {
    const fetchMock = await openPage();
    fill('shippingFee', '8.001');
    fill('freeShippingThreshold', '-1');
    fill('unpaidTimeoutMinutes', '2');
    fill('maxQtyPerLine', '1000');
    fill('cardFastRefundDays', '1.5');
    fill('timezone', 'Mars/Olympus');
    submit();
    expect(await screen.findByText('运费须为 0 到 1000 元之间，最多两位小数')).toBeTruthy();
    expect(screen.getByText('包邮门槛须为 0 到 100000 元之间，最多两位小数')).toBeTruthy();
    expect(screen.getByText('未支付自动取消时间（分钟）须为 5 到 1440 之间的整数')).toBeTruthy();
    expect(screen.getByText('单品限购件数须为 1 到 999 之间的整数')).toBeTruthy();
    expect(screen.getByText('极速退卡天数须为 0 到 30 之间的整数')).toBeTruthy();
    expect(screen.getByText('时区须为 IANA 时区名称，如 Asia/Shanghai')).toBeTruthy();
    expect(input('shippingFee')!.value).toBe('8.001');
    expect(input('maxQtyPerLine')!.value).toBe('1000');
    expect(callsTo(fetchMock, 'PUT', '/api/admin/settings')).toHaveLength(0);
  });

  it('shows the server’s 400 message and puts it on the field it names', async () => {
    await openPage({
      'PUT /api/admin/settings': () =>
        json(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: '运费须为 0 到 1000 元之间，最多两位小数',
            details: { fields: [{ field: 'shippingFeeCents', problems: ['运费已被其他人修改'] }] },
          },
        }),
    });
    submit();
    expect(await screen.findByText('运费须为 0 到 1000 元之间，最多两位小数')).toBeTruthy();
    expect(await screen.findByText('运费已被其他人修改')).toBeTruthy();
    expect(input('shippingFee')!.value).toBe('8.00');
  });
});
