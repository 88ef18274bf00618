/** Order shapes of docs/shopping-contract.md (staff views add customerId). */
export type { Id, OrderSummaryLine, Refund } from '@mc/shared';
export type { OrderListItem as AdminOrderSummary, OrderDetail as AdminOrderDetail } from '@mc/shared';

export const ORDER_KIND_LABEL: Record<string, string> = {
  GOODS: '商品订单',
  MEMBER_CARD: '会员卡',
  POINTS_REDEMPTION: '积分兑换',
};

/** '苹果 ×2，香蕉 ×1'. */
export const linesSummary = (lines: { title: string; qty: number }[]): string => lines.map((l) => `${l.title} ×${l.qty}`).join('，');
