/** `GET /api/admin/refunds` items. */
export type { AdminRefund } from '@mc/shared';
