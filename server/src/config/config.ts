import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export class ConfigError extends Error {}

/** The mini-program's and the merchant's WeChat settings: real WeChat, or the simulator's (`@mc/wechat-sim`). */
export interface WechatSettings {
  /** https://api.weixin.qq.com (mini-program server APIs). */
  apiBase: string;
  /** https://api.mch.weixin.qq.com (WeChat Pay v3). */
  payApiBase: string;
  appId: string;
  appSecret: string;
  mchId: string;
  /** Serial number of the merchant API certificate (the key below). */
  merchantSerial: string;
  /** PKCS#8 PEM (apiclient_key.pem). */
  merchantPrivateKeyPem: string;
  /** WeChat Pay public key ID (PUB_KEY_ID_…) or platform certificate serial. */
  platformSerial: string;
  /** SPKI PEM of the WeChat Pay public key (or the platform certificate's key). */
  platformPublicKeyPem: string;
  /** 32-character APIv3 key. */
  apiV3Key: string;
}

export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  publicBaseUrl: string;
  /** mysql://user:pass@host:port/db, or null for the embedded sql.js demo database. */
  databaseUrl: string | null;
  sqljsPath: string;
  migrationsRun: boolean;
  seedDemo: boolean;
  /** With the demo store, a few months of made-up history (customers, orders, points, commission) so the reports show something. */
  seedHistory: boolean;
  devTools: boolean;
  jobsEnabled: boolean;
  /** WEB_CONCURRENCY: API processes sharing the port (node:cluster); 1 = this process serves. */
  workers: number;
  wechatSim: boolean;
  wechatSimPort: number;
  adminPassword: string | null;
  jwtSecret: string;
  logLevel: string;
  /** Filled from WECHAT_* env, or from the simulator when WECHAT_SIM=1. */
  wechat: WechatSettings;
  /** Where uploaded and generated images are kept (docs/images.md). */
  media: MediaSettings;
}

/** MEDIA_STORAGE=local keeps images in a folder; s3 in a bucket of any S3-compatible object store. */
export type MediaSettings =
  | { storage: 'local'; dir: string }
  | { storage: 's3'; bucket: string; region: string; endpoint: string | null; forcePathStyle: boolean; prefix: string; accessKeyId: string | null; secretAccessKey: string | null };

function mediaSettings(env: Env, sqljsPath: string): MediaSettings {
  const storage = env.MEDIA_STORAGE || 'local';
  if (storage === 'local') return { storage, dir: env.MEDIA_DIR ? resolveDataPath(env.MEDIA_DIR) : join(dirname(sqljsPath), 'media') };
  if (storage !== 's3') throw new ConfigError(`MEDIA_STORAGE must be local or s3 (got "${storage}")`);
  const bucket = env.S3_BUCKET ?? '';
  if (!bucket) throw new ConfigError('MEDIA_STORAGE=s3 needs S3_BUCKET');
  const accessKeyId = env.S3_ACCESS_KEY_ID || null;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || null;
  if (!accessKeyId !== !secretAccessKey) throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  return {
    storage,
    bucket,
    region: env.S3_REGION || 'us-east-1',
    endpoint: env.S3_ENDPOINT || null,
    forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE', false),
    prefix: (env.S3_PREFIX ?? '').replace(/^\/+/, ''),
    accessKeyId,
    secretAccessKey,
  };
}

type Env = Record<string, string | undefined>;

function flag(env: Env, name: string, dflt: boolean): boolean {
  const v = env[name];
  if (v === undefined || v === '') return dflt;
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0 (got "${v}")`);
}

function workerCount(env: Env): number {
  const v = env.WEB_CONCURRENCY;
  if (v === undefined || v === '') return 1;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new ConfigError(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${v}")`);
  return n;
}

function port(env: Env, name: string, dflt: number): number {
  const v = env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number (got "${v}")`);
  return n;
}

/** A PEM given inline (with \n escapes allowed) or as a path to a file. */
function pem(env: Env, name: string): string {
  const v = env[name] ?? '';
  if (!v || v.includes('-----BEGIN')) return v.replace(/\\n/g, '\n');
  try {
    return readFileSync(v, 'utf8');
  } catch {
    throw new ConfigError(`${name}: cannot read PEM file "${v}"`);
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^(mysql|mariadb):\/\/[^/]+\/\w+/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must look like mysql://user:pass@host:port/database');
  }
  const wechatSim = flag(env, 'WECHAT_SIM', false);
  const jwtSecret = env.JWT_SECRET ?? '';
  if (production && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET is required in production (at least 32 characters)');
  }
  const p = port(env, 'PORT', 3000);
  const sqljsPath = resolveDataPath(env.SQLJS_PATH || 'data/demo.sqlite');
  const config: AppConfig = {
    production,
    port: p,
    host: env.HOST || '0.0.0.0',
    publicBaseUrl: (env.PUBLIC_BASE_URL || `http://127.0.0.1:${p}`).replace(/\/$/, ''),
    databaseUrl,
    sqljsPath,
    migrationsRun: flag(env, 'MIGRATIONS_RUN', true),
    seedDemo: flag(env, 'SEED_DEMO', false) || !databaseUrl,
    seedHistory: flag(env, 'SEED_HISTORY', !production && env.NODE_ENV !== 'test'),
    devTools: flag(env, 'DEV_TOOLS', false),
    jobsEnabled: flag(env, 'JOBS', true),
    workers: workerCount(env),
    wechatSim,
    wechatSimPort: port(env, 'WECHAT_SIM_PORT', 3001),
    adminPassword: env.ADMIN_PASSWORD || null,
    jwtSecret: jwtSecret || 'dev-only-insecure-jwt-secret-change-me',
    logLevel: env.LOG_LEVEL || 'info',
    wechat: {
      apiBase: (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/$/, ''),
      payApiBase: (env.WECHATPAY_API_BASE || 'https://api.mch.weixin.qq.com').replace(/\/$/, ''),
      appId: env.WECHAT_APPID ?? '',
      appSecret: env.WECHAT_SECRET ?? '',
      mchId: env.WECHATPAY_MCHID ?? '',
      merchantSerial: env.WECHATPAY_SERIAL ?? '',
      merchantPrivateKeyPem: pem(env, 'WECHATPAY_PRIVATE_KEY'),
      platformSerial: env.WECHATPAY_PLATFORM_SERIAL ?? '',
      platformPublicKeyPem: pem(env, 'WECHATPAY_PLATFORM_PUBLIC_KEY'),
      apiV3Key: env.WECHATPAY_APIV3_KEY ?? '',
    },
    media: mediaSettings(env, sqljsPath),
  };
  if (production && !databaseUrl) throw new ConfigError('DATABASE_URL is required in production');
  if (config.workers > 1 && !databaseUrl) throw new ConfigError('WEB_CONCURRENCY > 1 needs DATABASE_URL (the sql.js file has one writer)');
  if (config.workers > 1 && config.devTools) throw new ConfigError('WEB_CONCURRENCY > 1 cannot be used with DEV_TOOLS (the dev clock lives in one process)');
  if (production && !wechatSim) {
    const required: [string, string][] = [
      ['WECHAT_APPID', config.wechat.appId],
      ['WECHAT_SECRET', config.wechat.appSecret],
      ['WECHATPAY_MCHID', config.wechat.mchId],
      ['WECHATPAY_SERIAL', config.wechat.merchantSerial],
      ['WECHATPAY_PRIVATE_KEY', config.wechat.merchantPrivateKeyPem],
      ['WECHATPAY_PLATFORM_SERIAL', config.wechat.platformSerial],
      ['WECHATPAY_PLATFORM_PUBLIC_KEY', config.wechat.platformPublicKeyPem],
      ['WECHATPAY_APIV3_KEY', config.wechat.apiV3Key],
    ];
    for (const [name, value] of required) if (!value) throw new ConfigError(`${name} is required in production`);
    if (config.wechat.apiV3Key.length !== 32) throw new ConfigError('WECHATPAY_APIV3_KEY must be 32 characters');
  }
  return config;
}

function resolveDataPath(p: string): string {
  return isAbsolute(p) ? p : resolve(process.cwd(), p);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
