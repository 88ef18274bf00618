import { useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { AdminCategory } from '@mc/shared';
import { api, errorMessage, type Page } from '../../api';
import { formatCents } from '../../format';
import { useFetch } from '../../useFetch';
import { usePaging } from '../../usePaging';
import { treeSelectData } from '../categories/categoryTree';
import SkuPanel from './SkuPanel';
import type { ProductSummary } from './types';

const SHELF_OPTIONS = [
  { value: '', label: '全部状态' },
  { value: 'true', label: '已上架' },
  { value: 'false', label: '已下架' },
];

export default function ProductList() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [onShelf, setOnShelf] = useState('');
  const { page, pageSize, filtered, pagination } = usePaging('件商品');
  const [busyId, setBusyId] = useState<number | null>(null);

  const categories = useFetch<AdminCategory[]>('/api/admin/categories').data ?? [];
  const { data, loading, error, reload } = useFetch<Page<ProductSummary>>('/api/admin/products', { q, categoryId, onShelf, page, pageSize });
  const categoryName = (id: number) => categories.find((c) => c.id === id)?.name ?? `#${id}`;

  const setShelf = async (p: ProductSummary, up: boolean) => {
    setBusyId(p.id);
    try {
      await api.post(`/api/admin/products/${p.id}/${up ? 'on-shelf' : 'off-shelf'}`);
      message.success(up ? `「${p.title}」已上架` : `「${p.title}」已下架`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableColumnsType<ProductSummary> = [
    {
      title: '封面',
      dataIndex: 'coverUrl',
      width: 72,
      render: (url: string) => (url ? <img src={url} alt="" width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} /> : '—'),
    },
    {
      title: '商品',
      dataIndex: 'title',
      render: (title: string, p) => (
        <Space orientation="vertical" size={0}>
          <span className="product-title">
            {title} {p.memberOnly && <Tag color="gold">会员专享</Tag>}
          </span>
          <Typography.Text type="secondary">{categoryName(p.categoryId)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '售价 / 会员价',
      key: 'price',
      render: (_, p) => (
        <span className="product-price">
          {formatCents(p.priceCents)} / {p.memberPriceCents === null ? '—' : formatCents(p.memberPriceCents)}
        </span>
      ),
    },
    { title: '总库存', dataIndex: 'totalStock', width: 90 },
    { title: 'SKU 数', dataIndex: 'skuCount', width: 80 },
    {
      title: '状态',
      dataIndex: 'onShelf',
      width: 90,
      render: (on: boolean) => (on ? <Tag color="green">已上架</Tag> : <Tag>已下架</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" className="product-edit" onClick={() => navigate(`/products/${p.id}`)}>
            编辑
          </Button>
          <Button
            type="link"
            className={p.onShelf ? 'product-off-shelf' : 'product-on-shelf'}
            loading={busyId === p.id}
            onClick={() => setShelf(p, !p.onShelf)}
          >
            {p.onShelf ? '下架' : '上架'}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="商品管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} className="product-create" onClick={() => navigate('/products/new')}>
          新建商品
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          className="product-search"
          placeholder="搜索商品标题"
          allowClear
          style={{ width: 240 }}
          onSearch={filtered((v: string) => setQ(v.trim()))}
        />
        <TreeSelect
          className="product-category-filter"
          placeholder="全部分类"
          allowClear
          treeDefaultExpandAll
          style={{ width: 200 }}
          value={categoryId}
          treeData={treeSelectData(categories)}
          onChange={filtered((v: number | undefined) => setCategoryId(v))}
        />
        <Select
          className="product-shelf-filter"
          style={{ width: 120 }}
          value={onShelf}
          options={SHELF_OPTIONS}
          onChange={filtered((v: string) => setOnShelf(v))}
        />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<ProductSummary>
        rowKey="id"
        rowClassName="product-row"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        expandable={{ expandedRowRender: (p) => <SkuPanel productId={p.id} onChanged={reload} /> }}
        pagination={pagination(data?.total)}
      />
    </Card>
  );
}
