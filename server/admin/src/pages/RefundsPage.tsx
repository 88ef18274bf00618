import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { REFUND_STATUSES, REFUND_STATUS_LABEL } from '@mc/shared';
import { api, errorMessage, type Page } from '../api';
import { formatCents, formatDateTime } from '../format';
import { REFUND_STATUS_COLOR, labelOf } from '../status';
import { refreshBadges } from '../badges';
import { useFetch } from '../useFetch';
import { usePaging } from '../usePaging';
import ReviewModal, { type ReviewAction } from './refunds/ReviewModal';
import type { AdminRefund } from './refunds/types';

const ALL = 'ALL';
const TABS = [
  { key: 'REQUESTED', label: '待审核' },
  ...REFUND_STATUSES.filter((s) => s !== 'REQUESTED').map((s) => ({ key: s, label: REFUND_STATUS_LABEL[s] })),
  { key: ALL, label: '全部' },
];

/** The refund's lines; the contract gives no titles, so lines are named by order line. */
const linesText = (r: AdminRefund) =>
  r.lines.length === 0
    ? '整单'
    : r.lines
        .map((l) => {
          const title = (l as { title?: string }).title;
          return `${title ?? `商品行 #${l.orderLineId}`} ×${l.qty}（${formatCents(l.amountCents)}）`;
        })
        .join('，');

/** What staff can do with a refund in its state (the server checks again). */
const ACTIONS: Partial<Record<AdminRefund['status'], ReviewAction[]>> = {
  REQUESTED: ['approve', 'reject'],
  AWAITING_RETURN: ['reject'],
  RETURN_SHIPPED: ['receive', 'reject'],
};
const ACTION_LABEL: Record<ReviewAction, string> = { approve: '同意', receive: '确认收货', reject: '拒绝' };

export default function RefundsPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState('REQUESTED');
  const [retrying, setRetrying] = useState<number | null>(null);
  const { page, pageSize, filtered, pagination } = usePaging('条');
  const [review, setReview] = useState<{ refund: AdminRefund; action: ReviewAction } | null>(null);

  const { data, loading, error, reload } = useFetch<Page<AdminRefund>>('/api/admin/refunds', {
    status: status === ALL ? undefined : status,
    page,
    pageSize,
  });

  // asks WeChat first under the same refund number, so it never pays twice
  const retry = async (r: AdminRefund) => {
    setRetrying(r.id);
    try {
      const after = await api.post<AdminRefund>(`/api/admin/refunds/${r.id}/retry`);
      if (after.payoutError) message.error(`仍未退款：${after.payoutError.message}`);
      else message.success(after.status === 'REFUNDED' ? '退款已完成' : '已重新发起退款');
    } catch (e) {
      message.error(errorMessage(e, '重试失败'));
    } finally {
      setRetrying(null);
      reload();
      refreshBadges();
    }
  };

  const columns: TableColumnsType<AdminRefund> = [
    { title: '退款单号', dataIndex: 'refundNo', width: 190 },
    { title: '订单号', dataIndex: 'orderNo', width: 190 },
    { title: '退款金额', dataIndex: 'amountCents', width: 110, render: formatCents },
    { title: '原因', dataIndex: 'reason', ellipsis: true },
    { title: '退款商品', key: 'lines', ellipsis: true, render: (_, r) => linesText(r) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 200,
      render: (s: string, r) => (
        <Space direction="vertical" size={2}>
          <span>
            <Tag color={REFUND_STATUS_COLOR[s as keyof typeof REFUND_STATUS_COLOR]}>{labelOf(REFUND_STATUS_LABEL, s)}</Tag>
            {r.payoutError && <Tag color="red">退款失败</Tag>}
          </span>
          {r.payoutError && (
            <Typography.Text type="danger" className="refund-payout-error">
              {r.payoutError.message}（{formatDateTime(r.payoutError.at)}）
            </Typography.Text>
          )}
          {r.returnShipment && (
            <Typography.Text className="refund-return-parcel">
              退货：{r.returnShipment.carrier} {r.returnShipment.trackingNo}
            </Typography.Text>
          )}
          {r.reviewNote && <Typography.Text type="secondary">{r.reviewNote}</Typography.Text>}
        </Space>
      ),
    },
    { title: '申请时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
    {
      title: '操作',
      key: 'actions',
      width: 160,
      render: (_, r) => {
        if (r.status === 'APPROVED' && r.payoutError) {
          return (
            <Popconfirm
              title="重新发起退款"
              description="先向微信支付查询这笔退款，退款单号不变，不会重复退款。"
              okText="重试"
              okButtonProps={{ className: 'refund-retry-confirm' }}
              cancelText="取消"
              onConfirm={() => retry(r)}
            >
              <Button type="link" className="refund-retry" loading={retrying === r.id}>
                重试退款
              </Button>
            </Popconfirm>
          );
        }
        const actions = ACTIONS[r.status] ?? [];
        if (actions.length === 0) return '—';
        return (
          <Space size={0} wrap>
            {r.status === 'AWAITING_RETURN' && <Typography.Text type="secondary">等待顾客寄回</Typography.Text>}
            {actions.map((action) => (
              <Button key={action} type="link" danger={action === 'reject'} className={`refund-${action}`} onClick={() => setReview({ refund: r, action })}>
                {ACTION_LABEL[action]}
              </Button>
            ))}
          </Space>
        );
      },
    },
  ];

  return (
    <Card title="售后退款">
      <Tabs
        className="refund-status-tabs"
        activeKey={status}
        items={TABS}
        onChange={filtered((key: string) => setStatus(key))}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AdminRefund>
        rowKey="id"
        rowClassName="refund-row"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={pagination(data?.total)}
      />
      {review && (
        <ReviewModal
          refund={review.refund}
          action={review.action}
          onClose={() => setReview(null)}
          onDone={() => {
            setReview(null);
            reload();
            refreshBadges();
          }}
        />
      )}
    </Card>
  );
}
