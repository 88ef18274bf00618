import { Alert, Form, Input, Select } from 'antd';
import { REFUND_STATUS_LABEL } from '@mc/shared';
import { api, errorMessage } from '../../api';
import FormModal from '../../components/FormModal';
import type { Id, RefundStatus } from './types';

/** Sent as the carrier's name: it is what the customer sees. */
export const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '申通快递', '极兔速递', 'EMS', '京东物流'];

interface Values {
  carrier: string;
  trackingNo: string;
}

interface Props {
  /** `refundStatus`: a refund being handled on the order; staff are warned before shipping. */
  order: { id: Id; orderNo: string; refundStatus?: RefundStatus | null };
  onClose: () => void;
  onShipped: () => void;
}

/** `POST /api/admin/orders/:id/ship {carrier, trackingNo}`; a warning first when a refund is pending on the order. */
export default function ShipModal({ order, onClose, onShipped }: Props) {
  const [form] = Form.useForm<Values>();

  const ship = async (v: Values) => {
    await api.post(`/api/admin/orders/${order.id}/ship`, { carrier: v.carrier, trackingNo: v.trackingNo.trim() });
    return `订单 ${order.orderNo} 已发货`;
  };

  return (
    <FormModal<Values>
      form={form}
      name="ship"
      title={`发货 · ${order.orderNo}`}
      okText={order.refundStatus ? '仍要发货' : '确认发货'}
      submitClassName="ship-submit"
      onSubmit={ship}
      onDone={onShipped}
      onClose={onClose}
      errorText={(e) => errorMessage(e, '发货失败')}
      intro={
        order.refundStatus && (
          <Alert
            className="ship-refund-warning"
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`该订单有退款正在处理（${REFUND_STATUS_LABEL[order.refundStatus]}）`}
            description="顾客已申请退款，建议先在「售后退款」处理后再决定是否发货。"
          />
        )
      }
    >
      <Form.Item name="carrier" label="快递公司" rules={[{ required: true, message: '请选择快递公司' }]}>
        <Select className="ship-carrier" placeholder="选择快递公司" showSearch options={CARRIERS.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item
        name="trackingNo"
        label="快递单号"
        rules={[
          { required: true, whitespace: true, message: '请输入快递单号' },
          { max: 64, message: '快递单号最多 64 个字符' },
          { pattern: /^\s*[A-Za-z0-9-]+\s*$/, message: '快递单号只能包含字母、数字和 -' },
        ]}
      >
        <Input className="ship-tracking" placeholder="如：SF1234567890" />
      </Form.Item>
    </FormModal>
  );
}
