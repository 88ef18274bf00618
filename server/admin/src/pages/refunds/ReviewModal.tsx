import { Form, Input, Typography } from 'antd';
import { api, errorMessage } from '../../api';
import FormModal from '../../components/FormModal';
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
  const [form] = Form.useForm<{ note?: string }>();
  const approve = action === 'approve';

  const review = async ({ note }: { note?: string }) => {
    const text = (note ?? '').trim();
    await api.post(`/api/admin/refunds/${refund.id}/${action}`, approve && !text ? {} : { note: text });
    return approve ? '已同意退款' : '已拒绝退款';
  };

  return (
    <FormModal
      form={form}
      name="review"
      title={approve ? '同意退款' : '拒绝退款'}
      okText={approve ? '确认同意' : '确认拒绝'}
      danger={!approve}
      submitClassName={`refund-${action}-submit`}
      intro={
        <Typography.Paragraph>
          退款单 {refund.refundNo}（订单 {refund.orderNo}），金额 <Typography.Text strong>{formatCents(refund.amountCents)}</Typography.Text>。
          {approve ? '同意后将原路退回给顾客。' : '拒绝后顾客会看到拒绝理由。'}
        </Typography.Paragraph>
      }
      onSubmit={review}
      onDone={onDone}
      onClose={onClose}
      errorText={(e) => errorMessage(e)}
    >
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
    </FormModal>
  );
}
