import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSimulator } from '@mc/wechat-sim';
import type { WechatConfig } from '../../src/wechat';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface NotifyTarget {
  url: string;
  received: Received[];
  /** Resolves once `n` requests have arrived in total. */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

type Handler = (r: Received) => { status: number; body?: unknown };

/** A local HTTP server that records what the simulator POSTs to it. */
export async function startNotifyTarget(handler: Handler = () => ({ status: 204 })): Promise<NotifyTarget> {
  const received: Received[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const out = handler(r);
      const text = out.body === undefined ? '' : JSON.stringify(out.body);
      res.writeHead(out.status, text ? { 'Content-Type': 'application/json' } : {});
      res.end(text);
      for (const w of waiters.filter((x) => received.length >= x.n)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor: (n, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        if (received.length >= n) return resolve(received);
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${n} requests arrived`)), timeoutMs);
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function wechatConfig(sim: RunningSimulator, notifyBase = 'http://127.0.0.1:9'): WechatConfig {
  return {
    apiBase: sim.url,
    payApiBase: sim.url,
    ...sim.config,
    notifyUrl: `${notifyBase}/pay`,
    refundNotifyUrl: `${notifyBase}/refund`,
    transferNotifyUrl: `${notifyBase}/transfer`,
  };
}

export async function simPost(sim: RunningSimulator, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

let seq = 0;
/** A fresh out_trade_no / out_refund_no / out_bill_no (letters and digits only). */
export function uniqueNo(prefix: string): string {
  seq += 1;
  return `${prefix}${Date.now()}${seq}${Math.floor(Math.random() * 1000)}`;
}
