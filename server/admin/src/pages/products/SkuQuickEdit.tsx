import { Form, Input } from 'antd';
import { api } from '../../api';
import FormModal from '../../components/FormModal';
import { formatYuan, parseYuan } from '../../format';
import { yuanRule } from './yuanRule';
import { intRule, MAX_INT, parseInteger } from '../../numberRules';
import { specsText, type Sku } from './types';

interface Values {
  price: string;
  memberPrice: string;
  /** As typed. */
  stock: string;
}

/** `PATCH /api/admin/skus/:id` with the fields that changed. */
export default function SkuQuickEdit({ sku, onClose, onSaved }: { sku: Sku; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();

  /** Sends the fields that changed; null when none did. */
  const save = (v: Values) => {
    const body: { stock?: number; priceCents?: number; memberPriceCents?: number | null } = {};
    const price = parseYuan(v.price);
    const memberPrice = parseYuan(v.memberPrice);
    if (price !== null && price !== sku.priceCents) body.priceCents = price;
    if (memberPrice !== sku.memberPriceCents) body.memberPriceCents = memberPrice;
    // the field's rule lets only a whole number in range through
    const stock = parseInteger(v.stock);
    if (stock !== null && stock !== sku.stock) body.stock = stock;
    if (Object.keys(body).length === 0) return null;
    return api.patch(`/api/admin/skus/${sku.id}`, body).then(() => '已保存');
  };

  return (
    <FormModal<Values>
      form={form}
      name="skuQuick"
      title={`修改「${specsText(sku.specs)}」`}
      submitClassName="sku-quick-submit"
      initialValues={{
        price: formatYuan(sku.priceCents),
        memberPrice: sku.memberPriceCents === null ? '' : formatYuan(sku.memberPriceCents),
        stock: String(sku.stock),
      }}
      serverFields={{ priceCents: 'price', memberPriceCents: 'memberPrice' }}
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
    >
      <Form.Item name="price" label="售价（元）" rules={[{ required: true, message: '请输入售价' }, yuanRule]}>
        <Input prefix="¥" />
      </Form.Item>
      <Form.Item
        name="memberPrice"
        label="会员价（元）"
        dependencies={['price']}
        rules={[
          yuanRule,
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const cents = parseYuan(value);
              const price = parseYuan(getFieldValue('price') as string | undefined);
              return cents === null || price === null || cents <= price ? Promise.resolve() : Promise.reject(new Error('会员价不能高于售价'));
            },
          }),
        ]}
        extra="留空表示无会员价"
      >
        <Input prefix="¥" />
      </Form.Item>
      <Form.Item name="stock" label="库存" rules={[{ required: true, message: '请输入库存' }, intRule('库存', 0, MAX_INT)]}>
        <Input inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
