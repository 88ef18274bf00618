import { Inject, Injectable } from '@nestjs/common';
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { STAFF_ROLES, type StaffRole } from './auth.types';
import type { TokenPayload } from './auth.types';

const TTL_S = 7 * 24 * 3600;
/** The one header we issue and accept: HS256 only, so `alg: none` or another algorithm never verifies. */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const ROLES: ReadonlySet<unknown> = new Set(STAFF_ROLES);

/**
 * Bearer tokens: HS256 JWTs carrying who the caller is, valid for 7 days of real time (not the
 * injectable clock: moving the demo clock must not log everybody out). Checked on every
 * authenticated request, so it is a few lines over node:crypto rather than a general JWT library
 * (jsonwebtoken was ~4 % of the server's CPU per checkout).
 */
@Injectable()
export class TokenService {
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  sign(payload: TokenPayload, nowMs = Date.now()): string {
    const iat = Math.floor(nowMs / 1000);
    const body = Buffer.from(JSON.stringify({ ...payload, iat, exp: iat + TTL_S })).toString('base64url');
    return `${HEADER}.${body}.${this.mac(`${HEADER}.${body}`).toString('base64url')}`;
  }

  /** The payload of a genuine, unexpired token of ours; null for anything else. */
  verify(token: string, nowMs = Date.now()): TokenPayload | null {
    const [header, body, signature, extra] = token.split('.');
    if (header !== HEADER || !body || !signature || extra !== undefined) return null;
    const expected = this.mac(`${header}.${body}`);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claims: Record<string, unknown>;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const { sub, typ, role, exp, ver } = claims ?? {};
    if (typeof exp !== 'number' || exp * 1000 <= nowMs) return null;
    if (!Number.isSafeInteger(sub) || (sub as number) <= 0) return null;
    if (typ === 'customer') return { sub: sub as number, typ };
    if (typ === 'staff' && typeof role === 'string' && ROLES.has(role)) {
      return { sub: sub as number, typ, role: role as StaffRole, ver: Number.isSafeInteger(ver) && (ver as number) >= 0 ? (ver as number) : 0 };
    }
    return null;
  }

  private mac(data: string): Buffer {
    return createHmac('sha256', this.key).update(data).digest();
  }
}
