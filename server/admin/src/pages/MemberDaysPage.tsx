import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatBei, type AdminMemberDay, type AdminTier } from '@mc/shared';
import { api, errorMessage, type Page } from '../api';
import { useFetch } from '../useFetch';
import MemberDayForm from './memberDays/MemberDayForm';
import PreviewDrawer from './memberDays/PreviewDrawer';
import { AUDIENCE_LABELS, minuteText, recurrenceText } from './memberDays/types';

export default function MemberDaysPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useFetch<Page<AdminMemberDay>>('/api/admin/member-days');
  // The tier list is the owner's: an operator gets a 403 and sees tier ids.
  const tiers = useFetch<Page<AdminTier>>('/api/admin/tiers');
  const [editing, setEditing] = useState<AdminMemberDay | 'new' | null>(null);
  const [previewId, setPreviewId] = useState<number | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const tierName = (id: number | null) => tiers.data?.items.find((t) => t.id === id)?.name ?? `等级 #${id}`;

  const setActive = async (r: AdminMemberDay, active: boolean) => {
    setBusyId(r.id);
    try {
      await api.put(`/api/admin/member-days/${r.id}`, { active });
      message.success(active ? `「${r.name}」已启用` : `「${r.name}」已停用`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  /** Archived on the server: off for good and out of this list; its orders and report history stay. */
  const remove = async (r: AdminMemberDay) => {
    setBusyId(r.id);
    try {
      await api.delete(`/api/admin/member-days/${r.id}`);
      message.success(`「${r.name}」已删除`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableColumnsType<AdminMemberDay> = [
    { title: 'ID', dataIndex: 'id', width: 60, render: (id: number) => `#${id}` },
    { title: '名称', dataIndex: 'name' },
    { title: '周期', key: 'recurrence', render: (_, r) => recurrenceText(r.recurrence) },
    { title: '时段', key: 'window', width: 120, render: (_, r) => `${minuteText(r.startMinute)}–${minuteText(r.endMinute)}` },
    {
      title: '参与人群',
      dataIndex: 'audience',
      width: 130,
      render: (_, r) => (r.audience === 'TIER_AT_LEAST' ? `${tierName(r.audienceTierId)}及以上` : AUDIENCE_LABELS[r.audience]),
    },
    {
      title: '优惠',
      key: 'offers',
      width: 150,
      render: (_, r) => (
        <Space size={[0, 4]} wrap>
          {r.skuPrices.length > 0 && <Tag>{r.skuPrices.length} 个 SKU</Tag>}
          {Object.keys(r.categoryRates).length > 0 && <Tag>{Object.keys(r.categoryRates).length} 个分类</Tag>}
          {r.exclusiveProductIds.length > 0 && <Tag color="gold">{r.exclusiveProductIds.length} 件专享</Tag>}
        </Space>
      ),
    },
    { title: '积分倍数', dataIndex: 'pointsMultiplierBp', width: 90, render: (bp: number) => formatBei(bp) },
    { title: '限购', dataIndex: 'perCustomerLimit', width: 90, render: (n: number) => (n > 0 ? `每人 ${n} 件` : '不限') },
    {
      title: '启用',
      dataIndex: 'active',
      width: 80,
      render: (on: boolean, r) => <Switch className="member-day-active" checked={on} loading={busyId === r.id} onChange={(v) => setActive(r, v)} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" className="member-day-edit" onClick={() => setEditing(r)}>
            编辑
          </Button>
          <Button type="link" className="member-day-preview-button" onClick={() => setPreviewId(r.id)}>
            预览
          </Button>
          <Popconfirm
            title={`删除「${r.name}」？`}
            description="删除后不再生效，也不能恢复；已下的订单和报表记录保留。"
            okText="删除"
            okButtonProps={{ danger: true, className: 'member-day-delete-confirm' }}
            cancelText="取消"
            onConfirm={() => remove(r)}
          >
            <Button type="link" danger className="member-day-delete" disabled={busyId === r.id}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="会员日"
      extra={
        <Button type="primary" icon={<PlusOutlined />} className="member-day-create" onClick={() => setEditing('new')}>
          新建会员日
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AdminMemberDay>
        rowKey="id"
        rowClassName="member-day-row"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
      />
      {editing && (
        <MemberDayForm
          rule={editing === 'new' ? null : editing}
          tiers={tiers.data?.items ?? []}
          tiersError={tiers.error !== null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {previewId !== null && <PreviewDrawer id={previewId} onClose={() => setPreviewId(null)} />}
    </Card>
  );
}
