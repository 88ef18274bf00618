import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
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

/** POSTs a notification (no keep-alive, 10 s timeout); status 0 when the target could not be reached. */
export function deliver(url: string, n: SignedNotification): Promise<Delivery> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ status: 0, body: `invalid notify_url ${url}` });
      return;
    }
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      target,
      {
        method: 'POST',
        agent: false,
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
    req.on('error', (e) => resolve({ status: 0, body: e.message }));
    req.end(n.body);
  });
}
