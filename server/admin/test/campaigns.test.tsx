import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/CampaignsPage';
import { PROGRESS_REFRESH_MS } from '../src/pages/CampaignsPage';
import { callsTo, el, fill, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'ops', role: 'operator' as const };
const FIRST = { timeout: 15000 };

const REPORT = {
  windowDays: 365,
  checkInDays: 10,
  month: '2027-03',
  asOf: '2027-03-10T02:00:00.000Z',
  customers: 40,
  buyers: 30,
  cuts: { recencyDays: [90, 40, 12, 3], orders: [1, 1, 2, 4], monetaryCents: [5000, 12000, 30000, 80000] },
  scores: { r: [6, 6, 6, 6, 6], f: [6, 6, 6, 6, 6], m: [6, 6, 6, 6, 6] },
  groups: [
    { group: 'IMPORTANT_VALUE', label: '重要价值客户', count: 7 },
    { group: 'IMPORTANT_DEVELOP', label: '重要发展客户', count: 3 },
    { group: 'IMPORTANT_RETAIN', label: '重要保持客户', count: 4 },
    { group: 'IMPORTANT_WINBACK', label: '重要挽留客户', count: 2 },
    { group: 'GENERAL_VALUE', label: '一般价值客户', count: 5 },
    { group: 'GENERAL_DEVELOP', label: '一般发展客户', count: 3 },
    { group: 'GENERAL_RETAIN', label: '一般保持客户', count: 1 },
    { group: 'GENERAL_WINBACK', label: '一般挽留客户', count: 5 },
  ],
  tags: [
    { tag: 'PAID_MEMBER', label: '付费会员', count: 12 },
    { tag: 'DISTRIBUTOR', label: '分销员', count: 2 },
    { tag: 'CHECK_IN_ACTIVE', label: '本月签到活跃', count: 6 },
    { tag: 'LAPSED_MEMBER', label: '会员已过期', count: 4 },
    { tag: 'DISCOUNT_ONLY', label: '只买优惠', count: 9 },
  ],
};

const campaign = (over: Record<string, unknown> = {}) => ({
  id: 5,
  name: '老客回馈',
  status: 'RUNNING',
  audience: { groups: ['IMPORTANT_VALUE'], tags: ['PAID_MEMBER'], windowDays: 365, checkInDays: 10 },
  actionKind: 'POINTS',
  couponTemplateId: null,
  couponTitle: null,
  points: 100,
  progress: { total: 200, sent: 50, failed: 0, pending: 150 },
  createdAt: '2027-03-10T02:00:00.000Z',
  startedAt: '2027-03-10T02:01:00.000Z',
  finishedAt: null,
  ...over,
});

const campaignTemplate = (over: Record<string, unknown> = {}) => ({
  kind: 'CAMPAIGN',
  title: '活动通知',
  templateId: 'tmpl-campaign',
  fields: { phrase1: 'title', thing2: 'content', time3: 'sentAt' },
  page: null,
  enabled: true,
  availableFields: [],
  updatedAt: '2027-03-01T00:00:00.000Z',
  ...over,
});

async function openPage(campaigns: () => unknown[] = () => [], template = campaignTemplate()) {
  const fetchMock = mockFetch({
    ...signIn(operator),
    'GET /api/admin/reports/segments': () => json(200, REPORT),
    'GET /api/admin/campaigns': () => json(200, { items: campaigns(), total: campaigns().length }),
    'GET /api/admin/coupon-templates': () => json(200, { items: [{ id: 9, title: '满 100 减 15', active: true, totalQuantity: null, issuedCount: 0 }], total: 1 }),
    'POST /api/admin/campaigns/preview': (init) =>
      json(200, { recipients: 7, sample: [{ id: 3, nickname: '小林' }], ...(JSON.parse(String(init.body)).actionKind === 'MESSAGE' ? { consented: template.enabled ? 5 : null } : {}) }),
    'GET /api/admin/subscription-templates': () => json(200, [template]),
    'POST /api/admin/campaigns': (init) => json(201, campaign({ ...JSON.parse(String(init.body)), id: 6, status: 'DRAFT', progress: { total: 0, sent: 0, failed: 0, pending: 0 } })),
    'POST /api/admin/campaigns/5/pause': () => json(200, campaign({ status: 'PAUSED' })),
    'GET /api/admin/reports/segments/customers': () =>
      json(200, {
        items: [{ id: 3, nickname: '小林', phoneTail: null, group: 'IMPORTANT_VALUE', scores: { r: 5, f: 4, m: 5 }, orders: 6, monetaryCents: 88000, lastPaidAt: '2027-03-09T02:00:00.000Z', tags: ['PAID_MEMBER'] }],
        total: 1,
      }),
  });
  renderApp('/campaigns');
  await waitFor(() => expect(document.getElementById('campaign_name')).not.toBeNull(), FIRST);
  return fetchMock;
}

const pick = async (fieldId: string, title: string) => {
  fireEvent.mouseDown(await el(`#${fieldId}`));
  fireEvent.click(await el(`.ant-select-item-option[title="${title}"]`));
};

describe('营销活动 page', { timeout: 45000 }, () => {
  it('picks a segment by its count, previews the recipients and creates a points campaign as typed', async () => {
    const fetchMock = await openPage();
    fill('campaign_name', '春季回馈');
    await pick('campaign_groups', '重要价值客户（7）');
    await pick('campaign_tags', '付费会员（12）');
    fireEvent.click(document.querySelector('.campaign-preview-button')!);
    expect((await el('.campaign-preview')).textContent).toContain('将发送给 7 位客户');
    expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns/preview')[0].body).toEqual({ groups: ['IMPORTANT_VALUE'], tags: ['PAID_MEMBER'], windowDays: 365, checkInDays: 10 });
    fill('campaign_points', '120');
    fireEvent.click(document.querySelector('.campaign-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns')[0].body).toEqual({
      name: '春季回馈',
      groups: ['IMPORTANT_VALUE'],
      tags: ['PAID_MEMBER'],
      windowDays: 365,
      checkInDays: 10,
      actionKind: 'POINTS',
      points: 120,
    });
  });

  it('refuses points out of range and an empty audience with the fields’ messages, keeping what was typed; nothing is sent', async () => {
    const fetchMock = await openPage();
    fill('campaign_name', '太多了');
    fill('campaign_points', '100001');
    fireEvent.click(document.querySelector('.campaign-submit')!);
    expect(await screen.findByText('积分须为 1 到 100000 之间的整数')).toBeTruthy();
    expect(await screen.findByText('请选择至少一个客户分层或标签')).toBeTruthy();
    expect((document.getElementById('campaign_points') as HTMLInputElement).value).toBe('100001');
    fill('campaign_points', '1.5');
    fireEvent.click(document.querySelector('.campaign-submit')!);
    expect(await screen.findByText('积分须为 1 到 100000 之间的整数')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns')).toHaveLength(0);
  });

  it('a coupon campaign names the template picked', async () => {
    const fetchMock = await openPage();
    fill('campaign_name', '发券');
    await pick('campaign_tags', '只买优惠（9）');
    fireEvent.click(screen.getByText('发优惠券'));
    await pick('campaign_couponTemplateId', '满 100 减 15');
    fireEvent.click(document.querySelector('.campaign-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns')[0].body).toMatchObject({ groups: [], tags: ['DISCOUNT_ONLY'], actionKind: 'COUPON', couponTemplateId: 9 });
  });

  it('a message campaign: refused as typed when longer than the template keyword takes; the preview says how many consented', async () => {
    const fetchMock = await openPage();
    fill('campaign_name', '春茶上新');
    await pick('campaign_tags', '付费会员（12）');
    fireEvent.click(screen.getByText('发订阅消息'));
    await el('#campaign_messageTitle');
    fill('campaign_messageTitle', '六个字的标题');
    fill('campaign_messageContent', '明前龙井到店');
    fireEvent.click(document.querySelector('.campaign-submit')!);
    expect(await screen.findByText('模板关键词最多 5 个字')).toBeTruthy(); // the title fills a phrase keyword
    expect((document.getElementById('campaign_messageTitle') as HTMLInputElement).value).toBe('六个字的标题');
    expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns')).toHaveLength(0);

    fireEvent.click(document.querySelector('.campaign-preview-button')!);
    expect((await el('.campaign-preview')).textContent).toContain('其中 5 位已订阅活动通知');
    expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns/preview')[0].body).toMatchObject({ tags: ['PAID_MEMBER'], actionKind: 'MESSAGE' });
    fill('campaign_messageTitle', '春茶上新');
    fireEvent.click(document.querySelector('.campaign-submit')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns')).toHaveLength(1));
    expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns')[0].body).toEqual({
      name: '春茶上新',
      groups: [],
      tags: ['PAID_MEMBER'],
      windowDays: 365,
      checkInDays: 10,
      actionKind: 'MESSAGE',
      messageTitle: '春茶上新',
      messageContent: '明前龙井到店',
    });
  });

  it('a message campaign warns while the 活动通知 template is off', async () => {
    await openPage(() => [], campaignTemplate({ enabled: false }));
    fireEvent.click(screen.getByText('发订阅消息'));
    expect((await el('.campaign-message-template')).textContent).toContain('「活动通知」模板未启用');
  });

  it('refreshes a running campaign’s progress until it is done, and pauses it', async () => {
    let reads = 0;
    const fetchMock = await openPage(() => [++reads < 3 ? campaign() : campaign({ status: 'DONE', progress: { total: 200, sent: 198, failed: 2, pending: 0 }, finishedAt: '2027-03-10T02:05:00.000Z' })]);
    const list = await el('.campaign-list');
    await waitFor(() => expect(list.textContent).toContain('已发送 50 · 失败 0 · 待发送 150'));
    expect(within(list).getByText('发送中')).toBeTruthy();
    fireEvent.click(list.querySelector('.campaign-pause')!);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/api/admin/campaigns/5/pause')).toHaveLength(1));
    await waitFor(() => expect(list.textContent).toContain('已发送 198 · 失败 2 · 待发送 0'), { timeout: PROGRESS_REFRESH_MS * 3 });
    expect(within(list).getByText('已完成')).toBeTruthy();
    const before = callsTo(fetchMock, 'GET', '/api/admin/campaigns').length;
    await new Promise((r) => setTimeout(r, PROGRESS_REFRESH_MS + 500));
    expect(callsTo(fetchMock, 'GET', '/api/admin/campaigns').length).toBe(before); // nothing running: no more polling
  });

  it('客户分层 shows each group and tag with its count and the cut points, and a layer’s customers', async () => {
    const fetchMock = await openPage();
    fireEvent.click(screen.getByRole('tab', { name: '客户分层' }));
    const groups = await el('.segment-groups');
    expect(groups.textContent).toContain('重要价值客户7');
    expect((await el('.segment-tags')).textContent).toContain('只买优惠9');
    expect(screen.getByText(/R 90 \/ 40 \/ 12 \/ 3 天/)).toBeTruthy();
    fireEvent.click(within(groups).getAllByText('查看客户')[0]);
    const rows = await el('.segment-customers');
    await waitFor(() => expect(rows.textContent).toContain('小林 (#3)'));
    expect(rows.textContent).toContain('重要价值客户');
    expect(rows.textContent).toContain('5/4/5');
    const url = new URL(String(fetchMock.mock.calls.map(([u]) => String(u)).find((u) => u.includes('/segments/customers'))), 'http://x');
    expect([url.searchParams.get('groups'), url.searchParams.get('windowDays'), url.searchParams.get('page')]).toEqual(['IMPORTANT_VALUE', '365', '1']);
  });
});
