import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateRsaKeyPair, randomDigits, randomHex, randomString } from './crypto';
import { SimApp } from './routes';
import type { SimConfig } from './state';

export type { SimConfig } from './state';
export { fakeCodePng, encodeGrayPng } from './png';

export interface SimulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  log?: (msg: string) => void;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:3001 — use it as both the API base and the Pay API base. */
  url: string;
  port: number;
  config: SimConfig;
  close(): Promise<void>;
}

/** Starts a WeChat (mini-program + Pay v3) simulator on loopback with freshly generated keys. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = opts.host ?? '127.0.0.1';
  const [merchant, platform] = await Promise.all([generateRsaKeyPair(), generateRsaKeyPair()]);
  const config: SimConfig = {
    appId: `wx${randomHex(8)}`,
    appSecret: randomHex(16),
    mchId: `19${randomDigits(8)}`,
    merchantSerial: randomHex(20).toUpperCase(),
    merchantPrivateKeyPem: merchant.privateKeyPem,
    platformSerial: `PUB_KEY_ID_01${randomDigits(30)}`,
    platformPublicKeyPem: platform.publicKeyPem,
    apiV3Key: randomString(32),
  };
  const app = new SimApp(
    config,
    { merchantPublicKeyPem: merchant.publicKeyPem, platformPrivateKeyPem: platform.privateKeyPem },
    opts.log,
  );
  const server = createServer(app.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    config,
    close: () =>
      new Promise<void>((resolve, reject) => {
        app.shutdown();
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
