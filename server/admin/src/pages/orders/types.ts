/** Order shapes of docs/shopping-contract.md (staff views add customerId). */
export type { Id, OrderSummaryLine, Refund } from '@mc/shared';
export type { OrderListItem as AdminOrderSummary, OrderDetail as AdminOrderDetail } from '@mc/shared';

/** '苹果 ×2，香蕉 ×1'. */
export const linesSummary = (lines: { title: string; qty: number }[]): string => lines.map((l) => `${l.title} ×${l.qty}`).join('，');
