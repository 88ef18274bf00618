/** Order shapes of docs/shopping-contract.md (staff views add the customer). */
export type { Id, OrderSummaryLine, Refund, OrderCustomer, RefundStatus } from '@mc/shared';
export type { AdminOrderListItem as AdminOrderSummary, AdminOrderDetail } from '@mc/shared';

/** '苹果 ×2，香蕉 ×1'. */
export const linesSummary = (lines: { title: string; qty: number }[]): string => lines.map((l) => `${l.title} ×${l.qty}`).join('，');
