import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AdminCategory } from '@mc/shared';
import { api, errorMessage, isApiError } from '../api';
import { useFetch } from '../useFetch';
import CategoryForm, { type CategoryDraft } from './categories/CategoryForm';
import { toTree, type CategoryNode } from './categories/categoryTree';

/** The 409 said in Chinese from its details `{children, products}`; otherwise the server's message. */
function deleteError(e: unknown): string {
  const d = isApiError(e) && e.status === 409 ? (e.details as { children?: unknown; products?: unknown } | undefined) : undefined;
  if (typeof d?.children !== 'number' || typeof d.products !== 'number') return errorMessage(e, '删除失败');
  const what = [d.children > 0 && `${d.children} 个子分类`, d.products > 0 && `${d.products} 件商品`].filter(Boolean).join('、');
  return `不能删除：该分类下还有 ${what}`;
}

export default function CategoriesPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useFetch<AdminCategory[]>('/api/admin/categories');
  const list = data ?? [];
  const [editing, setEditing] = useState<CategoryDraft | null>(null);
  // Every root starts expanded, also those that arrive after the first render.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const tree = toTree(list);
  const expandedRowKeys = tree.filter((r) => r.children && !collapsed.has(r.id)).map((r) => r.id);
  const onExpand = (expanded: boolean, r: CategoryNode) =>
    setCollapsed((keys) => {
      const next = new Set(keys);
      if (expanded) next.delete(r.id);
      else next.add(r.id);
      return next;
    });

  const remove = async (c: AdminCategory) => {
    try {
      await api.delete(`/api/admin/categories/${c.id}`);
      message.success('分类已删除');
      reload();
    } catch (e) {
      message.error(deleteError(e));
    }
  };

  const columns: TableColumnsType<CategoryNode> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, c) => (
        <Space>
          {c.iconUrl && <img src={c.iconUrl} alt="" width={24} height={24} style={{ objectFit: 'cover' }} />}
          {name}
        </Space>
      ),
    },
    { title: '排序', dataIndex: 'sort', width: 100 },
    {
      title: '状态',
      dataIndex: 'active',
      width: 100,
      render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" className="category-edit" onClick={() => setEditing(c)}>
            编辑
          </Button>
          {c.parentId === null && (
            <Button type="link" onClick={() => setEditing({ parentId: c.id })}>
              添加子分类
            </Button>
          )}
          <Popconfirm
            title={`删除分类「${c.name}」？`}
            description="仍有商品或子分类的分类不能删除。"
            okText="删除"
            okButtonProps={{ danger: true, className: 'category-delete-confirm' }}
            onConfirm={() => remove(c)}
          >
            <Button type="link" danger className="category-delete">
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="分类管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} className="category-create" onClick={() => setEditing({})}>
          新建分类
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<CategoryNode>
        rowKey="id"
        className="category-table"
        rowClassName="category-row"
        columns={columns}
        dataSource={tree}
        loading={loading}
        pagination={false}
        expandable={{ expandedRowKeys, onExpand }}
      />
      {editing && (
        <CategoryForm
          draft={editing}
          categories={list}
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
