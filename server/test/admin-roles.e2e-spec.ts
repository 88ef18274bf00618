import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_ROUTES, mayCall, renderRolesTables } from './support/admin-roles';
import { createTestApp, TestApp } from './support/test-app';

type Auth = { Authorization: string };
type Who = 'owner' | 'operator' | 'finance' | 'customer';

const ROLES_DOC = join(__dirname, '..', '..', 'docs', 'roles.md');
const START = '<!-- roles-table:start (generated from server/test/support/admin-roles.ts) -->';
const END = '<!-- roles-table:end -->';

/** Every `METHOD /api/...` route the app's controllers declare, read from Nest's route metadata. */
function declaredRoutes(t: TestApp): string[] {
  const scanner = new MetadataScanner();
  const join = (...parts: string[]) => ('/' + parts.join('/')).replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  const routes = new Set<string>();
  for (const mod of t.app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!ctrl) continue;
      const bases = [Reflect.getMetadata(PATH_METADATA, ctrl) ?? '/'].flat() as string[];
      for (const name of scanner.getAllMethodNames(ctrl.prototype)) {
        const handler = (ctrl.prototype as Record<string, unknown>)[name] as object;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const base of bases) for (const p of [paths].flat()) routes.add(`${method} ${join('api', base, p)}`);
      }
    }
  }
  return [...routes];
}

/**
 * Every admin route, called with each staff role's token, a customer's and none: a role the table leaves out gets
 * 403, an allowed one gets past the guard (whatever the handler then says about the empty body or the unknown id,
 * never a 500). The table is also docs/roles.md.
 */
describe('admin routes by role on MariaDB', () => {
  let t: TestApp;
  const tokens = {} as Record<Who, Auth>;

  beforeAll(async () => {
    t = await createTestApp();
    tokens.owner = await t.staff();
    for (const role of ['operator', 'finance'] as const) {
      const username = `roles.${role}`;
      await t.http().post('/api/admin/staff').set(tokens.owner).send({ username, password: 'secret-123', role }).expect(201);
      tokens[role] = await t.staff(username, 'secret-123');
    }
    tokens.customer = (await t.customer('roles-customer')).auth;
  });
  afterAll(async () => t?.close());

  it('has one table row for every admin route the app serves, and none for a route it does not', () => {
    const served = declaredRoutes(t).filter((r) => r.split(' ')[1].startsWith('/api/admin/')).sort();
    const listed = ADMIN_ROUTES.map((r) => r.route).sort();
    expect(new Set(listed).size).toBe(listed.length);
    expect(served.length).toBeGreaterThan(60);
    expect(listed).toEqual(served);
    // and the router (Fastify) really answers each of them
    const fastify = (t.app as NestFastifyApplication).getHttpAdapter().getInstance();
    for (const r of listed) {
      const [method, url] = r.split(' ');
      expect([r, fastify.hasRoute({ method: method as 'GET', url })]).toEqual([r, true]);
    }
  });

  it.each(ADMIN_ROUTES.map((r) => [r.route, r] as const))('%s', async (_name, { route, allow }) => {
    const [method, path] = route.split(' ');
    const url = path.replace(/:\w+/g, '999999');
    const send = (auth?: Auth) => {
      const req = t.http()[method.toLowerCase() as 'get'](url);
      return (auth ? req.set(auth) : req).send(method === 'GET' || method === 'DELETE' ? undefined : {});
    };
    const seen: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const who of ['owner', 'operator', 'finance', 'customer'] as const) {
      const { status } = await send(tokens[who]);
      seen[who] = status === 403 ? 'refused' : status === 401 ? 'signed out' : status >= 500 ? `failed ${status}` : 'passed';
      want[who] = mayCall(allow, who) ? 'passed' : 'refused';
    }
    const anonymous = (await send()).status;
    seen.anonymous = anonymous === 401 ? 'signed out' : anonymous === 403 ? 'refused' : anonymous >= 500 ? `failed ${anonymous}` : 'passed';
    want.anonymous = allow === 'public' ? 'passed' : 'signed out';
    expect(seen).toEqual(want);
  });

  it('docs/roles.md shows the same table (UPDATE_ROLES_DOC=1 rewrites it)', () => {
    const doc = readFileSync(ROLES_DOC, 'utf8');
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const generated = `${START}\n\n${renderRolesTables()}\n\n${END}`;
    if (process.env.UPDATE_ROLES_DOC === '1') writeFileSync(ROLES_DOC, doc.slice(0, start) + generated + doc.slice(end + END.length));
    else expect(doc.slice(start, end + END.length)).toBe(generated);
  });
});
