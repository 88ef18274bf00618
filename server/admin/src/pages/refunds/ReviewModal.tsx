import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { api, errorMessage } from '../../api';
import { formatCents } from '../../format';
import type { AdminRefund } from './types';

export type ReviewAction = 'approve' | 'reject';

interface Props {
  refund: AdminRefund;
  action: ReviewAction;
  onClose: () => void;
  onDone: () => void;
}

/** The confirmation of 同意 (note optional) or 拒绝 (note required): `POST /api/admin/refunds/:id/approve|reject`. */
export default function ReviewModal({ refund, action, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const approve = action === 'approve';

  const onFinish = async ({ note }: { note?: string }) => {
    const text = (note ?? '').trim();
    setSaving(true);
    setError(null);
    try {
      await api.post(`/api/admin/refunds/${refund.id}/${action}`, approve && !text ? {} : { note: text });
      message.success(approve ? '已同意退款' : '已拒绝退款');
      onDone();
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={approve ? '同意退款' : '拒绝退款'}
      okText={approve ? '确认同意' : '确认拒绝'}
      okButtonProps={{ danger: !approve, loading: saving, className: `refund-${action}-submit` }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        退款单 {refund.refundNo}（订单 {refund.orderNo}），金额 <Typography.Text strong>{formatCents(refund.amountCents)}</Typography.Text>。
        {approve ? '同意后将原路退回给顾客。' : '拒绝后顾客会看到拒绝理由。'}
      </Typography.Paragraph>
      {error && <Alert className="form-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="review" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="note"
          label={approve ? '备注（选填）' : '拒绝理由'}
          rules={[
            ...(approve ? [] : [{ required: true, whitespace: true, message: '请填写拒绝理由' }]),
            { max: 200, message: '最多 200 个字符' },
          ]}
        >
          <Input.TextArea rows={3} placeholder={approve ? '选填' : '如：商品已签收超过 7 天'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
