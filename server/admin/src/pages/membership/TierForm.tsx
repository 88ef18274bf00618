import { Form, Input, Space } from 'antd';
import { beiToBp, bpToBeiText, bpToZheText, zheToBp, type AdminTier } from '@mc/shared';
import { createOrUpdate } from '../../api';
import FormModal from '../../components/FormModal';
import { beiRule, zheRule } from './rateRules';
import { intRule, intText, MAX_INT, parseInteger } from '../../numberRules';

interface Values {
  name: string;
  /** As typed. */
  growthThreshold: string;
  /** 折 as typed: 5–10 (10 = no discount), at most two decimals. */
  zhe: string;
  /** 倍 as typed: 1–10, at most two decimals. */
  bei: string;
  perks: string;
}

/** Create (no tier) or edit a tier: `POST` / `PUT /api/admin/tiers`. */
export default function TierForm({ tier, onClose, onSaved }: { tier: AdminTier | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();

  const save = async (v: Values) => {
    const body = {
      name: v.name.trim(),
      growthThreshold: parseInteger(v.growthThreshold) ?? 0,
      // the fields' rules let only rates in range through
      discountBp: zheToBp(v.zhe),
      pointsMultiplierBp: beiToBp(v.bei),
      perks: (v.perks ?? '').trim(),
    };
    await createOrUpdate('/api/admin/tiers', tier?.id, body);
    return tier ? '等级已保存' : '等级已创建';
  };

  return (
    <FormModal<Values>
      form={form}
      name="tier"
      title={tier ? '编辑会员等级' : '新建会员等级'}
      submitClassName="tier-submit"
      initialValues={{
        name: tier?.name ?? '',
        growthThreshold: intText(tier?.growthThreshold),
        zhe: tier ? bpToZheText(tier.discountBp) : '10',
        bei: tier ? bpToBeiText(tier.pointsMultiplierBp) : '1',
        perks: tier?.perks ?? '',
      }}
      serverFields={{ discountBp: 'zhe', pointsMultiplierBp: 'bei' }}
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
    >
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入等级名称' }, { max: 32 }]}>
        <Input placeholder="如：金卡" />
      </Form.Item>
      <Form.Item
        name="growthThreshold"
        label="成长值门槛"
        extra="1 元实付 = 1 成长值；最低等级的门槛须为 0，各等级门槛不能重复"
        rules={[{ required: true, message: '请输入成长值门槛' }, intRule('成长值门槛', 0, MAX_INT)]}
      >
        <Input inputMode="numeric" style={{ width: 200 }} />
      </Form.Item>
      <Space size="large" align="start">
        <Form.Item name="zhe" label="折扣" extra="5–10 折，10 折为不打折" rules={[{ required: true, message: '请输入折扣' }, zheRule(5000, 10000)]}>
          <Input inputMode="decimal" suffix="折" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="bei" label="积分倍数" extra="1–10 倍" rules={[{ required: true, message: '请输入积分倍数' }, beiRule(10000, 100000)]}>
          <Input inputMode="decimal" suffix="倍" style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item name="perks" label="权益说明" rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} placeholder="如：生日礼、专属客服" />
      </Form.Item>
    </FormModal>
  );
}
