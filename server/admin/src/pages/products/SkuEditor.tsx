import { Button, Form, Input, Select, Table, type FormListFieldData, type FormRule, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { parseYuan } from '../../format';
import { yuanRule } from './yuanRule';
import { intRule, MAX_INT } from '../../numberRules';

/** One editable SKU row; money as the yuan text typed. */
export interface SkuRow {
  id?: number;
  specs?: Record<string, string>;
  price?: string;
  memberPrice?: string;
  memberDayPrice?: string;
  /** As typed. */
  stock?: string;
  /** As typed; empty for none. */
  weightGrams?: string;
}

export const EMPTY_SKU: SkuRow = { specs: {}, price: '', memberPrice: '', memberDayPrice: '', stock: '0', weightGrams: '' };

/** A member / member-day price may not be above the row's list price (the server checks it too). */
const notAbovePrice =
  (row: number): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) => {
      const cents = parseYuan(value);
      const price = parseYuan(getFieldValue(['skus', row, 'price']) as string | undefined);
      return cents === null || price === null || cents <= price ? Promise.resolve() : Promise.reject(new Error('不能高于售价'));
    },
  });

const money = (row: number, field: 'price' | 'memberPrice' | 'memberDayPrice', label: string) => {
  const required = field === 'price';
  return (
    <Form.Item
      name={[row, field]}
      style={{ marginBottom: 0 }}
      dependencies={required ? undefined : [['skus', row, 'price']]}
      rules={required ? [{ required: true, message: `请输入${label}` }, yuanRule] : [yuanRule, notAbovePrice(row)]}
    >
      <Input prefix="¥" placeholder={required ? '0.00' : '选填'} aria-label={label} />
    </Form.Item>
  );
};

/**
 * The spec names (颜色, 尺码 …) shared by every SKU, then one row per SKU with a value for each
 * spec name, prices in yuan, stock and weight. Form fields `specKeys` and `skus`.
 */
export default function SkuEditor() {
  const form = Form.useFormInstance();
  const specKeys: string[] = Form.useWatch('specKeys', form) ?? [];

  return (
    <>
      <Form.Item name="specKeys" label="规格名" extra="如 颜色、尺码；输入后回车。没有规格可留空（单一规格）。">
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} placeholder="输入规格名后回车" />
      </Form.Item>
      <Form.List
        name="skus"
        rules={[
          {
            validator: (_, rows?: SkuRow[]) =>
              rows && rows.length > 0 ? Promise.resolve() : Promise.reject(new Error('至少需要一个 SKU')),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => {
          const columns: TableColumnsType<FormListFieldData> = [
            ...specKeys.map((key) => ({
              title: key,
              key: `spec-${key}`,
              width: 140,
              render: (_: unknown, f: FormListFieldData) => (
                <Form.Item
                  name={[f.name, 'specs', key]}
                  style={{ marginBottom: 0 }}
                  rules={[{ required: true, whitespace: true, message: `请输入${key}` }]}
                >
                  <Input placeholder={key} aria-label={key} />
                </Form.Item>
              ),
            })),
            { title: '售价', key: 'price', width: 140, render: (_, f) => money(f.name, 'price', '售价') },
            { title: '会员价', key: 'memberPrice', width: 140, render: (_, f) => money(f.name, 'memberPrice', '会员价') },
            { title: '会员日价', key: 'memberDayPrice', width: 140, render: (_, f) => money(f.name, 'memberDayPrice', '会员日价') },
            {
              title: '库存',
              key: 'stock',
              width: 110,
              render: (_, f) => (
                <Form.Item name={[f.name, 'stock']} style={{ marginBottom: 0 }} rules={[{ required: true, message: '请输入库存' }, intRule('库存', 0, MAX_INT)]}>
                  <Input inputMode="numeric" style={{ width: '100%' }} aria-label="库存" />
                </Form.Item>
              ),
            },
            {
              title: '重量（克）',
              key: 'weightGrams',
              width: 110,
              render: (_, f) => (
                <Form.Item name={[f.name, 'weightGrams']} style={{ marginBottom: 0 }} rules={[intRule('重量（克）', 0, MAX_INT)]}>
                  <Input inputMode="numeric" style={{ width: '100%' }} placeholder="选填" aria-label="重量" />
                </Form.Item>
              ),
            },
            {
              title: '',
              key: 'remove',
              width: 56,
              render: (_, f) => (
                <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除该 SKU" className="sku-remove" onClick={() => remove(f.name)} />
              ),
            },
          ];
          return (
            <>
              <Table<FormListFieldData>
                rowKey="key"
                size="small"
                className="sku-editor"
                rowClassName="sku-edit-row"
                columns={columns}
                dataSource={fields}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
              <div style={{ marginTop: 8 }}>
                <Button type="dashed" icon={<PlusOutlined />} className="sku-add" onClick={() => add({ ...EMPTY_SKU })}>
                  添加 SKU
                </Button>
                <Form.ErrorList errors={errors} />
              </div>
            </>
          );
        }}
      </Form.List>
    </>
  );
}
