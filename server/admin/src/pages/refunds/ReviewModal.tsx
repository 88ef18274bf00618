import { Form, Input, Typography } from 'antd';
import { api, errorMessage } from '../../api';
import FormModal from '../../components/FormModal';
import { formatCents } from '../../format';
import type { AdminRefund } from './types';

export type ReviewAction = 'approve' | 'reject' | 'receive';

const TEXT: Record<ReviewAction, { title: string; ok: string; done: string; after: string }> = {
  approve: { title: '同意退款', ok: '确认同意', done: '已同意退款', after: '未发货的订单同意后原路退款；已发货的商品需顾客寄回，确认收到退货后再退款。' },
  reject: { title: '拒绝退款', ok: '确认拒绝', done: '已拒绝退款', after: '拒绝后顾客会看到拒绝理由。' },
  receive: { title: '确认收到退货', ok: '确认收货并退款', done: '已确认收货，退款已发起', after: '确认后原路退款给顾客。' },
};

interface Props {
  refund: AdminRefund;
  action: ReviewAction;
  onClose: () => void;
  onDone: () => void;
}

/**
 * The confirmation of 同意 (note optional), 确认收到退货 (note optional) or 拒绝 (note required):
 * `POST /api/admin/refunds/:id/approve|receive|reject`.
 */
export default function ReviewModal({ refund, action, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ note?: string }>();
  const optional = action !== 'reject';
  const text = TEXT[action];
  const parcel = refund.returnShipment;

  const review = async ({ note }: { note?: string }) => {
    const trimmed = (note ?? '').trim();
    await api.post(`/api/admin/refunds/${refund.id}/${action}`, optional && !trimmed ? {} : { note: trimmed });
    return text.done;
  };

  return (
    <FormModal
      form={form}
      name="review"
      title={text.title}
      okText={text.ok}
      danger={!optional}
      submitClassName={`refund-${action}-submit`}
      intro={
        <Typography.Paragraph>
          退款单 {refund.refundNo}（订单 {refund.orderNo}），金额 <Typography.Text strong>{formatCents(refund.amountCents)}</Typography.Text>。
          {parcel && `退货物流：${parcel.carrier} ${parcel.trackingNo}。`}
          {text.after}
        </Typography.Paragraph>
      }
      onSubmit={review}
      onDone={onDone}
      onClose={onClose}
      errorText={(e) => errorMessage(e)}
    >
      <Form.Item
        name="note"
        label={optional ? '备注（选填）' : '拒绝理由'}
        rules={[
          ...(optional ? [] : [{ required: true, whitespace: true, message: '请填写拒绝理由' }]),
          { max: 200, message: '最多 200 个字符' },
        ]}
      >
        <Input.TextArea rows={3} placeholder={optional ? '选填' : '如：商品已签收超过 7 天'} />
      </Form.Item>
    </FormModal>
  );
}
