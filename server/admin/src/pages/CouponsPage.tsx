import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { couponRuleText, type AdminTier, type CouponTemplateView } from '@mc/shared';
import type { Page } from '../api';
import { useFetch } from '../useFetch';
import { usePaging } from '../usePaging';
import CouponTemplateForm from './coupons/CouponTemplateForm';
import GrantForm from './coupons/GrantForm';
import { dayOf } from './coupons/time';
import UsageDrawer from './coupons/UsageDrawer';

const validityText = (t: CouponTemplateView) =>
  t.validDays !== null ? `领取后 ${t.validDays} 天` : `${dayOf(t.validFrom)} 至 ${dayOf(t.validUntil, true)}`;

/** 优惠券: templates (create, edit, on/off), grants to customer ids, and who used what. */
export default function CouponsPage() {
  const paging = usePaging('种');
  const { data, loading, error, reload } = useFetch<Page<CouponTemplateView>>('/api/admin/coupon-templates', { page: paging.page, pageSize: paging.pageSize });
  const tiers = useFetch<Page<AdminTier>>('/api/admin/tiers');
  const tierName = (id: number | null) => tiers.data?.items.find((t) => t.id === id)?.name ?? `等级 ${id}`;
  const [editing, setEditing] = useState<CouponTemplateView | 'new' | null>(null);
  const [granting, setGranting] = useState<CouponTemplateView | null>(null);
  const [usage, setUsage] = useState<CouponTemplateView | null>(null);

  const columns: TableColumnsType<CouponTemplateView> = [
    { title: '名称', dataIndex: 'title', width: 180 },
    { title: '规则', key: 'rule', width: 200, render: (_, t) => couponRuleText(t) },
    { title: '有效期', key: 'validity', width: 200, render: (_, t) => validityText(t) },
    {
      title: '适用人群',
      key: 'audience',
      width: 150,
      render: (_, t) => [t.audience === 'PAID_MEMBERS' ? '付费会员' : '所有顾客', t.minTierId !== null ? `${tierName(t.minTierId)}及以上` : ''].filter(Boolean).join('，'),
    },
    { title: '已发放 / 总量', key: 'issued', width: 120, render: (_, t) => `${t.issuedCount} / ${t.totalQuantity ?? '不限'}` },
    { title: '已使用', dataIndex: 'usedCount', width: 80 },
    { title: '每人限领', dataIndex: 'perCustomerLimit', width: 90, render: (n: number | null) => n ?? '不限' },
    {
      title: '状态',
      key: 'status',
      width: 120,
      render: (_, t) => (
        <Space size={4} wrap>
          <Tag color={t.active ? 'green' : 'default'}>{t.active ? '启用' : '停用'}</Tag>
          {t.grantOnCardPurchase && <Tag color="gold">随卡赠送</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, t) => (
        <Space size={0}>
          <Button type="link" className="coupon-edit" onClick={() => setEditing(t)}>
            编辑
          </Button>
          <Button type="link" className="coupon-grant" disabled={!t.active} onClick={() => setGranting(t)}>
            发放
          </Button>
          <Button type="link" className="coupon-usage" onClick={() => setUsage(t)}>
            使用记录
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="优惠券"
      extra={
        <Button type="primary" icon={<PlusOutlined />} className="coupon-create" onClick={() => setEditing('new')}>
          新建优惠券
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<CouponTemplateView>
        rowKey="id"
        rowClassName="coupon-row"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={paging.pagination(data?.total)}
        scroll={{ x: 1300 }}
      />
      {editing && (
        <CouponTemplateForm
          template={editing === 'new' ? null : editing}
          tiers={tiers.data?.items ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {granting && (
        <GrantForm
          template={granting}
          onClose={() => setGranting(null)}
          onDone={() => {
            setGranting(null);
            reload();
          }}
        />
      )}
      {usage && <UsageDrawer template={usage} onClose={() => setUsage(null)} />}
    </Card>
  );
}
