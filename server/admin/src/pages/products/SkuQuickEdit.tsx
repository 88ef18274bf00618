import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { api, errorMessage } from '../../api';
import { formatYuan, parseYuan } from '../../format';
import { yuanRule } from './yuanRule';
import { specsText, type Sku } from './types';

interface Values {
  price: string;
  memberPrice: string;
  stock: number | null;
}

/** `PATCH /api/admin/skus/:id` with the fields that changed. */
export default function SkuQuickEdit({ sku, onClose, onSaved }: { sku: Sku; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    const body: { stock?: number; priceCents?: number; memberPriceCents?: number | null } = {};
    const price = parseYuan(v.price);
    const memberPrice = parseYuan(v.memberPrice);
    if (price !== null && price !== sku.priceCents) body.priceCents = price;
    if (memberPrice !== sku.memberPriceCents) body.memberPriceCents = memberPrice;
    if (v.stock !== null && v.stock !== sku.stock) body.stock = v.stock;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api.patch(`/api/admin/skus/${sku.id}`, body);
      message.success('已保存');
      onSaved();
    } catch (e) {
      setError(errorMessage(e, '保存失败'));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`修改「${specsText(sku.specs)}」`}
      okText="保存"
      okButtonProps={{ className: 'sku-quick-submit', loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name="skuQuick"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          price: formatYuan(sku.priceCents),
          memberPrice: sku.memberPriceCents === null ? '' : formatYuan(sku.memberPriceCents),
          stock: sku.stock,
        }}
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
        <Form.Item name="stock" label="库存" rules={[{ required: true, message: '请输入库存' }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
