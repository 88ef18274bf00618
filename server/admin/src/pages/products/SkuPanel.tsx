import { useState } from 'react';
import { Alert, Button, Table, Tag, type TableColumnsType } from 'antd';
import { formatCents } from '../../format';
import { useFetch } from '../../useFetch';
import SkuQuickEdit from './SkuQuickEdit';
import { specsText, type ProductDetail, type Sku } from './types';

/** The SKUs of one product (an expanded list row), with quick price / stock edits. */
export default function SkuPanel({ productId, onChanged }: { productId: number; onChanged: () => void }) {
  const { data, loading, error, reload } = useFetch<ProductDetail>(`/api/admin/products/${productId}`);
  const [editing, setEditing] = useState<Sku | null>(null);

  const columns: TableColumnsType<Sku> = [
    { title: '规格', dataIndex: 'specs', render: (specs: Sku['specs']) => specsText(specs) },
    { title: '售价', dataIndex: 'priceCents', render: formatCents },
    { title: '会员价', dataIndex: 'memberPriceCents', render: formatCents },
    { title: '会员日价', dataIndex: 'memberDayPriceCents', render: formatCents },
    { title: '库存', dataIndex: 'stock' },
    { title: '重量（克）', dataIndex: 'weightGrams' },
    { title: '状态', dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
    {
      title: '操作',
      key: 'actions',
      render: (_, sku) => (
        <Button type="link" size="small" className="sku-quick-edit" onClick={() => setEditing(sku)}>
          改价 / 库存
        </Button>
      ),
    },
  ];

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <>
      <Table<Sku>
        rowKey="id"
        size="small"
        rowClassName="sku-row"
        columns={columns}
        dataSource={data?.skus ?? []}
        loading={loading}
        pagination={false}
      />
      {editing && (
        <SkuQuickEdit
          sku={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}
