import { useState } from 'react';
import { Alert, App, Button, Card, Switch, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { MALL_ITEM_KIND_LABEL, ORDER_STATUS_LABEL, type AdminMallItemView, type RedemptionView } from '@mc/shared';
import { api, errorMessage, type Page } from '../api';
import { formatCents, formatDateTime } from '../format';
import { ORDER_STATUS_COLOR } from '../status';
import { useFetch } from '../useFetch';
import { usePaging } from '../usePaging';
import MallItemForm from './pointsMall/MallItemForm';

const ITEMS = '/api/admin/points-mall/items';

function ItemsTab() {
  const { message } = App.useApp();
  const paging = usePaging('件');
  const { data, loading, error, reload } = useFetch<Page<AdminMallItemView>>(ITEMS, { page: paging.page, pageSize: paging.pageSize });
  const [editing, setEditing] = useState<AdminMallItemView | 'new' | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const setOnShelf = async (item: AdminMallItemView, onShelf: boolean) => {
    setBusyId(item.id);
    try {
      await api.patch(`${ITEMS}/${item.id}`, { onShelf });
      message.success(onShelf ? `「${item.title}」已上架` : `「${item.title}」已下架`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableColumnsType<AdminMallItemView> = [
    { title: '名称', dataIndex: 'title' },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 160,
      render: (k: AdminMallItemView['kind'], i) => `${MALL_ITEM_KIND_LABEL[k]}${k === 'CARD_DAYS' ? ` · ${i.cardDays} 天` : k === 'GOODS' ? ` · SKU ${i.skuId}` : ` · 模板 ${i.couponTemplateId}`}`,
    },
    { title: '积分', dataIndex: 'pointsCost', width: 90 },
    { title: '加价', dataIndex: 'cashCents', width: 90, render: (c: number) => (c > 0 ? formatCents(c) : '—') },
    { title: '库存', dataIndex: 'stock', width: 80 },
    { title: '已兑', dataIndex: 'redeemedUnits', width: 80 },
    { title: '每人限兑', dataIndex: 'perCustomerLimit', width: 90, render: (n: number) => (n > 0 ? `${n} 件` : '不限') },
    { title: '排序', dataIndex: 'sort', width: 70 },
    {
      title: '上架',
      dataIndex: 'onShelf',
      width: 80,
      render: (on: boolean, i) => <Switch className="mall-item-on-shelf" checked={on} loading={busyId === i.id} onChange={(v) => setOnShelf(i, v)} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, i) => (
        <Button type="link" className="mall-item-edit" onClick={() => setEditing(i)}>
          编辑
        </Button>
      ),
    },
  ];

  return (
    <>
      <div style={{ marginBottom: 16, textAlign: 'right' }}>
        <Button type="primary" icon={<PlusOutlined />} className="mall-item-create" onClick={() => setEditing('new')}>
          新建兑换商品
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AdminMallItemView> rowKey="id" rowClassName="mall-item-row" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={paging.pagination(data?.total)} />
      {editing && (
        <MallItemForm
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function RedemptionsTab() {
  const paging = usePaging('条');
  const { data, loading, error } = useFetch<Page<RedemptionView>>('/api/admin/points-mall/redemptions', { page: paging.page, pageSize: paging.pageSize });
  const columns: TableColumnsType<RedemptionView> = [
    { title: '时间', dataIndex: 'createdAt', width: 170, render: formatDateTime },
    { title: '订单号', dataIndex: 'orderNo', width: 200 },
    { title: '顾客', dataIndex: 'customerId', width: 80 },
    { title: '商品', dataIndex: 'title', render: (t: string, r) => `${t}${r.cardDays ? `（${r.cardDays} 天）` : ''}` },
    { title: '数量', dataIndex: 'qty', width: 70 },
    { title: '积分', dataIndex: 'pointsUsed', width: 90 },
    { title: '现金', dataIndex: 'cashCents', width: 90, render: (c: number) => (c > 0 ? formatCents(c) : '—') },
    { title: '状态', dataIndex: 'orderStatus', width: 100, render: (s: RedemptionView['orderStatus']) => <Tag color={ORDER_STATUS_COLOR[s]}>{ORDER_STATUS_LABEL[s]}</Tag> },
  ];
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<RedemptionView> rowKey="id" rowClassName="mall-redemption-row" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={paging.pagination(data?.total)} />
    </>
  );
}

/** 积分商城: the items (create, edit, shelf, sort) and every customer's redemptions. */
export default function PointsMallPage() {
  return (
    <Card title="积分商城">
      <Tabs
        destroyOnHidden
        items={[
          { key: 'items', label: '兑换商品', children: <ItemsTab /> },
          { key: 'redemptions', label: '兑换记录', children: <RedemptionsTab /> },
        ]}
      />
    </Card>
  );
}
