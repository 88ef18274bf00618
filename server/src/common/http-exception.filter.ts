import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ErrorBody, ErrorCode } from '@mc/shared';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'VALIDATION_FAILED',
  415: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

/** Every failure leaves as the api.md error body; never a stack trace; 5xx logged with the request id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const { status, body } = this.toBody(exception);
    if (status >= 500) {
      this.logger.error({ reqId: req.id, err: exception, url: req.originalUrl }, 'unhandled error');
      body.error.requestId = req.id ? String(req.id) : undefined;
    }
    if (res.headersSent) return;
    res.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const resp = exception.getResponse() as unknown;
      if (resp && typeof resp === 'object' && 'error' in resp && typeof (resp as ErrorBody).error === 'object') {
        return { status, body: resp as ErrorBody };
      }
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'CONFLICT');
      const message =
        status === 404 ? 'not found' : typeof resp === 'string' ? resp : ((resp as { message?: string })?.message ?? exception.message);
      return { status, body: { error: { code, message: String(message) } } };
    }
    // body-parser and similar errors carry a status (malformed JSON, payload too large)
    const e = exception as { status?: number; statusCode?: number; type?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = e.type === 'entity.parse.failed' ? 'request body is not valid JSON' : 'bad request';
      return { status: status === 413 ? 413 : 400, body: { error: { code: 'VALIDATION_FAILED', message } } };
    }
    return { status: 500, body: { error: { code: 'INTERNAL_ERROR', message: 'internal error' } } };
  }
}
