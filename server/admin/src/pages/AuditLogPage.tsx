import { useState } from 'react';
import { Alert, Card, DatePicker, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Page } from '../api';
import { formatDateTime } from '../format';
import { useFetch } from '../useFetch';
import { usePaging } from '../usePaging';

/** `GET /api/admin/audit-log`: who did what to which record, before → after. */
export interface AuditEntry {
  id: number;
  staffId: number | null;
  staffName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

/** The first segment of an action names what was changed; the filter searches by it. */
const SUBJECTS: Record<string, string> = {
  product: '商品',
  sku: '规格库存',
  tier: '会员等级',
  'membership-plan': '会员卡方案',
  'member-day': '会员日',
  refund: '退款',
  'check-in-rules': '签到规则',
};

const VERBS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  approve: '同意',
  reject: '拒绝',
  'on-shelf': '上架',
  'off-shelf': '下架',
};

/** 'refund.approve' → '退款 · 同意'; unknown parts are shown as they are. */
export function actionLabel(action: string): string {
  const [subject, ...rest] = action.split('.');
  const verb = rest.join('.');
  return [SUBJECTS[subject] ?? subject, verb ? (VERBS[verb] ?? verb) : null].filter(Boolean).join(' · ');
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The fields that changed, one line each: 'growthThreshold: 77777 → 88888'. A record created or removed shows its whole value. */
export function changeLines(before: unknown, after: unknown): string[] {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(before) || !isRecord(after)) return [`${show(before ?? undefined)} → ${show(after ?? undefined)}`];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return changed.length ? changed.map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`) : ['（无字段变化）'];
}

const ALL = '';

export default function AuditLogPage() {
  const { page, pageSize, filtered, pagination } = usePaging('条');
  const [subject, setSubject] = useState(ALL);
  const [targetId, setTargetId] = useState('');
  const [range, setRange] = useState<[string, string]>(['', '']);

  const { data, loading, error } = useFetch<Page<AuditEntry>>('/api/admin/audit-log', {
    action: subject || undefined,
    targetId: targetId || undefined,
    from: range[0] || undefined,
    to: range[1] || undefined,
    page,
    pageSize,
  });

  const columns: TableColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
    { title: '操作人', key: 'staff', width: 110, render: (_, e) => e.staffName ?? (e.staffId === null ? '系统' : `员工 #${e.staffId}`) },
    { title: '操作', dataIndex: 'action', width: 150, render: (a: string) => <span title={a}>{actionLabel(a)}</span> },
    { title: '对象', key: 'target', width: 150, render: (_, e) => `${e.targetType} #${e.targetId}` },
    {
      title: '变更（前 → 后）',
      key: 'change',
      render: (_, e) => (
        <div className="audit-change">
          {(e.before === null ? [`新建：${show(e.after)}`] : e.after === null ? [`删除：${show(e.before)}`] : changeLines(e.before, e.after)).map((line) => (
            <Typography.Text key={line} style={{ display: 'block', wordBreak: 'break-all' }}>
              {line}
            </Typography.Text>
          ))}
        </div>
      ),
    },
  ];

  return (
    <Card title="审计日志">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          className="audit-subject"
          style={{ width: 160 }}
          value={subject}
          onChange={filtered((v: string) => setSubject(v))}
          options={[{ value: ALL, label: '全部操作' }, ...Object.entries(SUBJECTS).map(([value, label]) => ({ value, label }))]}
        />
        <Input.Search
          className="audit-target"
          placeholder="对象 ID"
          allowClear
          style={{ width: 180 }}
          onSearch={filtered((v: string) => setTargetId(v.trim()))}
        />
        <DatePicker.RangePicker className="audit-range" onChange={filtered((_: unknown, days: [string, string]) => setRange(days))} />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="id"
        rowClassName="audit-row"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={pagination(data?.total)}
      />
    </Card>
  );
}
