import { fork } from 'node:child_process';
import type { WechatSettings } from '../config/config';

interface SimReady {
  type: 'wechat-sim-ready';
  url: string;
  config: Omit<WechatSettings, 'apiBase' | 'payApiBase'>;
}

/**
 * WECHAT_SIM=1: runs the WeChat simulator as a child process and points every WeChat
 * base URL and key at it (the simulator generates its keys at start and sends them here).
 */
export async function forkSimulator(port: number): Promise<{ url: string; settings: WechatSettings }> {
  const child = fork(require.resolve('@mc/wechat-sim/dist/main.js'), [], {
    env: { ...process.env, WECHAT_SIM_PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = () => child.kill();
  process.once('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      stop();
      process.exit(0);
    });
  }
  const ready = await new Promise<SimReady>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('WeChat simulator did not start within 10 s')), 10_000);
    child.on('message', (m: SimReady) => {
      if (m?.type !== 'wechat-sim-ready') return;
      clearTimeout(timer);
      resolvePromise(m);
    });
    child.once('exit', (code) => reject(new Error(`WeChat simulator exited with code ${code}`)));
  });
  return { url: ready.url, settings: { ...ready.config, apiBase: ready.url, payApiBase: ready.url } };
}
