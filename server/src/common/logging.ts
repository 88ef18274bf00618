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

/** At most this much log text waits in memory for stdout; lines beyond it are dropped. */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

let stdout: ReturnType<typeof pino.destination> | undefined;

/**
 * stdout for every logger of the process, written asynchronously (libuv's thread pool): a reader
 * that stops reading costs memory up to MAX_PENDING_BYTES, never a blocked request. Creating
 * process.stdout first makes a pipe's fd non-blocking, so a full pipe answers EAGAIN (retried)
 * rather than holding a pool thread. pino would flush at exit synchronously, retrying every
 * 100 ms for as long as the pipe stays full: whatever is still pending at exit is dropped instead
 * (a shutdown calls closeLogs first).
 */
function stdoutDestination() {
  if (!stdout) {
    const dest = pino.destination({ dest: process.stdout.fd ?? 1, sync: false, maxLength: MAX_PENDING_BYTES });
    process.prependListener('exit', () => dest.destroy());
    stdout = dest;
  }
  return stdout;
}

/**
 * Writes out pending log lines for at most `ms`, then stops logging to stdout (the end of a
 * shutdown). False when they could not all be written: a write may still be pending, and
 * process.exit would wait for it (libuv joins its thread pool) for as long as nobody reads.
 */
export async function closeLogs(ms: number): Promise<boolean> {
  const dest = stdout;
  stdout = undefined;
  if (!dest) return true;
  const flushed = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    dest.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    dest.end();
  });
  dest.destroy(); // a no-op once ended
  return flushed;
}

export function createLogger(level: string): PinoNestLogger {
  return new PinoNestLogger(pino({ level, redact: ['headers.authorization', 'req.headers.authorization'] }, stdoutDestination()));
}
