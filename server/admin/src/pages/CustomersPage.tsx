import { useState } from 'react';
import { Alert, Avatar, Button, Card, Descriptions, Drawer, Input, Select, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import {
  DISTRIBUTOR_STATUS_LABEL,
  ORDER_KIND_LABEL,
  ORDER_STATUS_LABEL,
  POINTS_KIND_LABEL,
  RFM_GROUP_LABEL,
  SEGMENT_TAG_LABEL,
  type AdminCustomerDetail,
  type AdminCustomerRow,
} from '@mc/shared';
import type { Page } from '../api';
import { useAuth } from '../auth';
import { formatCents, formatCount, formatDateTime } from '../format';
import { DISTRIBUTOR_STATUS_COLOR, ORDER_STATUS_COLOR, labelOf } from '../status';
import { useFetch } from '../useFetch';
import { usePaging } from '../usePaging';
import PointsAdjustModal from './customers/PointsAdjustModal';

const name = (c: { nickname: string }) => c.nickname || '未设置昵称';
/** 客户分层 filter: a group ('group:…') or a tag ('tag:…'), as the segments report defines them (营销活动 → 客户分层). */
const SEGMENT_OPTIONS = [
  { label: 'RFM 分层（近 365 天）', options: Object.entries(RFM_GROUP_LABEL).map(([value, label]) => ({ value: `group:${value}`, label })) },
  { label: '标签', options: Object.entries(SEGMENT_TAG_LABEL).map(([value, label]) => ({ value: `tag:${value}`, label })) },
];
const card = (c: { isMember: boolean; memberUntil: string | null }) =>
  c.isMember ? <Tag color="gold">{`会员至 ${formatDateTime(c.memberUntil)}`}</Tag> : <Tag>非会员</Tag>;

/** 客户: search by nickname or phone tail, a page of customers with their figures; a row opens the customer's page. */
export default function CustomersPage() {
  const [q, setQ] = useState('');
  const [segment, setSegment] = useState<string | undefined>(undefined);
  const [openId, setOpenId] = useState<number | null>(null);
  const { page, pageSize, filtered, pagination } = usePaging('位客户');
  const [kind, value] = segment?.split(':') ?? [];
  const { data, loading, error } = useFetch<Page<AdminCustomerRow>>('/api/admin/customers', {
    q: q || undefined,
    groups: kind === 'group' ? value : undefined,
    tags: kind === 'tag' ? value : undefined,
    page,
    pageSize,
  });

  const columns: TableColumnsType<AdminCustomerRow> = [
    {
      title: '客户',
      key: 'who',
      render: (_, c) => (
        <Space>
          <Avatar src={c.avatarUrl || undefined}>{name(c).slice(0, 1)}</Avatar>
          <div>
            <Typography.Link className="customer-open" onClick={() => setOpenId(c.id)}>
              {name(c)}
            </Typography.Link>
            <div>
              <Typography.Text type="secondary">{c.phoneTail ? `尾号 ${c.phoneTail}` : '未绑定手机'}</Typography.Text>
            </div>
          </div>
        </Space>
      ),
    },
    { title: '会员卡', key: 'card', render: (_, c) => card(c) },
    { title: '等级', dataIndex: 'tierName', render: (t: string | null) => t ?? '—' },
    { title: '积分', dataIndex: 'pointsBalance', render: formatCount },
    { title: '订单', key: 'orders', render: (_, c) => `${formatCount(c.ordersCount)} 单 · ${formatCents(c.paidCents)}` },
    { title: '所属分销员', key: 'bound', render: (_, c) => (c.boundDistributor ? name(c.boundDistributor) : '—') },
    { title: '注册时间', dataIndex: 'createdAt', render: formatDateTime },
  ];

  return (
    <Card title="客户">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Input.Search className="customer-search" allowClear placeholder="昵称或手机尾号" style={{ width: 320 }} onSearch={filtered((v: string) => setQ(v.trim()))} />
          <Select className="customer-segment" virtual={false} allowClear placeholder="客户分层或标签" style={{ width: 220 }} options={SEGMENT_OPTIONS} value={segment} onChange={filtered((v?: string) => setSegment(v))} />
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        <Table rowKey="id" className="customers-table" loading={loading} columns={columns} dataSource={data?.items ?? []} pagination={pagination(data?.total)} />
      </Space>
      <Drawer title="客户详情" size={760} open={openId !== null} onClose={() => setOpenId(null)} destroyOnHidden>
        {openId !== null && <CustomerDetail id={openId} />}
      </Drawer>
    </Card>
  );
}

/** One customer: profile, card, tier, points (with 调整积分 for operators), coupons, distribution, latest orders. */
export function CustomerDetail({ id }: { id: number }) {
  const { staff } = useAuth();
  const canAdjust = staff?.role === 'owner' || staff?.role === 'operator';
  const [adjusting, setAdjusting] = useState(false);
  const { data: c, error, reload } = useFetch<AdminCustomerDetail>(`/api/admin/customers/${id}`);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!c) return <Spin />;
  const small = { size: 'small' as const, pagination: false as const, rowKey: 'id' };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} className="customer-detail">
      <Descriptions title="基本信息" size="small" column={2}>
        <Descriptions.Item label="昵称">{name(c)}</Descriptions.Item>
        <Descriptions.Item label="手机">{c.phoneTail ? `尾号 ${c.phoneTail}` : '未绑定'}</Descriptions.Item>
        <Descriptions.Item label="生日">{c.birthday ?? '未设置'}</Descriptions.Item>
        <Descriptions.Item label="注册时间">{formatDateTime(c.createdAt)}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>会员卡</Typography.Title>
      <div className="customer-card">{card(c.card)}</div>
      <Table
        {...small}
        dataSource={c.card.periods}
        locale={{ emptyText: '从未开卡' }}
        columns={[
          { title: '购买时间', dataIndex: 'purchasedAt', render: formatDateTime },
          { title: '天数', dataIndex: 'days' },
          { title: '实付', dataIndex: 'paidCents', render: formatCents },
          { title: '有效期', key: 'range', render: (_, p) => `${formatDateTime(p.startsAt)} ~ ${formatDateTime(p.endsAt)}` },
          { title: '状态', key: 'refunded', render: (_, p) => (p.refundedAt ? <Tag color="red">已退卡</Tag> : '—') },
        ]}
      />

      <Descriptions title="等级与成长值" size="small" column={2} className="customer-tier">
        <Descriptions.Item label="等级">{c.tier.name ?? '无等级'}</Descriptions.Item>
        <Descriptions.Item label="成长值">{formatCount(c.tier.growth)}</Descriptions.Item>
        {c.tier.nextTier && <Descriptions.Item label="下一等级">{`${c.tier.nextTier.name}（还差 ${formatCount(c.tier.nextTier.growthNeeded)}）`}</Descriptions.Item>}
      </Descriptions>

      <Space>
        <Typography.Title level={5} style={{ margin: 0 }}>
          积分
        </Typography.Title>
        <span className="customer-points-balance">{`余额 ${formatCount(c.points.balance)}`}</span>
        {canAdjust && (
          <Button size="small" className="points-adjust" onClick={() => setAdjusting(true)}>
            调整积分
          </Button>
        )}
      </Space>
      <Table
        {...small}
        className="customer-ledger"
        dataSource={c.points.latest}
        locale={{ emptyText: '暂无积分记录' }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: formatDateTime },
          { title: '类型', dataIndex: 'kind', render: (k: string) => labelOf(POINTS_KIND_LABEL, k) },
          { title: '变动', dataIndex: 'delta', render: (d: number) => (d > 0 ? `+${d}` : String(d)) },
          { title: '余额', dataIndex: 'balanceAfter' },
          { title: '说明', dataIndex: 'memo' },
        ]}
      />

      <Typography.Title level={5}>可用优惠券</Typography.Title>
      <Table
        {...small}
        dataSource={c.coupons}
        locale={{ emptyText: '没有可用的优惠券' }}
        columns={[
          { title: '优惠券', dataIndex: 'title' },
          { title: '有效期至', dataIndex: 'validUntil', render: formatDateTime },
        ]}
      />

      <Descriptions title="分销" size="small" column={1} className="customer-distribution">
        <Descriptions.Item label="所属分销员">
          {c.boundDistributor ? `${name(c.boundDistributor)}（绑定至 ${formatDateTime(c.boundDistributor.expiresAt)}）` : '未绑定'}
        </Descriptions.Item>
        <Descriptions.Item label="本人分销身份">
          {c.distributor ? (
            <Space>
              <Tag color={DISTRIBUTOR_STATUS_COLOR[c.distributor.status]}>{labelOf(DISTRIBUTOR_STATUS_LABEL, c.distributor.status)}</Tag>
              {c.distributor.refCode && `推广码 ${c.distributor.refCode}`}
              {c.distributor.isGuide && <Tag color="gold">导购</Tag>}
            </Space>
          ) : (
            '不是分销员'
          )}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>{`最近订单（共 ${formatCount(c.orders.count)} 单已支付，${formatCents(c.orders.paidCents)}）`}</Typography.Title>
      <Table
        {...small}
        className="customer-orders"
        dataSource={c.orders.latest}
        locale={{ emptyText: '暂无订单' }}
        columns={[
          { title: '订单号', dataIndex: 'orderNo' },
          { title: '类型', dataIndex: 'kind', render: (k: string) => labelOf(ORDER_KIND_LABEL, k) },
          { title: '状态', dataIndex: 'status', render: (s: keyof typeof ORDER_STATUS_COLOR) => <Tag color={ORDER_STATUS_COLOR[s]}>{labelOf(ORDER_STATUS_LABEL, s)}</Tag> },
          { title: '实付', dataIndex: 'payableCents', render: formatCents },
          { title: '下单时间', dataIndex: 'createdAt', render: formatDateTime },
        ]}
      />
      <PointsAdjustModal
        customerId={c.id}
        open={adjusting}
        onClose={() => setAdjusting(false)}
        onDone={() => {
          setAdjusting(false);
          reload();
        }}
      />
    </Space>
  );
}
