import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import type { PointsAdjustmentResult } from '@mc/shared';
import { api, errorMessage } from '../../api';
import { intRule, parseInteger } from '../../numberRules';

/** The server's bound for one staff adjustment (`PointsAdjustmentDto`). */
const MAX_ADJUST = 1_000_000;

interface Values {
  points: string;
  reason: string;
}

/** 调整积分: a signed whole number and a reason, sent as typed; the server refuses (never clamps) what it cannot apply. */
export default function PointsAdjustModal({ customerId, open, onClose, onDone }: { customerId: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const res = await api.post<PointsAdjustmentResult>(`/api/admin/customers/${customerId}/points-adjustments`, { points: parseInteger(v.points), reason: v.reason });
      message.success(`已调整，当前积分 ${res.balance}`);
      form.resetFields();
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="调整积分" open={open} onCancel={onClose} onOk={() => form.submit()} okText="确定" cancelText="取消" confirmLoading={saving} okButtonProps={{ className: 'points-adjust-submit' }} destroyOnHidden>
      <Form form={form} name="pointsAdjust" layout="vertical" onFinish={submit}>
        <Form.Item
          name="points"
          label="调整积分（正数增加，负数扣减）"
          rules={[
            { required: true, message: '请填写调整积分' },
            intRule('调整积分', -MAX_ADJUST, MAX_ADJUST),
            { validator: (_, v: string) => (parseInteger(v) === 0 ? Promise.reject(new Error('调整积分不能为 0')) : Promise.resolve()) },
          ]}
        >
          <Input placeholder="例如 100 或 -50" />
        </Form.Item>
        <Form.Item name="reason" label="调整原因" rules={[{ required: true, whitespace: true, message: '请填写调整原因' }, { max: 100, message: '调整原因最多 100 个字' }]}>
          <Input.TextArea rows={2} maxLength={100} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
