import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ErrorCode } from '@mc/shared';

/** What people read for an error the framework raised (a bad route param, an unknown route, a body too large). */
const MESSAGE_BY_STATUS: Record<number, string> = {
  400: '请求参数有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  405: '不支持该请求方法',
  409: '操作冲突，请刷新后重试',
  413: '提交的内容过大',
  415: '不支持该内容类型，请以 JSON 提交',
  429: '操作过于频繁，请稍后再试',
};

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

/** How long a client should wait before trying again while the database cannot be reached. */
const RETRY_AFTER_SECONDS = 5;

/** Driver and socket codes of a database that cannot be reached (rather than a statement that failed). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
]);
const UNREACHABLE_MESSAGE = /connection lost|connection is in closed state|acquire timeout|timeout acquiring|pool is closed/i;

/** A connection error of mysql2, as thrown by the pool or wrapped by TypeORM (driverError) or another error (cause). */
export function isDatabaseUnreachable(e: unknown): boolean {
  for (let err = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 5; depth++) {
    if ((typeof err.code === 'string' && UNREACHABLE_CODES.has(err.code)) || (typeof err.message === 'string' && UNREACHABLE_MESSAGE.test(err.message))) return true;
    err = (err.driverError ?? err.cause) as typeof err;
  }
  return false;
}

/** Every failure leaves as the api.md error body; never a stack trace; 5xx logged with the request id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<FastifyReply>();
    const req = ctx.getRequest<FastifyRequest>();
    const { status, body } = this.toBody(exception);
    if (status >= 500) {
      this.logger.error({ reqId: req.id, err: exception, url: req.url }, 'unhandled error');
      body.error.requestId = req.id ? String(req.id) : undefined;
    }
    if (res.sent) return;
    if (status === 503) res.header('retry-after', String(RETRY_AFTER_SECONDS));
    res.status(status).send(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const resp = exception.getResponse() as unknown;
      if (resp && typeof resp === 'object' && 'error' in resp && typeof (resp as ErrorBody).error === 'object') {
        return { status, body: resp as ErrorBody };
      }
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'CONFLICT');
      // the Fastify adapter wraps the body parser's errors (a bad path never gets here: see frameworkErrors in setup-app.ts)
      const message =
        (exception.cause as { code?: string } | undefined)?.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
          ? '请求内容不是有效的 JSON'
          : (MESSAGE_BY_STATUS[status] ?? (status >= 500 ? '服务暂时不可用，请稍后再试' : `请求失败（${status}）`));
      return { status, body: { error: { code, message } } };
    }
    // other errors that carry a client-error status (from a Fastify plugin, say)
    const e = exception as { status?: number; statusCode?: number };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 413 ? '提交的内容过大' : '请求有误';
      return { status: status === 413 ? 413 : 400, body: { error: { code: 'VALIDATION_FAILED', message } } };
    }
    if (isDatabaseUnreachable(exception)) {
      return { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } };
    }
    return { status: 500, body: { error: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' } } };
  }
}
