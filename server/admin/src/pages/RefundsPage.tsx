import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { REFUND_STATUSES, REFUND_STATUS_LABEL } from '@mc/shared';
import type { Page } from '../api';
import { formatCents, formatDateTime } from '../format';
import { REFUND_STATUS_COLOR, labelOf } from '../status';
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

export default function RefundsPage() {
  const [status, setStatus] = useState('REQUESTED');
  const { page, pageSize, filtered, pagination } = usePaging('条');
  const [review, setReview] = useState<{ refund: AdminRefund; action: ReviewAction } | null>(null);

  const { data, loading, error, reload } = useFetch<Page<AdminRefund>>('/api/admin/refunds', {
    status: status === ALL ? undefined : status,
    page,
    pageSize,
  });

  const columns: TableColumnsType<AdminRefund> = [
    { title: '退款单号', dataIndex: 'refundNo', width: 190 },
    { title: '订单号', dataIndex: 'orderNo', width: 190 },
    { title: '退款金额', dataIndex: 'amountCents', width: 110, render: formatCents },
    { title: '原因', dataIndex: 'reason', ellipsis: true },
    { title: '退款商品', key: 'lines', ellipsis: true, render: (_, r) => linesText(r) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 140,
      render: (s: string, r) => (
        <>
          <Tag color={REFUND_STATUS_COLOR[s as keyof typeof REFUND_STATUS_COLOR]}>{labelOf(REFUND_STATUS_LABEL, s)}</Tag>
          {r.reviewNote && <Typography.Text type="secondary">{r.reviewNote}</Typography.Text>}
        </>
      ),
    },
    { title: '申请时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_, r) =>
        r.status === 'REQUESTED' ? (
          <Space size={0}>
            <Button type="link" className="refund-approve" onClick={() => setReview({ refund: r, action: 'approve' })}>
              同意
            </Button>
            <Button type="link" danger className="refund-reject" onClick={() => setReview({ refund: r, action: 'reject' })}>
              拒绝
            </Button>
          </Space>
        ) : (
          '—'
        ),
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
          }}
        />
      )}
    </Card>
  );
}
