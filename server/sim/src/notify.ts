import { randomUUID } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { AUTH_SCHEME, encryptResource, randomString, responseMessage, rsaSign } from './crypto';
import { wxTime } from './state';

export interface SignedNotification {
  body: string;
  headers: Record<string, string>;
}

export interface NotificationKeys {
  apiV3Key: string;
  platformSerial: string;
  platformPrivateKeyPem: string;
}

export interface NotificationOptions {
  eventType: string;
  summary: string;
  /** associated_data and original_type of the encrypted resource. */
  resourceKind: string;
  plain: object;
  /** Seconds added to the signed timestamp (negative = stale). */
  timestampOffset?: number;
  /** Sign something other than the body, so the signature does not verify. */
  badSignature?: boolean;
}

/** A WeChat Pay v3 notification: AES-256-GCM resource, RSA-SHA256 signature over `ts\nnonce\nbody\n`. */
export function buildNotification(keys: NotificationKeys, o: NotificationOptions): SignedNotification {
  const body = JSON.stringify({
    id: randomUUID(),
    create_time: wxTime(),
    resource_type: 'encrypt-resource',
    event_type: o.eventType,
    summary: o.summary,
    resource: encryptResource(o.plain, keys.apiV3Key, o.resourceKind, o.resourceKind),
  });
  const timestamp = String(Math.floor(Date.now() / 1000) + (o.timestampOffset ?? 0));
  const nonce = randomString(32);
  const signed = o.badSignature ? `${body} ` : body;
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': rsaSign(responseMessage(timestamp, nonce, signed), keys.platformPrivateKeyPem),
      'Wechatpay-Serial': keys.platformSerial,
      'Wechatpay-Signature-Type': AUTH_SCHEME,
    },
  };
}

export interface Delivery {
  status: number;
  body: unknown;
}

// Kept-alive connections to the merchant, as a real notifier (or the merchant's proxy) would have:
// a new connection per notification would make the simulator, not the server, the cost under load.
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/** POSTs a notification (10 s timeout); status 0 when the target could not be reached. */
export async function deliver(url: string, n: SignedNotification): Promise<Delivery> {
  for (let attempt = 1; ; attempt++) {
    const d = await deliverOnce(url, n);
    // the merchant closed an idle kept-alive socket as we reused it: nothing was delivered, send again
    if (!d.staleSocket || attempt === 3) return { status: d.status, body: d.body };
  }
}

function deliverOnce(url: string, n: SignedNotification): Promise<Delivery & { staleSocket?: boolean }> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ status: 0, body: `invalid notify_url ${url}` });
      return;
    }
    const https = target.protocol === 'https:';
    const req = (https ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        agent: https ? agents.https : agents.http,
        timeout: 10_000,
        headers: { ...n.headers, 'Content-Length': String(Buffer.byteLength(n.body)), 'User-Agent': 'Mozilla/4.0' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : '';
          } catch {
            /* keep text */
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', (e) => resolve({ status: 0, body: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('notify timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, body: e.message, staleSocket: req.reusedSocket && e.code === 'ECONNRESET' }));
    req.end(n.body);
  });
}
