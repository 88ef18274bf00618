import { useState } from 'react';
import { Alert, Button, Card, Collapse, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  MESSAGE_KIND_LABEL,
  MESSAGE_KINDS,
  SUBSCRIPTION_MESSAGE_STATUS_LABEL,
  TEMPLATE_ID_RE,
  TEMPLATE_MAX_KEYWORDS,
  templateSettingProblems,
  type AdminSubscriptionTemplate,
  type MessageKind,
  type SubscriptionMessageRecord,
  type SubscriptionMessageStatus,
} from '@mc/shared';
import type { Page } from '../api';
import { SettingsLoader, useSaveSettings } from '../components/SettingsForm';
import { formatDateTime } from '../format';
import { useFetch } from '../useFetch';
import { usePaging } from '../usePaging';

const TEMPLATES = '/api/admin/subscription-templates';
const KEYWORD_RE = /^[a-z_]+[1-9]\d?$/;

interface Mapping {
  keyword: string;
  field?: string;
}

/** The form's values: exactly what staff typed. */
interface Values {
  templateId: string;
  enabled: boolean;
  page: string;
  mappings: Mapping[];
}

const toValues = (t: AdminSubscriptionTemplate): Values => ({
  templateId: t.templateId,
  enabled: t.enabled,
  page: t.page ?? '',
  mappings: Object.entries(t.fields).map(([keyword, field]) => ({ keyword, field })),
});

const toBody = (v: Values) => ({
  templateId: v.templateId ?? '',
  enabled: v.enabled,
  page: v.page ? v.page : null,
  fields: Object.fromEntries((v.mappings ?? []).map((m) => [m.keyword, m.field ?? ''])),
});

/** 订阅消息: a template per message kind (`GET/PUT /api/admin/subscription-templates`) and the log of sends. */
export default function SubscriptionMessagesPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <SettingsLoader<AdminSubscriptionTemplate[]> title="订阅消息模板" path={TEMPLATES} retryClassName="subscription-retry">
        {(templates) => <Templates templates={templates} />}
      </SettingsLoader>
      <MessageLog />
    </Space>
  );
}

function Templates({ templates }: { templates: AdminSubscriptionTemplate[] }) {
  // on or off as last saved, for the panels' tags
  const [enabled, setEnabled] = useState(() => Object.fromEntries(templates.map((t) => [t.kind, t.enabled])));
  return (
    <Card title="订阅消息模板" extra={<span className="muted">模板 ID 与关键词见微信公众平台「订阅消息」；顾客每同意一次，可收到一条</span>}>
      <Collapse
        className="subscription-templates"
        defaultActiveKey={[templates[0]?.kind]}
        items={templates.map((t) => ({
          key: t.kind,
          label: (
            <Space>
              {t.title}
              {enabled[t.kind] ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}
            </Space>
          ),
          forceRender: true,
          children: <TemplateForm saved={t} onSaved={(on) => setEnabled((e) => ({ ...e, [t.kind]: on }))} />,
        }))}
      />
    </Card>
  );
}

function TemplateForm({ saved, onSaved }: { saved: AdminSubscriptionTemplate; onSaved: (enabled: boolean) => void }) {
  const [form] = Form.useForm<Values>();
  const kind = saved.kind;
  // server paths → form names: 'fields.thing1' is the row whose keyword is thing1
  const formField = (path: string): (string | number)[] | null => {
    if (path === 'templateId' || path === 'page') return [path];
    if (path === 'fields') return null;
    const keyword = path.replace(/^fields\./, '');
    const rows = (form.getFieldValue('mappings') as Mapping[] | undefined) ?? [];
    const i = rows.findIndex((m) => m.keyword === keyword);
    return i >= 0 ? ['mappings', i, 'keyword'] : null;
  };
  const { saving, error, save } = useSaveSettings(form, `${TEMPLATES}/${kind}`, `${saved.title}已保存`, formField);
  const options = saved.availableFields.map((f) => ({ value: f.name, label: f.label }));

  return (
    <Form<Values>
      form={form}
      name={`tmpl_${kind}`}
      layout="vertical"
      initialValues={toValues(saved)}
      onFinish={async () => {
        const body = toBody(form.getFieldsValue(true) as Values);
        if (await save(body)) onSaved(body.enabled);
      }}
    >
      <Space size="large" align="start" wrap>
        <Form.Item
          name="templateId"
          label="模板 ID"
          dependencies={['enabled']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) => {
                if (!v) return getFieldValue('enabled') ? Promise.reject(new Error('启用前请填写模板 ID')) : Promise.resolve();
                return TEMPLATE_ID_RE.test(v) ? Promise.resolve() : Promise.reject(new Error('模板 ID 只能包含字母、数字、- 和 _，最多 64 位'));
              },
            }),
          ]}
        >
          <Input style={{ width: 360 }} placeholder="微信公众平台的模板 ID" />
        </Form.Item>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="page" label="点击消息打开的页面" extra="留空：打开相关页面（如订单详情）">
          <Input style={{ width: 320 }} placeholder="如 pages/home/index" />
        </Form.Item>
      </Space>
      <Form.Item label="关键词对应" extra="模板里的关键词（如 thing1、time2、amount3）各填我们的哪项内容">
        <Form.List
          name="mappings"
          rules={[
            {
              validator: async (_, rows: Mapping[] | undefined) => {
                if (form.getFieldValue('enabled') && !(rows ?? []).length) throw new Error('启用前请至少对应一个模板关键词');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" className="subscription-mapping" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'keyword']}
                    style={{ marginBottom: 8 }}
                    dependencies={[['mappings', f.name, 'field']]}
                    rules={[
                      { required: true, message: '请填写关键词' },
                      { pattern: KEYWORD_RE, message: '关键词应如 thing1、time2、amount3' },
                      {
                        validator: async (_, keyword: string | undefined) => {
                          const rows = (form.getFieldValue('mappings') as Mapping[]) ?? [];
                          if (!keyword) return;
                          if (rows.filter((m) => m?.keyword === keyword).length > 1) throw new Error('关键词重复');
                          const field = rows[f.name]?.field;
                          if (!field || !KEYWORD_RE.test(keyword)) return;
                          const problem = templateSettingProblems(kind, { templateId: '', fields: { [keyword]: field }, page: null, enabled: false }).find((p) => p.field === `fields.${keyword}`);
                          if (problem) throw new Error(problem.problem);
                        },
                      },
                    ]}
                  >
                    <Input aria-label="模板关键词" placeholder="thing1" style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'field']} style={{ marginBottom: 8 }} rules={[{ required: true, message: '请选择内容' }]}>
                    <Select aria-label="内容" placeholder="选择内容" style={{ width: 180 }} options={options} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label="移除关键词" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} className="subscription-mapping-add" disabled={fields.length >= TEMPLATE_MAX_KEYWORDS} onClick={() => add({ keyword: '' })}>
                添加关键词
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form.Item>
      {error && <Alert className="form-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" className={`subscription-submit-${kind}`} loading={saving}>
        保存
      </Button>
    </Form>
  );
}

const STATUS_COLOR: Record<SubscriptionMessageStatus, string> = { SENDING: 'blue', SENT: 'green', FAILED: 'red', SKIPPED: 'default' };
const kindLabel = (k: string) => (k in MESSAGE_KIND_LABEL ? MESSAGE_KIND_LABEL[k as MessageKind] : '活动消息');

function MessageLog() {
  const [status, setStatus] = useState<SubscriptionMessageStatus | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const { page, pageSize, filtered, pagination } = usePaging('条');
  const { data, loading, error } = useFetch<Page<SubscriptionMessageRecord>>('/api/admin/subscription-messages', { page, pageSize, status, kind });
  return (
    <Card
      title="发送记录"
      extra={
        <Space>
          <Select<SubscriptionMessageStatus>
            aria-label="状态"
            className="subscription-status-filter"
            allowClear
            placeholder="全部状态"
            style={{ width: 130 }}
            value={status}
            onChange={filtered(setStatus)}
            options={Object.entries(SUBSCRIPTION_MESSAGE_STATUS_LABEL).map(([value, label]) => ({ value: value as SubscriptionMessageStatus, label }))}
          />
          <Select<string>
            aria-label="消息类型"
            allowClear
            placeholder="全部类型"
            style={{ width: 190 }}
            value={kind}
            onChange={filtered(setKind)}
            options={MESSAGE_KINDS.map((k) => ({ value: k, label: MESSAGE_KIND_LABEL[k] }))}
          />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<SubscriptionMessageRecord>
        className="subscription-log"
        rowKey="id"
        size="small"
        loading={loading}
        pagination={pagination(data?.total)}
        dataSource={data?.items ?? []}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: '顾客', render: (_, r) => `${r.customerNickname || '顾客'} (#${r.customerId})` },
          { title: '消息', dataIndex: 'kind', render: (k: string) => kindLabel(k) },
          { title: '内容', dataIndex: 'data', render: (d: SubscriptionMessageRecord['data']) => Object.values(d).map((x) => x.value).join(' · ') },
          { title: '状态', dataIndex: 'status', render: (s: SubscriptionMessageStatus) => <Tag color={STATUS_COLOR[s]}>{SUBSCRIPTION_MESSAGE_STATUS_LABEL[s]}</Tag> },
          { title: '原因', dataIndex: 'error', render: (e: string | null) => e ?? '' },
        ]}
      />
    </Card>
  );
}
