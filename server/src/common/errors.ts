import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@mc/shared';

/** An error in the api.md format: HTTP status plus {error: {code, message, details?}}. */
export class AppError extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
  }
}

/** `notFound('订单')` → 404 「订单不存在」; `notFound(`SKU ${id}`)` → 「SKU 12 不存在」 (a space after Latin letters or digits). */
export const notFound = (what = '请求的内容') => new AppError(404, 'NOT_FOUND', `${what}${/[A-Za-z0-9]$/.test(what) ? ' ' : ''}不存在`);
export const conflict = (code: ErrorCode, message: string, details?: unknown) => new AppError(409, code, message, details);
export const badRequest = (message: string, details?: unknown) => new AppError(400, 'VALIDATION_FAILED', message, details);
export const unauthorized = (message = '请先登录') => new AppError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = '没有权限执行此操作') => new AppError(403, 'FORBIDDEN', message);
