import { useState } from 'react';
import { Alert, App, Button, Card, Switch, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { MembershipPlan } from '@mc/shared';
import { api, errorMessage, type Page } from '../api';
import { formatCents } from '../format';
import { useFetch } from '../useFetch';
import PlanForm from './membership/PlanForm';

export default function MembershipPlansPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useFetch<Page<MembershipPlan>>('/api/admin/membership/plans');
  const [editing, setEditing] = useState<MembershipPlan | 'new' | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const setOnSale = async (p: MembershipPlan, onSale: boolean) => {
    setBusyId(p.id);
    try {
      await api.put(`/api/admin/membership/plans/${p.id}`, { onSale });
      message.success(onSale ? `「${p.name}」已上架` : `「${p.name}」已下架`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableColumnsType<MembershipPlan> = [
    { title: '名称', dataIndex: 'name' },
    { title: '价格', dataIndex: 'priceCents', width: 110, render: formatCents },
    { title: '天数', dataIndex: 'days', width: 90, render: (d: number) => `${d} 天` },
    { title: '权益说明', dataIndex: 'benefits', ellipsis: true, render: (b: string) => b || '—' },
    {
      title: '上架',
      dataIndex: 'onSale',
      width: 90,
      render: (on: boolean, p) => (
        <Switch className="plan-on-sale" checked={on} loading={busyId === p.id} onChange={(v) => setOnSale(p, v)} />
      ),
    },
    { title: '排序', dataIndex: 'sort', width: 80 },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, p) => (
        <Button type="link" className="plan-edit" onClick={() => setEditing(p)}>
          编辑
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="会员卡方案"
      extra={
        <Button type="primary" icon={<PlusOutlined />} className="plan-create" onClick={() => setEditing('new')}>
          新建方案
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<MembershipPlan>
        rowKey="id"
        rowClassName="plan-row"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
      />
      {editing && (
        <PlanForm
          plan={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </Card>
  );
}
