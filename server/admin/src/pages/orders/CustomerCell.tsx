import { Space, Tag, Typography } from 'antd';
import type { OrderCustomer } from './types';

/** The customer as staff see them: nickname (or 顾客 #id), the phone's last four digits, 会员 when they hold a card. */
export default function CustomerCell({ customer }: { customer: OrderCustomer }) {
  return (
    <Space size={4} wrap className="order-customer">
      <span className="order-customer-name">{customer.nickname || `顾客 #${customer.id}`}</span>
      {customer.phoneTail && <Typography.Text type="secondary">尾号 {customer.phoneTail}</Typography.Text>}
      {customer.member ? (
        <Tag color="gold" className="order-customer-member">
          会员
        </Tag>
      ) : (
        <Tag className="order-customer-member">非会员</Tag>
      )}
    </Space>
  );
}
