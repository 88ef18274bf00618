import { Form, Input, Select, Switch } from 'antd';
import type { AdminCategory } from '@mc/shared';
import { createOrUpdate } from '../../api';
import FormModal from '../../components/FormModal';
import { intRule, MAX_INT, parseInteger } from '../../numberRules';

/** An existing category (edit) or the start of a new one. */
export type CategoryDraft = Partial<AdminCategory>;

/** The select's value for "no parent" (antd Select shows a null value as empty). */
const NONE = 0;

interface Values {
  name: string;
  /** NONE for a root. */
  parentId: number;
  iconUrl?: string;
  /** As typed. */
  sort?: string;
  active: boolean;
}

interface Props {
  draft: CategoryDraft;
  categories: AdminCategory[];
  onClose: () => void;
  onSaved: () => void;
}

export default function CategoryForm({ draft, categories, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const isEdit = draft.id !== undefined;
  const hasChildren = isEdit && categories.some((c) => c.parentId === draft.id);

  // Two levels: a parent is a root other than this category.
  const parents = categories.filter((c) => c.parentId === null && c.id !== draft.id);

  const save = async (v: Values) => {
    const parentId = v.parentId === NONE ? null : v.parentId;
    const iconUrl = (v.iconUrl ?? '').trim();
    // A new category leaves out what it does not set; an edit may clear both.
    const body = {
      ...(isEdit || parentId !== null ? { parentId } : {}),
      name: v.name.trim(),
      ...(isEdit || iconUrl ? { iconUrl } : {}),
      // the field's rule lets only a whole number in range through
      sort: parseInteger(v.sort) ?? 0,
      active: v.active,
    };
    await createOrUpdate('/api/admin/categories', draft.id, body);
    return isEdit ? '分类已保存' : '分类已创建';
  };

  return (
    <FormModal<Values>
      form={form}
      name="category"
      title={isEdit ? '编辑分类' : '新建分类'}
      submitClassName="category-submit"
      initialValues={{
        name: draft.name ?? '',
        parentId: draft.parentId ?? NONE,
        iconUrl: draft.iconUrl ?? '',
        sort: String(draft.sort ?? 0),
        active: draft.active ?? true,
      }}
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
    >
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入分类名称' }, { max: 64 }]}>
        <Input placeholder="如：水果" />
      </Form.Item>
      <Form.Item name="parentId" label="上级分类" extra={hasChildren ? '已有子分类的分类只能是一级分类' : undefined}>
        <Select
          disabled={hasChildren}
          options={[{ value: NONE, label: '无（一级分类）' }, ...parents.map((c) => ({ value: c.id, label: c.name }))]}
        />
      </Form.Item>
      <Form.Item name="iconUrl" label="图标地址" rules={[{ max: 512 }]}>
        <Input placeholder="https://…" />
      </Form.Item>
      <Form.Item name="sort" label="排序" extra="数字越大越靠前" rules={[intRule('排序', -MAX_INT, MAX_INT)]}>
        <Input inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="active" label="启用" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
