import { useState } from 'react';
import { Alert, Button, Card, Drawer, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { RFM_GROUP_LABEL, SEGMENT_LIMITS, SEGMENT_TAG_LABEL, type Paged, type SegmentCustomerRow, type SegmentReport } from '@mc/shared';
import { formatCents, formatDateTime } from '../../format';
import { intRule, parseInteger } from '../../numberRules';
import { usePaging } from '../../usePaging';
import { useFetch } from '../../useFetch';

export interface SegmentParams {
  windowDays: number;
  checkInDays: number;
}

const L = SEGMENT_LIMITS;
const SCORE_TEXT = (r: SegmentReport) =>
  `最近一次消费、消费次数、消费金额各按五分位打 1–5 分，≥ 3 分为“高”。切分点：R ${r.cuts.recencyDays.join(' / ')} 天，F ${r.cuts.orders.join(' / ')} 单，M ${r.cuts.monetaryCents.map(formatCents).join(' / ')}`;

/** 客户分层: the segments report (`GET /api/admin/reports/segments`), its parameters, and each layer's customers. */
export function SegmentsTab({ params, onParams, report }: { params: SegmentParams; onParams: (p: SegmentParams) => void; report: { data?: SegmentReport; loading: boolean; error: string | null } }) {
  const [form] = Form.useForm<{ windowDays: string; checkInDays: string }>();
  const [open, setOpen] = useState<{ title: string; groups?: string; tags?: string } | null>(null);
  const { data, loading, error } = report;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Form
          form={form}
          name="segmentParams"
          layout="inline"
          initialValues={{ windowDays: String(params.windowDays), checkInDays: String(params.checkInDays) }}
          onFinish={(v) => onParams({ windowDays: parseInteger(v.windowDays)!, checkInDays: parseInteger(v.checkInDays)! })}
        >
          <Form.Item name="windowDays" label="统计最近" rules={[{ required: true, message: '请输入统计天数' }, intRule('统计天数', L.windowDaysMin, L.windowDaysMax)]}>
            <Input inputMode="numeric" suffix="天" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="checkInDays" label="本月签到至少" rules={[{ required: true, message: '请输入签到天数' }, intRule('签到天数', L.checkInDaysMin, L.checkInDaysMax)]}>
            <Input inputMode="numeric" suffix="天" style={{ width: 110 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" className="segments-refresh">
            统计
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      <Card title={data ? `RFM 分层（近 ${data.windowDays} 天有消费的 ${data.buyers} 位客户，共 ${data.customers} 位客户）` : 'RFM 分层'} loading={loading && !data}>
        {data && <Typography.Paragraph type="secondary">{data.buyers ? SCORE_TEXT(data) : `近 ${data.windowDays} 天没有已付款的商品订单，暂无 RFM 分层。`}</Typography.Paragraph>}
        <Table
          className="segment-groups"
          rowKey="group"
          size="small"
          pagination={false}
          dataSource={data?.groups ?? []}
          columns={[
            { title: '分层', dataIndex: 'label' },
            { title: '客户数', dataIndex: 'count', align: 'right' },
            {
              title: '',
              key: 'list',
              render: (_, g) => (
                <Button type="link" disabled={g.count === 0} onClick={() => setOpen({ title: g.label, groups: g.group })}>
                  查看客户
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title={data ? `客户标签（签到活跃：${data.month} 签到 ≥ ${data.checkInDays} 天）` : '客户标签'} loading={loading && !data}>
        <Table
          className="segment-tags"
          rowKey="tag"
          size="small"
          pagination={false}
          dataSource={data?.tags ?? []}
          columns={[
            { title: '标签', dataIndex: 'label' },
            { title: '客户数', dataIndex: 'count', align: 'right' },
            {
              title: '',
              key: 'list',
              render: (_, t) => (
                <Button type="link" disabled={t.count === 0} onClick={() => setOpen({ title: t.label, tags: t.tag })}>
                  查看客户
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Drawer title={open?.title} size="large" open={open !== null} onClose={() => setOpen(null)} destroyOnHidden>
        {open && <SegmentCustomers query={{ groups: open.groups, tags: open.tags, ...params }} />}
      </Drawer>
    </Space>
  );
}

/** One audience's customers, paged (`GET /api/admin/reports/segments/customers`). */
export function SegmentCustomers({ query }: { query: { groups?: string; tags?: string; windowDays: number; checkInDays: number } }) {
  const { page, pageSize, pagination } = usePaging('位客户');
  const { data, loading } = useFetch<Paged<SegmentCustomerRow>>('/api/admin/reports/segments/customers', { ...query, page, pageSize });
  return (
    <Table<SegmentCustomerRow>
      className="segment-customers"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={data?.items ?? []}
      pagination={pagination(data?.total)}
      columns={[
        { title: '客户', key: 'who', render: (_, c) => `${c.nickname || '未设置昵称'} (#${c.id})` },
        { title: '分层', dataIndex: 'group', render: (g: SegmentCustomerRow['group']) => (g ? RFM_GROUP_LABEL[g] : '近期无消费') },
        { title: 'R/F/M', key: 'scores', render: (_, c) => (c.scores ? `${c.scores.r}/${c.scores.f}/${c.scores.m}` : '—') },
        { title: '订单', dataIndex: 'orders', align: 'right' },
        { title: '消费', dataIndex: 'monetaryCents', align: 'right', render: (n: number) => formatCents(n) },
        { title: '最近消费', dataIndex: 'lastPaidAt', render: (t: string | null) => (t ? formatDateTime(t) : '—') },
        { title: '标签', dataIndex: 'tags', render: (tags: SegmentCustomerRow['tags']) => tags.map((t) => <Tag key={t}>{SEGMENT_TAG_LABEL[t]}</Tag>) },
      ]}
    />
  );
}
