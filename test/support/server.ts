import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

export interface RunningServer {
  baseUrl: string;
  /** The server's process (the supervisor when WEB_CONCURRENCY > 1). */
  pid: number;
  output: () => string;
  /** Settles when the process has exited: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/**
 * Starts the built server exactly as the README's run command does (embedded sql.js database,
 * demo store, WeChat simulator, dev tools) on free ports, and waits for /api/health.
 * `readStdout: false` leaves its stdout pipe undrained: once the pipe is full, its writes fail with EAGAIN.
 */
export async function startBuiltServer(env: Record<string, string> = {}, opts: { readStdout?: boolean } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-browser-'));
  const port = await freePort();
  const simPort = await freePort();
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLJS_PATH: join(dataDir, 'demo.sqlite'),
      // shared by every server the tests start: pictures are named by their content, and the seed's are drawn once
      MEDIA_DIR: join(tmpdir(), 'mc-browser-media'),
      WECHAT_SIM: '1',
      WECHAT_SIM_PORT: String(simPort),
      DEV_TOOLS: '1',
      JOBS: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // the bare demo store: the specs read its lists and badges (approved distributors, refunds to handle)
      SEED_HISTORY: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  if (opts.readStdout !== false) child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: child.pid!,
    output: () => log,
    exited,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
