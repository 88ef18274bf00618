import { createHmac } from 'node:crypto';
import { TokenService } from '../../src/common/auth/tokens';
import type { AppConfig } from '../../src/config/config';

const SECRET = 'test-secret-test-secret-test-secret-1';
const tokens = new TokenService({ jwtSecret: SECRET } as AppConfig);
const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const macOf = (data: string, secret = SECRET) => createHmac('sha256', secret).update(data).digest('base64url');
const forge = (header: object, claims: object, secret = SECRET) => {
  const data = `${b64(header)}.${b64(claims)}`;
  return `${data}.${macOf(data, secret)}`;
};
const HS256 = { alg: 'HS256', typ: 'JWT' };
const NOW = Date.UTC(2026, 10, 23, 12);
const later = (s: number) => Math.floor(NOW / 1000) + s;

describe('bearer tokens (HS256)', () => {
  it('verifies what it signed, for 7 days', () => {
    const customer = tokens.sign({ sub: 42, typ: 'customer' }, NOW);
    expect(tokens.verify(customer, NOW)).toEqual({ sub: 42, typ: 'customer' });
    expect(tokens.verify(customer, NOW + 7 * 24 * 3600_000 - 1000)).toEqual({ sub: 42, typ: 'customer' });
    expect(tokens.verify(customer, NOW + 7 * 24 * 3600_000)).toBeNull();
    const staff = tokens.sign({ sub: 3, typ: 'staff', role: 'finance' }, NOW);
    expect(tokens.verify(staff, NOW)).toEqual({ sub: 3, typ: 'staff', role: 'finance', ver: 0 });
    // a staff token carries its account's token version (a password change or a disable bumps it)
    expect(tokens.verify(tokens.sign({ sub: 3, typ: 'staff', role: 'finance', ver: 4 }, NOW), NOW)).toEqual({ sub: 3, typ: 'staff', role: 'finance', ver: 4 });
  });

  it('accepts a standard HS256 JWT made elsewhere with the same secret (tokens issued before this code)', () => {
    // made by jsonwebtoken 9: sign({ sub: 7, typ: 'staff', role: 'finance', iat: 1795440000, exp: 4102444800 }, secret)
    const issued =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOjcsInR5cCI6InN0YWZmIiwicm9sZSI6ImZpbmFuY2UiLCJpYXQiOjE3OTU0NDAwMDAsImV4cCI6NDEwMjQ0NDgwMH0.ugt7tggMtspKO6Iml_HdwFvridUvKSm7Q9kVqlsh4XU';
    expect(tokens.verify(issued, NOW)).toEqual({ sub: 7, typ: 'staff', role: 'finance', ver: 0 });
  });

  it('refuses tampering, other secrets, other algorithms and malformed tokens', () => {
    const good = tokens.sign({ sub: 42, typ: 'customer' }, NOW);
    const [h, , s] = good.split('.');
    const raised = `${h}.${b64({ sub: 1, typ: 'customer', exp: later(3600) })}.${s}`;
    expect(tokens.verify(raised, NOW)).toBeNull();
    expect(tokens.verify(`${good.slice(0, -2)}AA`, NOW)).toBeNull();
    expect(tokens.verify(forge(HS256, { sub: 42, typ: 'customer', exp: later(3600) }, 'another-secret'), NOW)).toBeNull();
    expect(tokens.verify(`${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 42, typ: 'customer', exp: later(3600) })}.`, NOW)).toBeNull();
    expect(tokens.verify(forge({ alg: 'HS512', typ: 'JWT' }, { sub: 42, typ: 'customer', exp: later(3600) }), NOW)).toBeNull();
    for (const junk of ['', 'not.a.jwt', 'a.b', `${good}.x`, `${h}..`, `${h}.%%%.${s}`]) expect(tokens.verify(junk, NOW)).toBeNull();
  });

  it('refuses claims it did not mean: no expiry, expired, odd subject, unknown kind or role', () => {
    const ok = { sub: 42, typ: 'customer', exp: later(3600) };
    expect(tokens.verify(forge(HS256, ok), NOW)).toEqual({ sub: 42, typ: 'customer' });
    expect(tokens.verify(forge(HS256, { ...ok, exp: undefined }), NOW)).toBeNull();
    expect(tokens.verify(forge(HS256, { ...ok, exp: later(-1) }), NOW)).toBeNull();
    expect(tokens.verify(forge(HS256, { ...ok, sub: '42' }), NOW)).toBeNull();
    expect(tokens.verify(forge(HS256, { ...ok, sub: 0 }), NOW)).toBeNull();
    expect(tokens.verify(forge(HS256, { ...ok, typ: 'admin' }), NOW)).toBeNull();
    expect(tokens.verify(forge(HS256, { ...ok, typ: 'staff' }), NOW)).toBeNull();
    expect(tokens.verify(forge(HS256, { ...ok, typ: 'staff', role: 'root' }), NOW)).toBeNull();
    expect(tokens.verify(forge(HS256, { ...ok, typ: 'staff', role: 'owner' }), NOW)).toEqual({ sub: 42, typ: 'staff', role: 'owner', ver: 0 });
  });
});
