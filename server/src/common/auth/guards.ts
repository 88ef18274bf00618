import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { StaffRole } from './auth.types';
import { forbidden, unauthorized } from '../errors';
import type { CustomerPrincipal, StaffPrincipal, TokenPayload } from './auth.types';
import { StaffSessions } from './staff-sessions';
import { TokenService } from './tokens';

type AuthedRequest = FastifyRequest & { customer?: CustomerPrincipal; staff?: StaffPrincipal };

function readToken(tokens: TokenService, req: FastifyRequest): TokenPayload {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized();
  const payload = tokens.verify(match[1]);
  if (!payload) throw unauthorized('登录已失效，请重新登录');
  return payload;
}

/** Customer routes: a valid customer token; staff tokens are not customers. */
@Injectable()
export class CustomerGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const payload = readToken(this.tokens, req);
    if (payload.typ !== 'customer') throw forbidden('请使用顾客账号登录');
    req.customer = { kind: 'customer', customerId: payload.sub };
    return true;
  }
}

/**
 * Public routes that answer a signed-in customer differently: a valid customer token sets the
 * customer (CurrentCustomer), anything else (no token, a bad or expired one, a staff token) is
 * a visitor; never refused.
 */
@Injectable()
export class OptionalCustomerGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const payload = match ? this.tokens.verify(match[1]) : null;
    if (payload?.typ === 'customer') req.customer = { kind: 'customer', customerId: payload.sub };
    return true;
  }
}

const ROLES_KEY = 'staffRoles';
/** Roles allowed on a staff route besides the owner, who may do everything. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Staff routes: a staff token (customer token → 403) of an account that is still active and signed under its current
 * token version (401 otherwise), whose role as it is now is allowed.
 */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly reflector: Reflector,
    private readonly sessions: StaffSessions,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const payload = readToken(this.tokens, req);
    if (payload.typ !== 'staff' || !payload.role) throw forbidden('仅限店铺员工使用');
    const now = await this.sessions.standing(payload.sub);
    if (!now || !now.active || now.tokenVersion !== (payload.ver ?? 0)) throw unauthorized('登录已失效，请重新登录');
    const allowed = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (now.role !== 'owner' && allowed && !allowed.includes(now.role)) {
      throw forbidden('您的账号角色无权执行此操作');
    }
    req.staff = { kind: 'staff', staffId: payload.sub, role: now.role };
    return true;
  }
}

export const CurrentCustomer = createParamDecorator((_: unknown, ctx: ExecutionContext): CustomerPrincipal => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().customer!;
});

export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffPrincipal => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().staff!;
});
