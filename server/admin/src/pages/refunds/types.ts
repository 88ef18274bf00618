import type { Refund } from '../orders/types';

/** `GET /api/admin/refunds` items. */
export type AdminRefund = Refund & { orderNo: string; customerId: number | string };
