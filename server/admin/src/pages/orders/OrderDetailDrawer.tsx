import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { isRefundOpen, ORDER_KIND_LABEL, ORDER_STATUS_LABEL, REFUND_STATUS_LABEL } from '@mc/shared';
import { formatCents, formatDateTime } from '../../format';
import { ORDER_STATUS_COLOR, labelOf } from '../../status';
import { useFetch } from '../../useFetch';
import { specsText } from '../products/types';
import CustomerCell from './CustomerCell';
import type { AdminOrderDetail, Id, RefundStatus } from './types';

const PAYMENT_STATUS_LABEL: Record<string, string> = { CREATED: '待支付', SUCCESS: '已支付', CLOSED: '已关闭' };

/** 'customer:12' → 顾客 #12, 'staff:3' → 员工 #3, system → 系统, wechat → 微信支付. */
function actorLabel(actor: string): string {
  const [kind, id] = actor.split(':');
  if (kind === 'customer') return `顾客 #${id}`;
  if (kind === 'staff') return `员工 #${id}`;
  if (kind === 'system') return '系统';
  if (kind === 'wechat') return '微信支付';
  return actor;
}

const Section = ({ title }: { title: string }) => (
  <Typography.Title level={5} style={{ marginTop: 24 }}>
    {title}
  </Typography.Title>
);

interface Props {
  orderId: Id;
  /** Bumped by the page after a change: fetch again. */
  version: number;
  onClose: () => void;
  onShip: (order: { id: Id; orderNo: string; refundStatus: RefundStatus | null }) => void;
}

export default function OrderDetailDrawer({ orderId, version, onClose, onShip }: Props) {
  const { data: o, error, reload } = useFetch<AdminOrderDetail>(`/api/admin/orders/${orderId}`);
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  return (
    <Drawer
      open
      size={760}
      className="order-detail-drawer"
      title={o ? `订单 ${o.orderNo}` : '订单详情'}
      onClose={onClose}
      extra={
        o?.status === 'PAID' && (
          <Button type="primary" className="ship-button-detail" onClick={() => onShip({ id: o.id, orderNo: o.orderNo, refundStatus: o.refunds.find((r) => isRefundOpen(r.status))?.status ?? null })}>
            发货
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!o && !error && <Spin />}
      {o && <OrderDetailBody o={o} />}
    </Drawer>
  );
}

/** A Descriptions item. */
const item = (label: string, children: ReactNode, span?: number) => ({ key: label, label, children, span });

function OrderDetailBody({ o }: { o: AdminOrderDetail }) {
  const a = o.address;
  const prices = [
    item('商品金额', formatCents(o.goodsCents)),
    item('运费', formatCents(o.shippingCents)),
    ...o.adjustments.map((adj, i) => ({ ...item(adj.label || adj.kind, formatCents(adj.amountCents)), key: `adj-${i}` })),
    item('优惠合计', formatCents(-o.discountCents)),
    ...(o.pointsUsed > 0 ? [item('积分抵扣', `${o.pointsUsed} 积分（${formatCents(-o.pointsValueCents)}）`)] : []),
    item('应付金额', <Typography.Text strong>{formatCents(o.payableCents)}</Typography.Text>),
    ...(o.refundedCents > 0 ? [item('已退款', formatCents(o.refundedCents))] : []),
  ];
  return (
    <>
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          item('状态', <Tag color={ORDER_STATUS_COLOR[o.status as keyof typeof ORDER_STATUS_COLOR]}>{labelOf(ORDER_STATUS_LABEL, o.status)}</Tag>),
          item('类型', labelOf(ORDER_KIND_LABEL, o.kind)),
          item('下单时间', formatDateTime(o.createdAt)),
          item('客户', <CustomerCell customer={o.customer} />),
          item('买家备注', o.note || '—', 2),
        ]}
      />

      <Section title="收货地址" />
      {a ? (
        <Typography.Paragraph className="order-address">
          {a.name} {a.phone}
          <br />
          {a.province}
          {a.city}
          {a.district} {a.detail}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">无需收货地址</Typography.Text>
      )}

      <Section title="商品" />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={o.lines}
        columns={[
          { title: '商品', dataIndex: 'title', render: (t: string, l) => `${t}（${specsText(l.specs)}）` },
          { title: '数量', dataIndex: 'qty', width: 60 },
          { title: '原价', dataIndex: 'listPriceCents', width: 90, render: formatCents },
          { title: '成交价', dataIndex: 'unitPriceCents', width: 90, render: formatCents },
          { title: '实付', dataIndex: 'cashPaidCents', width: 90, render: formatCents },
          { title: '已退', dataIndex: 'refundedQty', width: 60 },
        ]}
      />

      <Section title="金额明细" />
      <Descriptions size="small" column={1} bordered className="order-price-breakdown" items={prices} />

      <Section title="支付与物流" />
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          item('支付状态', o.payment ? labelOf(PAYMENT_STATUS_LABEL, o.payment.status) : '未支付'),
          item('支付时间', formatDateTime(o.payment?.paidAt)),
          item('快递公司', o.shipment?.carrier ?? '—'),
          item('快递单号', o.shipment?.trackingNo ?? '—'),
          item('发货时间', formatDateTime(o.shipment?.shippedAt), 2),
        ]}
      />

      <Section title="退款" />
      {o.refunds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无退款" />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={o.refunds}
          columns={[
            { title: '退款单号', dataIndex: 'refundNo' },
            { title: '金额', dataIndex: 'amountCents', render: formatCents },
            { title: '原因', dataIndex: 'reason' },
            { title: '状态', dataIndex: 'status', render: (st: string) => labelOf(REFUND_STATUS_LABEL, st) },
            { title: '审核备注', dataIndex: 'reviewNote', render: (n: string | null) => n || '—' },
            { title: '申请时间', dataIndex: 'createdAt', render: formatDateTime },
          ]}
        />
      )}

      <Section title="状态记录" />
      <Timeline
        className="order-history"
        items={o.history.map((h) => ({
          title: formatDateTime(h.at),
          content: (
            <>
              {h.from ? `${labelOf(ORDER_STATUS_LABEL, h.from)} → ` : ''}
              {labelOf(ORDER_STATUS_LABEL, h.to)}
              <Typography.Text type="secondary">
                {' '}
                · {actorLabel(h.actor)}
                {h.reason ? ` · ${h.reason}` : ''}
              </Typography.Text>
            </>
          ),
        }))}
      />
    </>
  );
}
