import { Form, Input, Space, Switch } from 'antd';
import type { MembershipPlan } from '@mc/shared';
import { createOrUpdate } from '../../api';
import FormModal from '../../components/FormModal';
import { formatYuan, parseYuan } from '../../format';
import { yuanRule } from '../products/yuanRule';
import { intRule, parseInteger } from '../../numberRules';

/** The server's bounds (PlanDto). */
const MAX_PRICE_CENTS = 10_000_000;
const MAX_DAYS = 3660;
const MAX_SORT = 1_000_000_000;
const PRICE_MESSAGE = '价格须为 0.01 到 100000 元之间，最多两位小数';

interface Values {
  name: string;
  price: string;
  /** As typed. */
  days: string;
  benefits: string;
  onSale: boolean;
  /** As typed. */
  sort: string;
}

/** Create (no plan) or edit a card plan: `POST` / `PUT /api/admin/membership/plans`. */
export default function PlanForm({ plan, onClose, onSaved }: { plan: MembershipPlan | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();

  const save = async (v: Values) => {
    const body = {
      name: v.name.trim(),
      priceCents: parseYuan(v.price),
      // the fields' rules let only whole numbers in range through
      days: parseInteger(v.days),
      benefits: (v.benefits ?? '').trim(),
      onSale: v.onSale,
      sort: parseInteger(v.sort) ?? 0,
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
        days: String(plan?.days ?? 30),
        benefits: plan?.benefits ?? '',
        // a new plan is off sale until staff put it on sale
        onSale: plan?.onSale ?? false,
        sort: String(plan?.sort ?? 0),
      }}
      serverFields={{ priceCents: 'price' }}
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
            {
              validator: (_, val: string) => {
                const cents = parseYuan(val);
                return cents === null || (cents >= 1 && cents <= MAX_PRICE_CENTS) ? Promise.resolve() : Promise.reject(new Error(PRICE_MESSAGE));
              },
            },
          ]}
        >
          <Input prefix="¥" placeholder="19.90" />
        </Form.Item>
        <Form.Item name="days" label="天数" rules={[{ required: true, message: '请输入天数' }, intRule('天数', 1, MAX_DAYS)]}>
          <Input inputMode="numeric" suffix="天" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="sort" label="排序" extra="数字越大越靠前" rules={[intRule('排序', -MAX_SORT, MAX_SORT)]}>
          <Input inputMode="numeric" style={{ width: 120 }} />
        </Form.Item>
      </Space>
      <Form.Item name="benefits" label="权益说明" rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} placeholder="如：会员价、免运费、双倍积分、会员日专享" />
      </Form.Item>
      <Form.Item name="onSale" label="上架" valuePropName="checked" extra="新方案默认不上架，确认无误后再上架">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
