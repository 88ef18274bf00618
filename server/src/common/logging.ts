import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';

/**
 * Nest's logger on pino, one JSON line per entry. Nest calls it as `log(message, ...params, context)`;
 * `new Logger('X').error({ reqId, err }, 'text')` arrives as an object, the text and 'X'.
 * Lines that belong to a request carry its id because the caller puts it there (`reqId`), not
 * through per-request loggers: those cost every request work whether or not anything is logged.
 */
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  private write(level: pino.Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    let msg: string | undefined;
    if (message instanceof Error) fields.err = message;
    else if (message && typeof message === 'object') Object.assign(fields, message);
    else msg = String(message);
    for (const p of rest) {
      // Nest passes an error's stack as a string before the context
      if (typeof p === 'string') msg === undefined ? (msg = p) : (fields.stack = p);
      else if (p instanceof Error) fields.err = p;
      else if (p !== undefined) fields.detail = p;
    }
    this.pino[level](fields, msg);
  }
}

export function createLogger(level: string): PinoNestLogger {
  return new PinoNestLogger(pino({ level, redact: ['headers.authorization', 'req.headers.authorization'] }));
}
