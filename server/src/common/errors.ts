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

export const notFound = (what = 'resource') => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (code: ErrorCode, message: string, details?: unknown) => new AppError(409, code, message, details);
export const badRequest = (message: string, details?: unknown) => new AppError(400, 'VALIDATION_FAILED', message, details);
export const unauthorized = (message = 'login required') => new AppError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = 'not allowed') => new AppError(403, 'FORBIDDEN', message);
