/** Error codes of the HTTP contract (docs/api.md). Every error body is `{ error: { code, message, details? } }`. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OUT_OF_STOCK',
  'ALREADY_CHECKED_IN',
  'INSUFFICIENT_POINTS',
  'INSUFFICIENT_BALANCE',
  'INVALID_STATE',
  'LIMIT_EXCEEDED',
  'MEMBERS_ONLY',
  'IDEMPOTENCY_CONFLICT',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYMENT_ERROR',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}
