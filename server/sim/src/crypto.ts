import { createCipheriv, createPrivateKey, createPublicKey, generateKeyPair, KeyObject, randomBytes, randomInt, sign, verify } from 'node:crypto';
import { promisify } from 'node:util';

const generateKeyPairAsync = promisify(generateKeyPair);

export interface RsaKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

/** A 2048-bit RSA pair: PKCS#8 private key (like apiclient_key.pem) and SPKI public key (like pub_key.pem). */
export async function generateRsaKeyPair(): Promise<RsaKeyPair> {
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomString(length: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export function randomDigits(length: number): string {
  return randomString(length, '0123456789');
}

// Parsing a PEM costs more than signing with it; a simulator has a handful of keys.
const parsedKeys = new Map<string, KeyObject>();

function keyObject(pem: string, kind: 'private' | 'public'): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) {
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
    parsedKeys.set(pem, key);
  }
  return key;
}

/** SHA256withRSA (PKCS#1 v1.5), base64: WeChat Pay v3 signatures in both directions. */
export function rsaSign(message: string, privateKeyPem: string): string {
  return sign('sha256', Buffer.from(message, 'utf8'), keyObject(privateKeyPem, 'private')).toString('base64');
}

export function rsaVerify(message: string, signatureB64: string, publicKeyPem: string): boolean {
  try {
    return verify('sha256', Buffer.from(message, 'utf8'), keyObject(publicKeyPem, 'public'), Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

/** The string a merchant signs for its Authorization header. */
export function requestMessage(method: string, pathWithQuery: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** The string WeChat Pay signs for responses and notifications. */
export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

export interface AuthorizationParts {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** Parses `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",…`; null if malformed. */
export function parseAuthorization(header: string | undefined): AuthorizationParts | null {
  if (!header) return null;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space) !== AUTH_SCHEME) return null;
  const parts: Record<string, string> = {};
  for (const m of header.slice(space + 1).matchAll(/(\w+)="([^"]*)"/g)) parts[m[1]] = m[2];
  for (const k of ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no']) if (!parts[k]) return null;
  return parts as unknown as AuthorizationParts;
}

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  original_type: string;
  nonce: string;
}

/** AEAD_AES_256_GCM under the APIv3 key: ciphertext = base64(encrypted || 16-byte tag). */
export function encryptResource(plain: object, apiV3Key: string, associatedData: string, originalType: string): EncryptedResource {
  const nonce = randomString(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const enc = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: enc.toString('base64'),
    associated_data: associatedData,
    original_type: originalType,
    nonce,
  };
}
