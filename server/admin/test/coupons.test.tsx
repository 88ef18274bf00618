import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CouponTemplateView } from '@mc/shared';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/CouponsPage';
import { callsTo, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'op', role: 'operator' as const };
const FIRST = { timeout: 15000 };

const fill = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });
const el = (selector: string) =>
  waitFor(() => {
    const found = document.querySelector(selector);
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });

const TEMPLATE: CouponTemplateView = {
  id: 7,
  title: '满 100 减 20',
  kind: 'AMOUNT_OFF',
  amountOffCents: 2000,
  percentOffBp: null,
  thresholdCents: 10000,
  capCents: null,
  validFrom: null,
  validUntil: null,
  validDays: 30,
  audience: 'ALL',
  minTierId: null,
  totalQuantity: 100,
  issuedCount: 12,
  usedCount: 3,
  perCustomerLimit: 1,
  grantOnCardPurchase: false,
  active: true,
  createdAt: '2027-03-01T02:00:00.000Z',
};
const PERCENT: CouponTemplateView = {
  ...TEMPLATE,
  id: 8,
  title: '会员 8.5 折',
  kind: 'PERCENT_OFF',
  amountOffCents: null,
  percentOffBp: 1500,
  thresholdCents: 0,
  capCents: 3000,
  validDays: null,
  validFrom: '2027-02-28T16:00:00.000Z',
  validUntil: '2027-03-31T16:00:00.000Z',
  audience: 'PAID_MEMBERS',
  minTierId: 3,
  totalQuantity: null,
  perCustomerLimit: null,
  grantOnCardPurchase: true,
};
const TIERS = { items: [{ id: 3, name: '金卡', growthThreshold: 2000, discountBp: 9000, pointsMultiplierBp: 15000, perks: '' }], total: 1 };

function serve(more: Record<string, Parameters<typeof mockFetch>[0][string]> = {}) {
  return mockFetch({
    ...signIn(operator),
    'GET /api/admin/coupon-templates': () => json(200, { items: [PERCENT, TEMPLATE], total: 2 }),
    'GET /api/admin/tiers': () => json(200, TIERS),
    ...more,
  });
}

describe('优惠券 page', { timeout: 45000 }, () => {
  it('lists the templates with their rule, validity, audience and counts', async () => {
    serve();
    renderApp('/coupons');
    expect((await screen.findAllByText('满 100 减 20', { selector: 'td' }, FIRST)).length).toBe(2);
    const rows = [...document.querySelectorAll('.coupon-row')] as HTMLElement[];
    const cells = (r: HTMLElement) => [...r.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells(rows[0]).slice(0, 8)).toEqual(['会员 8.5 折', '8.5 折，最多减 30 元', '2027-03-01 至 2027-03-31', '付费会员，金卡及以上', '12 / 不限', '3', '不限', '启用随卡赠送']);
    expect(cells(rows[1]).slice(0, 8)).toEqual(['满 100 减 20', '满 100 减 20', '领取后 30 天', '所有顾客', '12 / 100', '3', '1', '启用']);
  });

  it('creates an amount coupon valid N days, and a percent coupon with a cap in a fixed window, sending fen and basis points', async () => {
    const fetchMock = serve({ 'POST /api/admin/coupon-templates': () => json(201, { id: 9 }) });
    renderApp('/coupons');
    fireEvent.click(await el('.coupon-create'));
    await el('#coupon_title');
    fill('coupon_title', ' 满 199 减 30 ');
    fill('coupon_amountOff', '30');
    fill('coupon_threshold', '199');
    fill('coupon_totalQuantity', '500');
    fireEvent.click(document.querySelector('.coupon-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/coupon-templates')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/coupon-templates')[0].body).toEqual({
      title: '满 199 减 30',
      kind: 'AMOUNT_OFF',
      amountOffCents: 3000,
      thresholdCents: 19900,
      validDays: 30,
      audience: 'ALL',
      totalQuantity: 500,
      grantOnCardPurchase: false,
      active: true,
    });

    await waitFor(() => expect(document.querySelector('.coupon-submit')).toBeNull());
    fireEvent.click(await el('.coupon-create'));
    await el('#coupon_title');
    fill('coupon_title', '春季 8.8 折');
    fireEvent.click(screen.getByText('折扣券'));
    fireEvent.click(screen.getByText('固定日期'));
    fireEvent.click(screen.getByText('付费会员'));
    await el('#coupon_zhe');
    fill('coupon_zhe', '8.8');
    fill('coupon_cap', '50');
    await el('#coupon_validFrom');
    fill('coupon_validFrom', '2027-03-01');
    fill('coupon_validUntil', '2027-03-31');
    fill('coupon_perCustomerLimit', '2');
    fireEvent.click(document.querySelector('.coupon-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/coupon-templates')).toHaveLength(2));
    expect(callsTo(fetchMock, 'POST', '/api/admin/coupon-templates')[1].body).toEqual({
      title: '春季 8.8 折',
      kind: 'PERCENT_OFF',
      percentOffBp: 1200,
      thresholdCents: 0,
      capCents: 5000,
      validFrom: '2027-02-28T16:00:00.000Z',
      validUntil: '2027-03-31T16:00:00.000Z',
      audience: 'PAID_MEMBERS',
      perCustomerLimit: 2,
      grantOnCardPurchase: false,
      active: true,
    });
  });

  it('refuses what is out of range as typed, with the server’s sentences, and sends nothing', async () => {
    const fetchMock = serve({ 'POST /api/admin/coupon-templates': () => json(201, { id: 9 }) });
    renderApp('/coupons');
    fireEvent.click(await el('.coupon-create'));
    await el('#coupon_title');
    fill('coupon_title', '坏券');
    for (const [amount, threshold, days, total] of [
      ['0', '-1', '0', '0'],
      ['100000.01', 'abc', '3651', '1.5'],
    ]) {
      fill('coupon_amountOff', amount);
      fill('coupon_threshold', threshold);
      fill('coupon_validDays', days);
      fill('coupon_totalQuantity', total);
      fireEvent.click(document.querySelector('.coupon-submit')!);
      expect(await screen.findByText('有效天数须为 1 到 3650 之间的整数')).toBeTruthy();
      expect(screen.getByText('发放总量须为 1 到 10000000 之间的整数')).toBeTruthy();
      expect((document.getElementById('coupon_amountOff') as HTMLInputElement).value).toBe(amount);
      expect((document.getElementById('coupon_validDays') as HTMLInputElement).value).toBe(days);
    }
    expect(screen.getAllByText(/减免金额须为 0.01 到 100000 元之间|请输入正确的金额/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByText('折扣券'));
    await el('#coupon_zhe');
    fill('coupon_zhe', '10');
    fireEvent.click(document.querySelector('.coupon-submit')!);
    expect(await screen.findByText('折扣须在 0.01 折到 9.99 折之间')).toBeTruthy();
    fireEvent.click(screen.getByText('固定日期'));
    await el('#coupon_validFrom');
    fill('coupon_validFrom', '2027-03-31');
    fill('coupon_validUntil', '2027-03-01');
    fireEvent.click(document.querySelector('.coupon-submit')!);
    expect(await screen.findByText('结束时间须晚于开始时间')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/coupon-templates')).toHaveLength(0);
  });

  it('edits a template with its values in the form, and shows the server’s field message on the field', async () => {
    let refuse = true;
    const fetchMock = serve({
      'PUT /api/admin/coupon-templates/8': () =>
        refuse
          ? json(400, { error: { code: 'VALIDATION_FAILED', message: '发放总量不能少于已发放的 12 张', details: { fields: [{ field: 'totalQuantity', problems: ['少于已发放数量'] }] } } })
          : json(200, PERCENT),
    });
    renderApp('/coupons');
    expect(await screen.findByText('会员 8.5 折', { selector: 'td' }, FIRST)).toBeTruthy();
    fireEvent.click(screen.getByText('会员 8.5 折', { selector: 'td' }).closest('tr')!.querySelector('.coupon-edit')!);
    await el('#coupon_zhe');
    expect((document.getElementById('coupon_zhe') as HTMLInputElement).value).toBe('8.5');
    expect((document.getElementById('coupon_cap') as HTMLInputElement).value).toBe('30.00');
    expect((document.getElementById('coupon_validFrom') as HTMLInputElement).value).toBe('2027-03-01');
    expect((document.getElementById('coupon_validUntil') as HTMLInputElement).value).toBe('2027-03-31');
    expect(document.querySelector('.coupon-form-note')?.textContent).toContain('已发放的 12 张');
    fill('coupon_totalQuantity', '5');
    fireEvent.click(document.querySelector('.coupon-submit')!);
    await waitFor(() => expect(document.querySelector('.form-error')?.textContent).toContain('发放总量不能少于已发放的 12 张'));
    const item = document.getElementById('coupon_totalQuantity')!.closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(within(item).getByText('少于已发放数量')).toBeTruthy());
    expect(callsTo(fetchMock, 'PUT', '/api/admin/coupon-templates/8')[0].body).toMatchObject({ percentOffBp: 1500, capCents: 3000, minTierId: 3, totalQuantity: 5, grantOnCardPurchase: true });
    refuse = false;
  });

  it('grants to the customer ids typed, refusing what is not an id, and shows who was skipped', async () => {
    const fetchMock = serve({ 'POST /api/admin/coupon-templates/7/grants': () => json(201, { granted: 1, skipped: [13] }) });
    renderApp('/coupons');
    expect((await screen.findAllByText('满 100 减 20', { selector: 'td' }, FIRST)).length).toBe(2);
    fireEvent.click(screen.getAllByText('满 100 减 20', { selector: 'td' })[0].closest('tr')!.querySelector('.coupon-grant')!);
    await el('#grant_customerIds');
    expect(document.querySelector('.grant-note')?.textContent).toBe('还可发放 88 张，每人限领 1 张');
    fill('grant_customerIds', '12, x');
    fireEvent.click(document.querySelector('.grant-submit')!);
    expect(await screen.findByText('顾客 ID 须为正整数')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/coupon-templates/7/grants')).toHaveLength(0);
    fill('grant_customerIds', '12，13\n12');
    fireEvent.click(document.querySelector('.grant-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/coupon-templates/7/grants')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/coupon-templates/7/grants')[0].body).toEqual({ customerIds: [12, 13] });
    expect(await screen.findByText('已发放 1 张')).toBeTruthy();
    expect(await screen.findByText('顾客 13 已达每人限领数量，未发放')).toBeTruthy();
  });

  it('shows the usage: who holds each coupon and the order that used it', async () => {
    serve({
      'GET /api/admin/coupon-templates/7/coupons': () =>
        json(200, {
          items: [
            { id: 31, customerId: 12, customerNickname: '小明', source: 'STAFF', status: 'USED', grantedAt: '2027-03-01T02:00:00.000Z', validUntil: '2027-03-31T02:00:00.000Z', orderId: 55, orderNo: 'MC2027030100001', usedAt: '2027-03-02T02:00:00.000Z' },
            { id: 30, customerId: 13, customerNickname: '', source: 'CARD_PURCHASE', status: 'EXPIRED', grantedAt: '2027-02-01T02:00:00.000Z', validUntil: '2027-03-01T02:00:00.000Z', orderId: null, orderNo: null, usedAt: null },
          ],
          total: 2,
        }),
    });
    renderApp('/coupons');
    expect((await screen.findAllByText('满 100 减 20', { selector: 'td' }, FIRST)).length).toBe(2);
    fireEvent.click(screen.getAllByText('满 100 减 20', { selector: 'td' })[0].closest('tr')!.querySelector('.coupon-usage')!);
    await waitFor(() => expect(document.querySelectorAll('.usage-row')).toHaveLength(2));
    const [used, expired] = [...document.querySelectorAll('.usage-row')] as HTMLElement[];
    expect(used.textContent).toContain('小明（ID 12）');
    expect(used.textContent).toContain('后台发放');
    expect(used.textContent).toContain('已使用');
    expect(used.textContent).toContain('MC2027030100001');
    expect(expired.textContent).toContain('随卡赠送');
    expect(expired.textContent).toContain('已过期');
  });
});
