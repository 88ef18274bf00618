import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Input, Space, Table, Tabs, Tag, Tooltip, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ORDER_STATUSES, ORDER_STATUS_LABEL, REFUND_STATUS_LABEL } from '@mc/shared';
import { download, errorMessage, type Page } from '../api';
import { refreshBadges } from '../badges';
import { formatCents, formatDateTime } from '../format';
import { ORDER_STATUS_COLOR, labelOf } from '../status';
import { useFetch } from '../useFetch';
import { usePaging } from '../usePaging';
import CustomerCell from './orders/CustomerCell';
import OrderDetailDrawer from './orders/OrderDetailDrawer';
import ShipModal from './orders/ShipModal';
import { linesSummary, type AdminOrderSummary, type Id, type RefundStatus } from './orders/types';

const ALL = 'ALL';
const TABS = [{ key: ALL, label: '全部' }, ...ORDER_STATUSES.map((s) => ({ key: s, label: ORDER_STATUS_LABEL[s] }))];

/** A picked day range → `from` (start of the first day) and `to` (exclusive: start of the day after the last), local time. */
const dayStart = (day: string, plusDays = 0) => {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
};

type ShipTarget = { id: Id; orderNo: string; refundStatus: RefundStatus | null };

export default function OrdersPage() {
  const [status, setStatus] = useState(ALL);
  const [range, setRange] = useState<[string, string]>(['', '']);
  const [q, setQ] = useState('');
  const { page, pageSize, filtered, pagination } = usePaging('笔订单');
  const [detailId, setDetailId] = useState<Id | null>(null);
  const [shipping, setShipping] = useState<ShipTarget | null>(null);
  const [version, setVersion] = useState(0);
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();

  const filter = { status: status === ALL ? undefined : status, from: dayStart(range[0]), to: dayStart(range[1], 1), q };
  const { data, loading, error, reload } = useFetch<Page<AdminOrderSummary>>('/api/admin/orders', { ...filter, page, pageSize });

  // every order the filter finds, built on the server (not only this page)
  const exportOrders = async () => {
    setExporting(true);
    try {
      await download('/api/admin/orders/export', filter, 'orders.xlsx');
    } catch (e) {
      message.error(errorMessage(e, '导出失败'));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<AdminOrderSummary> = [
    {
      title: '订单号',
      dataIndex: 'orderNo',
      render: (no: string, o) => (
        <Button type="link" className="order-no" style={{ padding: 0 }} onClick={() => setDetailId(o.id)}>
          {no}
        </Button>
      ),
    },
    { title: '下单时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
    { title: '客户', key: 'customer', width: 200, render: (_, o) => <CustomerCell customer={o.customer} /> },
    { title: '商品', key: 'lines', ellipsis: true, render: (_, o) => linesSummary(o.lines) },
    { title: '应付金额', dataIndex: 'payableCents', width: 110, render: formatCents },
    {
      title: '状态',
      dataIndex: 'status',
      width: 150,
      render: (s: string, o) => (
        <>
          <Tag className="order-status" color={ORDER_STATUS_COLOR[s as keyof typeof ORDER_STATUS_COLOR]}>
            {labelOf(ORDER_STATUS_LABEL, s)}
          </Tag>
          {o.openRefund && (
            <Tooltip title="顾客申请了退款，尚未处理完">
              <Tag color="orange" className="order-refund-pending">
                {REFUND_STATUS_LABEL[o.openRefund.status]}
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_, o) => (
        <Space size={0}>
          <Button type="link" className="order-detail" onClick={() => setDetailId(o.id)}>
            详情
          </Button>
          {o.status === 'PAID' && (
            <Button type="link" className="ship-button" onClick={() => setShipping({ id: o.id, orderNo: o.orderNo, refundStatus: o.openRefund?.status ?? null })}>
              发货
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title="订单管理">
      <Tabs
        className="order-status-tabs"
        activeKey={status}
        items={TABS}
        onChange={filtered((key: string) => setStatus(key))}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          className="order-date-range"
          onChange={filtered((_: unknown, days: [string, string]) => setRange(days))}
        />
        <Input.Search
          className="order-search"
          placeholder="订单号"
          allowClear
          style={{ width: 240 }}
          onSearch={filtered((v: string) => setQ(v.trim()))}
        />
        <Button className="order-export" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportOrders()}>
          导出 Excel
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AdminOrderSummary>
        rowKey="id"
        rowClassName="order-row"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={pagination(data?.total)}
      />
      {detailId !== null && (
        <OrderDetailDrawer orderId={detailId} version={version} onClose={() => setDetailId(null)} onShip={setShipping} />
      )}
      {shipping && (
        <ShipModal
          order={shipping}
          onClose={() => setShipping(null)}
          onShipped={() => {
            setShipping(null);
            setVersion((n) => n + 1);
            reload();
            refreshBadges();
          }}
        />
      )}
    </Card>
  );
}
