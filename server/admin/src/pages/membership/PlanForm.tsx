import { Form, Input, InputNumber, Space, Switch } from 'antd';
import type { MembershipPlan } from '@mc/shared';
import { createOrUpdate } from '../../api';
import FormModal from '../../components/FormModal';
import { formatYuan, parseYuan } from '../../format';
import { yuanRule } from '../products/yuanRule';

interface Values {
  name: string;
  price: string;
  days: number | null;
  benefits: string;
  onSale: boolean;
  sort: number | null;
}

/** Create (no plan) or edit a card plan: `POST` / `PUT /api/admin/membership/plans`. */
export default function PlanForm({ plan, onClose, onSaved }: { plan: MembershipPlan | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();

  const save = async (v: Values) => {
    const body = {
      name: v.name.trim(),
      priceCents: parseYuan(v.price),
      days: v.days,
      benefits: (v.benefits ?? '').trim(),
      onSale: v.onSale,
      sort: v.sort ?? 0,
    };
    await createOrUpdate('/api/admin/membership/plans', plan?.id, body);
    return plan ? '方案已保存' : '方案已创建';
  };

  return (
    <FormModal<Values>
      form={form}
      name="plan"
      title={plan ? '编辑会员卡方案' : '新建会员卡方案'}
      submitClassName="plan-submit"
      initialValues={{
        name: plan?.name ?? '',
        price: plan ? formatYuan(plan.priceCents) : '',
        days: plan?.days ?? 30,
        benefits: plan?.benefits ?? '',
        onSale: plan?.onSale ?? true,
        sort: plan?.sort ?? 0,
      }}
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
    >
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入方案名称' }, { max: 32 }]}>
        <Input placeholder="如：月卡" />
      </Form.Item>
      <Space size="large" align="start">
        <Form.Item
          name="price"
          label="价格（元）"
          rules={[
            { required: true, message: '请输入价格' },
            yuanRule,
            { validator: (_, val: string) => (parseYuan(val) === 0 ? Promise.reject(new Error('价格须大于 0')) : Promise.resolve()) },
          ]}
        >
          <Input prefix="¥" placeholder="19.90" />
        </Form.Item>
        <Form.Item name="days" label="天数" rules={[{ required: true, message: '请输入天数' }]}>
          <InputNumber min={1} max={3660} precision={0} suffix="天" />
        </Form.Item>
        <Form.Item name="sort" label="排序" extra="数字越大越靠前">
          <InputNumber precision={0} />
        </Form.Item>
      </Space>
      <Form.Item name="benefits" label="权益说明" rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} placeholder="如：会员价、免运费、双倍积分、会员日专享" />
      </Form.Item>
      <Form.Item name="onSale" label="上架" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
