import { App, Form, Input } from 'antd';
import type { CouponGrantResponse, CouponTemplateView } from '@mc/shared';
import { api } from '../../api';
import FormModal from '../../components/FormModal';

const MAX_GRANT = 500;
const ID = /^[1-9]\d{0,9}$/;

/** '12, 13\n14' → [12, 13, 14]; null when a part is not a customer id. Repeats are kept once. */
export function parseCustomerIds(text: string): number[] | null {
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  if (!parts.every((p) => ID.test(p))) return null;
  return [...new Set(parts.map(Number))];
}

interface Values {
  customerIds: string;
}

/** 发放: one coupon of the template to each customer id typed (`POST …/:id/grants`). */
export default function GrantForm({ template, onClose, onDone }: { template: CouponTemplateView; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  const grant = async (v: Values) => {
    const customerIds = parseCustomerIds(v.customerIds)!;
    const res = await api.post<CouponGrantResponse>(`/api/admin/coupon-templates/${template.id}/grants`, { customerIds });
    if (res.skipped.length) message.warning(`顾客 ${res.skipped.join('、')} 已达每人限领数量，未发放`);
    return `已发放 ${res.granted} 张`;
  };

  return (
    <FormModal<Values>
      form={form}
      name="grant"
      title={`发放「${template.title}」`}
      okText="发放"
      submitClassName="grant-submit"
      initialValues={{ customerIds: '' }}
      onSubmit={grant}
      onDone={onDone}
      onClose={onClose}
      intro={
        <p className="grant-note">
          {template.totalQuantity === null ? '发放总量不限' : `还可发放 ${template.totalQuantity - template.issuedCount} 张`}
          {template.perCustomerLimit === null ? '' : `，每人限领 ${template.perCustomerLimit} 张`}
        </p>
      }
    >
      <Form.Item
        name="customerIds"
        label="顾客 ID"
        extra="多个 ID 用逗号、空格或换行分隔"
        rules={[
          { required: true, whitespace: true, message: '请至少填写一个顾客 ID' },
          {
            validator: (_, v: string) => {
              if (!v || !v.trim()) return Promise.resolve();
              const ids = parseCustomerIds(v);
              if (ids === null) return Promise.reject(new Error('顾客 ID 须为正整数'));
              return ids.length <= MAX_GRANT ? Promise.resolve() : Promise.reject(new Error(`一次最多发给 ${MAX_GRANT} 位顾客`));
            },
          },
        ]}
      >
        <Input.TextArea rows={4} placeholder="如：12, 15, 20" />
      </Form.Item>
    </FormModal>
  );
}
