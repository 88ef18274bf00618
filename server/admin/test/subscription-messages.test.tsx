import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MESSAGE_FIELDS, MESSAGE_KINDS, MESSAGE_KIND_LABEL } from '@mc/shared';
// Loaded up front: the lazy route then renders without transforming the page inside a test.
import '../src/pages/SubscriptionMessagesPage';
import { apiError, callsTo, el, fill, json, mockFetch, renderApp, signIn } from './helpers';

const operator = { id: 2, username: 'ops', role: 'operator' as const };
const FIRST = { timeout: 15000 };
const PATH = '/api/admin/subscription-templates';

const TEMPLATES = MESSAGE_KINDS.map((kind) => ({
  kind,
  title: MESSAGE_KIND_LABEL[kind],
  availableFields: MESSAGE_FIELDS[kind],
  templateId: kind === 'ORDER_SHIPPED' ? 'tmpl-ship' : '',
  fields: kind === 'ORDER_SHIPPED' ? { character_string1: 'orderNo', thing2: 'goods' } : {},
  page: null,
  enabled: kind === 'ORDER_SHIPPED',
  updatedAt: null,
}));
const SENT = { id: 12, customerId: 5, customerNickname: '小林', kind: 'ORDER_SHIPPED', templateId: 'tmpl-ship', dedupeKey: '88', status: 'SENT', data: { character_string1: { value: 'M20270310' } }, error: null, createdAt: '2027-03-10T02:00:00.000Z' };
const FAILED = { ...SENT, id: 11, status: 'FAILED', error: '43101 user refuse to accept the msg' };
const input = (id: string) => document.getElementById(id) as HTMLInputElement | null;
const submit = () => fireEvent.click(document.querySelector('.subscription-submit-ORDER_SHIPPED')!);

async function openPage(put = (init: RequestInit) => json(200, JSON.parse(String(init.body)))) {
  const fetchMock = mockFetch({
    ...signIn(operator),
    [`GET ${PATH}`]: () => json(200, TEMPLATES),
    [`PUT ${PATH}/ORDER_SHIPPED`]: put,
    [`PUT ${PATH}/COMMISSION_SETTLED`]: (init) => json(200, JSON.parse(String(init.body))),
    'GET /api/admin/subscription-messages': (_, url) => json(200, url.includes('status=FAILED') ? { items: [FAILED], total: 1 } : { items: [SENT, FAILED], total: 41 }),
  });
  renderApp('/subscription-messages');
  await waitFor(() => expect(input('tmpl_ORDER_SHIPPED_templateId')).not.toBeNull(), FIRST);
  return fetchMock;
}

describe('订阅消息 page', { timeout: 45000 }, () => {
  it('shows each kind, saves the template id and keyword mapping as typed, and lists the sends', async () => {
    const fetchMock = await openPage();
    expect(screen.getAllByText('订单发货通知').length).toBeGreaterThan(0);
    expect(screen.getByText('佣金结算通知')).toBeTruthy();
    expect(input('tmpl_ORDER_SHIPPED_mappings_1_keyword')!.value).toBe('thing2');
    const log = await el('.subscription-log');
    await waitFor(() => expect(log.textContent).toContain('小林 (#5)'));
    expect(log.textContent).toContain('43101 user refuse to accept the msg');
    expect(log.textContent).toContain('发送失败');
    expect(document.body.textContent).toContain('共 41 条');

    fill('tmpl_ORDER_SHIPPED_templateId', 'tmpl-ship-2');
    fireEvent.click(document.querySelector('.subscription-mapping-add')!);
    await waitFor(() => expect(input('tmpl_ORDER_SHIPPED_mappings_2_keyword')).not.toBeNull());
    fill('tmpl_ORDER_SHIPPED_mappings_2_keyword', 'character_string3');
    fireEvent.mouseDown(document.querySelectorAll('.subscription-mapping .ant-select-selector')[2] ?? document.querySelectorAll('.subscription-mapping .ant-select')[2]);
    fireEvent.click((await screen.findAllByText('快递单号')).at(-1)!);
    submit();
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', `${PATH}/ORDER_SHIPPED`)).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', `${PATH}/ORDER_SHIPPED`)[0].body).toEqual({
      templateId: 'tmpl-ship-2',
      enabled: true,
      page: null,
      fields: { character_string1: 'orderNo', thing2: 'goods', character_string3: 'trackingNo' },
    });
    expect(await screen.findByText('订单发货通知已保存')).toBeTruthy();
  });

  it('turning a kind on shows it enabled once saved', async () => {
    const fetchMock = await openPage();
    const panel = () => [...document.querySelectorAll('.subscription-templates .ant-collapse-item')].find((e) => e.textContent?.includes('佣金结算通知'))!;
    expect(panel().querySelector('.ant-tag')!.textContent).toBe('未启用');
    fill('tmpl_COMMISSION_SETTLED_templateId', 'tmpl-commission');
    fireEvent.click(input('tmpl_COMMISSION_SETTLED_enabled')!);
    fireEvent.click(document.querySelector('form#tmpl_COMMISSION_SETTLED .subscription-mapping-add')!);
    await waitFor(() => expect(input('tmpl_COMMISSION_SETTLED_mappings_0_keyword')).not.toBeNull());
    fill('tmpl_COMMISSION_SETTLED_mappings_0_keyword', 'amount1');
    fireEvent.mouseDown(document.querySelector('form#tmpl_COMMISSION_SETTLED .subscription-mapping .ant-select-selector') ?? document.querySelector('form#tmpl_COMMISSION_SETTLED .subscription-mapping .ant-select')!);
    fireEvent.click((await screen.findAllByText('佣金金额')).at(-1)!);
    fireEvent.click(document.querySelector('.subscription-submit-COMMISSION_SETTLED')!);
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', `${PATH}/COMMISSION_SETTLED`)).toHaveLength(1));
    expect(callsTo(fetchMock, 'PUT', `${PATH}/COMMISSION_SETTLED`)[0].body).toEqual({ templateId: 'tmpl-commission', enabled: true, page: null, fields: { amount1: 'amount' } });
    await waitFor(() => expect(panel().querySelector('.ant-tag')!.textContent).toBe('已启用'));
  });

  it('refuses a keyword the field cannot fill and an empty id when enabled; keeps what was typed; nothing is sent', async () => {
    const fetchMock = await openPage();
    fill('tmpl_ORDER_SHIPPED_mappings_0_keyword', 'amount1');
    fill('tmpl_ORDER_SHIPPED_mappings_1_keyword', 'colour2');
    fill('tmpl_ORDER_SHIPPED_templateId', '');
    submit();
    expect(await screen.findByText('amount 类关键词不能填「订单号」')).toBeTruthy();
    expect(await screen.findByText('「colour2」不是模板关键词，应如 thing1、time2、amount3')).toBeTruthy();
    expect(await screen.findByText('启用前请填写模板 ID')).toBeTruthy();
    expect(input('tmpl_ORDER_SHIPPED_mappings_0_keyword')!.value).toBe('amount1');
    expect(callsTo(fetchMock, 'PUT', `${PATH}/ORDER_SHIPPED`)).toHaveLength(0);
  });

  it("puts the server's field messages on the fields", async () => {
    await openPage(() => json(400, { error: { code: 'VALIDATION_FAILED', message: 'fields.thing2: 没有字段「goods」', details: { fields: [{ field: 'fields.thing2', problems: ['没有字段「goods」'] }] } } }));
    submit();
    expect(await screen.findAllByText('没有字段「goods」')).not.toHaveLength(0);
    expect(input('tmpl_ORDER_SHIPPED_mappings_1_keyword')!.value).toBe('thing2');
  });

  it('filters the log by status', async () => {
    const fetchMock = await openPage();
    fireEvent.mouseDown(document.querySelector('.subscription-status-filter .ant-select-selector') ?? document.querySelector('.subscription-status-filter')!);
    fireEvent.click((await screen.findAllByText('发送失败')).at(-1)!);
    await waitFor(() => expect(fetchMock.mock.calls.some(([u]) => String(u).includes('status=FAILED'))).toBe(true));
  });

  it('offers a retry when the templates do not load', async () => {
    mockFetch({ ...signIn(operator), [`GET ${PATH}`]: () => apiError(500, 'INTERNAL', '服务器开小差了'), 'GET /api/admin/subscription-messages': () => json(200, { items: [], total: 0 }) });
    renderApp('/subscription-messages');
    expect(await screen.findByText('订阅消息模板加载失败', undefined, FIRST)).toBeTruthy();
    expect(document.querySelector('.subscription-retry')).not.toBeNull();
  });
});
