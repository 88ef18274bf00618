import { createDecipheriv, createPrivateKey, createPublicKey, KeyObject, randomInt, sign, verify } from 'node:crypto';
import type { WechatConfig } from './wechat.config';

export const WECHATPAY_AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomNonce(length = 32): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALNUM[randomInt(ALNUM.length)];
  return s;
}

// Parsing a PEM costs more than the RSA operation itself; the keys are few and fixed per process.
const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

function parsed(pem: string, cache: Map<string, KeyObject>, parse: (pem: string) => KeyObject): KeyObject {
  let key = cache.get(pem);
  if (!key) {
    key = parse(pem);
    cache.set(pem, key);
  }
  return key;
}

/**
 * SHA256withRSA (PKCS#1 v1.5), base64. Signing runs on libuv's thread pool: an RSA-2048
 * signature is ~1 ms of CPU, twice per checkout, that the event loop need not wait on.
 */
export function rsaSha256Sign(message: string, privateKeyPem: string): Promise<string> {
  const key = parsed(privateKeyPem, privateKeys, createPrivateKey);
  return new Promise((resolve, reject) =>
    sign('sha256', Buffer.from(message, 'utf8'), key, (err, signature) => (err ? reject(err) : resolve(signature.toString('base64')))),
  );
}

export function rsaSha256Verify(message: string, signatureB64: string, publicKeyPem: string): boolean {
  try {
    const key = parsed(publicKeyPem, publicKeys, createPublicKey);
    return verify('sha256', Buffer.from(message, 'utf8'), key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

export interface AuthorizationInput {
  method: string;
  /** The request URL without scheme and host: `/v3/pay/transactions/jsapi`, `/v3/…?mchid=…`. */
  pathWithQuery: string;
  /** The exact body sent ('' for GET). */
  body: string;
  mchId: string;
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  /** Unix seconds. */
  timestamp: number | string;
  nonce?: string;
}

/** The `Authorization` header of a WeChat Pay v3 request. */
export async function buildAuthorization(i: AuthorizationInput): Promise<string> {
  const nonce = i.nonce ?? randomNonce();
  const timestamp = String(i.timestamp);
  const message = `${i.method.toUpperCase()}\n${i.pathWithQuery}\n${timestamp}\n${nonce}\n${i.body}\n`;
  const signature = await rsaSha256Sign(message, i.merchantPrivateKeyPem);
  return `${WECHATPAY_AUTH_SCHEME} mchid="${i.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${i.merchantSerial}"`;
}

export interface SignedMessage {
  timestamp: string;
  nonce: string;
  /** The raw body exactly as received. */
  body: string;
  signature: string;
  serial: string;
}

/** Checks a response or notification signature (`ts\nnonce\nbody\n`) and that it names our platform key. */
export function verifyPlatformSignature(
  m: SignedMessage,
  cfg: Pick<WechatConfig, 'platformSerial' | 'platformPublicKeyPem'>,
): boolean {
  if (!m.serial || m.serial !== cfg.platformSerial) return false;
  if (!m.timestamp || !m.nonce || !m.signature) return false;
  return rsaSha256Verify(`${m.timestamp}\n${m.nonce}\n${m.body}\n`, m.signature, cfg.platformPublicKeyPem);
}

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  original_type?: string;
  nonce: string;
}

/** AEAD_AES_256_GCM under the APIv3 key; ciphertext = base64(encrypted || 16-byte tag). Throws if it does not authenticate. */
export function decryptResource<T = Record<string, unknown>>(resource: EncryptedResource, apiV3Key: string): T {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported algorithm ${resource.algorithm}`);
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('the APIv3 key must be 32 bytes');
  const buf = Buffer.from(resource.ciphertext, 'base64');
  if (buf.length < 17) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(buf.subarray(buf.length - 16));
  const plain = Buffer.concat([decipher.update(buf.subarray(0, buf.length - 16)), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as T;
}

export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** The object the mini-program passes to wx.requestPayment for a JSAPI prepay. */
export async function requestPaymentParams(
  appId: string,
  prepayId: string,
  merchantPrivateKeyPem: string,
  now: Date,
  nonce: string = randomNonce(),
): Promise<RequestPaymentParams> {
  const timeStamp = String(Math.floor(now.getTime() / 1000));
  const pkg = `prepay_id=${prepayId}`;
  const paySign = await rsaSha256Sign(`${appId}\n${timeStamp}\n${nonce}\n${pkg}\n`, merchantPrivateKeyPem);
  return { timeStamp, nonceStr: nonce, package: pkg, signType: 'RSA', paySign };
}
