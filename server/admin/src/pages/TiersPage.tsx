import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { BP_SCALE, formatBei, formatZhe, type AdminTier } from '@mc/shared';
import { api, errorMessage, type Page } from '../api';
import { formatCount } from '../format';
import { useFetch } from '../useFetch';
import TierForm from './membership/TierForm';

export default function TiersPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useFetch<Page<AdminTier>>('/api/admin/tiers');
  const [editing, setEditing] = useState<AdminTier | 'new' | null>(null);
  const tiers = [...(data?.items ?? [])].sort((a, b) => a.growthThreshold - b.growthThreshold);

  const remove = async (t: AdminTier) => {
    try {
      await api.delete(`/api/admin/tiers/${t.id}`);
      message.success('等级已删除');
      reload();
    } catch (e) {
      message.error(errorMessage(e, '删除失败'));
    }
  };

  const columns: TableColumnsType<AdminTier> = [
    { title: '名称', dataIndex: 'name' },
    { title: '成长值门槛', dataIndex: 'growthThreshold', width: 120, render: formatCount },
    { title: '折扣', dataIndex: 'discountBp', width: 100, render: (bp: number) => (bp >= BP_SCALE ? '无折扣' : `${formatZhe(bp)} 折`) },
    { title: '积分倍数', dataIndex: 'pointsMultiplierBp', width: 100, render: (bp: number) => formatBei(bp) },
    { title: '权益', dataIndex: 'perks', ellipsis: true, render: (p: string) => p || '—' },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, t) => (
        <Space size={0}>
          <Button type="link" className="tier-edit" onClick={() => setEditing(t)}>
            编辑
          </Button>
          <Popconfirm
            title={`删除等级「${t.name}」？`}
            description="仍有顾客在该等级时不能删除。"
            okText="删除"
            okButtonProps={{ danger: true, className: 'tier-delete-confirm' }}
            onConfirm={() => remove(t)}
          >
            <Button type="link" danger className="tier-delete">
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="会员等级"
      extra={
        <Button type="primary" icon={<PlusOutlined />} className="tier-create" onClick={() => setEditing('new')}>
          新建等级
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AdminTier> rowKey="id" rowClassName="tier-row" columns={columns} dataSource={tiers} loading={loading} pagination={false} />
      {editing && (
        <TierForm
          tier={editing === 'new' ? null : editing}
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
