import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Space } from 'antd';
import { api, errorMessage } from '../../api';
import { beiToBp, bpToBei, bpToZhe, zheToBp } from './rates';
import type { Tier } from './types';

interface Values {
  name: string;
  growthThreshold: number | null;
  /** 折: 5–10 (10 = no discount). */
  zhe: number | null;
  /** 倍: 1–10. */
  bei: number | null;
  perks: string;
}

/** Create (no tier) or edit a tier: `POST` / `PUT /api/admin/tiers`. */
export default function TierForm({ tier, onClose, onSaved }: { tier: Tier | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    const body = {
      name: v.name.trim(),
      growthThreshold: v.growthThreshold ?? 0,
      discountBp: zheToBp(v.zhe ?? 10),
      pointsMultiplierBp: beiToBp(v.bei ?? 1),
      perks: (v.perks ?? '').trim(),
    };
    setSaving(true);
    setError(null);
    try {
      if (tier) await api.put(`/api/admin/tiers/${tier.id}`, body);
      else await api.post('/api/admin/tiers', body);
      message.success(tier ? '等级已保存' : '等级已创建');
      onSaved();
    } catch (e) {
      setError(errorMessage(e, '保存失败'));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={tier ? '编辑会员等级' : '新建会员等级'}
      okText="保存"
      okButtonProps={{ className: 'tier-submit', loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert className="form-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name="tier"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          name: tier?.name ?? '',
          growthThreshold: tier?.growthThreshold ?? null,
          zhe: tier ? bpToZhe(tier.discountBp) : 10,
          bei: tier ? bpToBei(tier.pointsMultiplierBp) : 1,
          perks: tier?.perks ?? '',
        }}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入等级名称' }, { max: 32 }]}>
          <Input placeholder="如：金卡" />
        </Form.Item>
        <Form.Item
          name="growthThreshold"
          label="成长值门槛"
          extra="1 元实付 = 1 成长值；最低等级的门槛须为 0，各等级门槛不能重复"
          rules={[{ required: true, message: '请输入成长值门槛' }]}
        >
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item name="zhe" label="折扣" extra="5–10 折，10 折为不打折" rules={[{ required: true, message: '请输入折扣' }]}>
            <InputNumber min={5} max={10} step={0.5} precision={2} suffix="折" />
          </Form.Item>
          <Form.Item name="bei" label="积分倍数" extra="1–10 倍" rules={[{ required: true, message: '请输入积分倍数' }]}>
            <InputNumber min={1} max={10} step={0.5} precision={2} suffix="倍" />
          </Form.Item>
        </Space>
        <Form.Item name="perks" label="权益说明" rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} placeholder="如：生日礼、专属客服" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
