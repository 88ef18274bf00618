import { type ChildProcess, fork } from 'node:child_process';
import type { WechatSettings } from '../config/config';

interface SimReady {
  type: 'wechat-sim-ready';
  url: string;
  config: Omit<WechatSettings, 'apiBase' | 'payApiBase'>;
}

/**
 * WECHAT_SIM=1: runs the WeChat simulator as a child process and points every WeChat
 * base URL and key at it (the simulator generates its keys at start and sends them here).
 * `stop` ends it and waits for it to exit; the caller stops it on shutdown, after the API stops
 * serving (requests in flight may still call it).
 */
export async function forkSimulator(port: number): Promise<{ url: string; settings: WechatSettings; stop: () => Promise<void>; child: ChildProcess }> {
  const child = fork(require.resolve('@mc/wechat-sim/dist/main.js'), [], {
    env: { ...process.env, WECHAT_SIM_PORT: String(port) },
    // Forked with IPC it writes nothing to stdout, and its log lines to stderr are passed on: a child
    // inheriting our stdout or stderr would make that fd blocking (libuv does so for a child's
    // stdio, on the file description we share), so that a reader who stops reading blocks us.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr!.pipe(process.stderr, { end: false });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => child.kill();
  process.once('exit', kill); // an exit without a shutdown (a failed start) takes the simulator along
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) kill();
    await gone;
  };
  const ready = await new Promise<SimReady>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('WeChat simulator did not start within 10 s')), 10_000);
    child.on('message', (m: SimReady) => {
      if (m?.type !== 'wechat-sim-ready') return;
      clearTimeout(timer);
      resolvePromise(m);
    });
    child.once('exit', (code) => reject(new Error(`WeChat simulator exited with code ${code}`)));
  });
  return { url: ready.url, settings: { ...ready.config, apiBase: ready.url, payApiBase: ready.url }, stop, child };
}
