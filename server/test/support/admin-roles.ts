/**
 * Who may call each admin route: the single source of truth for `test/admin-roles.e2e-spec.ts` (which sends every
 * route with every role's token) and for the table in `docs/roles.md` (rendered from this list and compared).
 *
 * `allow` names the roles besides the owner (the owner may call every staff route): `[]` is the owner only,
 * `'staff'` any signed-in staff account, `'public'` no token needed.
 */
export type AllowedRoles = 'public' | 'staff' | readonly ('operator' | 'finance')[];

export interface AdminRoute {
  /** `METHOD /api/admin/...` as the router has it (`:id` for a parameter) */
  route: string;
  allow: AllowedRoles;
  what: string;
}

const OP = ['operator'] as const;
const FIN = ['finance'] as const;
const BOTH = ['operator', 'finance'] as const;
const OWNER = [] as const;

export const ADMIN_ROUTE_AREAS: { area: string; routes: AdminRoute[] }[] = [
  {
    area: 'Signing in and one\'s own account',
    routes: [
      { route: 'POST /api/admin/auth/login', allow: 'public', what: 'sign in with username and password' },
      { route: 'GET /api/admin/me', allow: 'staff', what: 'who am I' },
      { route: 'POST /api/admin/me/password', allow: 'staff', what: 'change one\'s own password' },
    ],
  },
  {
    area: 'Staff accounts',
    routes: [
      { route: 'GET /api/admin/staff', allow: OWNER, what: 'list staff accounts' },
      { route: 'POST /api/admin/staff', allow: OWNER, what: 'create an account' },
      { route: 'PATCH /api/admin/staff/:id', allow: OWNER, what: 'change a role, disable or enable' },
      { route: 'POST /api/admin/staff/:id/password', allow: OWNER, what: 'reset a password' },
    ],
  },
  {
    area: 'Store settings',
    routes: [
      { route: 'GET /api/admin/settings', allow: OWNER, what: 'every store setting by name' },
      { route: 'PUT /api/admin/settings', allow: OWNER, what: 'change the general settings it names (shipping, order and after-sale days, card refund days, time zone)' },
    ],
  },
  {
    area: 'Catalog',
    routes: [
      { route: 'GET /api/admin/categories', allow: OP, what: 'list categories' },
      { route: 'POST /api/admin/categories', allow: OP, what: 'create a category' },
      { route: 'PUT /api/admin/categories/:id', allow: OP, what: 'edit a category' },
      { route: 'DELETE /api/admin/categories/:id', allow: OP, what: 'delete a category' },
      { route: 'GET /api/admin/products', allow: OP, what: 'list products' },
      { route: 'GET /api/admin/products/:id', allow: OP, what: 'one product with its SKUs' },
      { route: 'POST /api/admin/products', allow: OP, what: 'create a product' },
      { route: 'PUT /api/admin/products/:id', allow: OP, what: 'edit a product' },
      { route: 'POST /api/admin/products/:id/on-shelf', allow: OP, what: 'put on the shelf' },
      { route: 'POST /api/admin/products/:id/off-shelf', allow: OP, what: 'take off the shelf' },
      { route: 'PATCH /api/admin/skus/:id', allow: OP, what: 'quick SKU edit (stock, prices)' },
      { route: 'POST /api/admin/media/images', allow: OP, what: 'upload a picture' },
    ],
  },
  {
    area: 'Orders and shipping',
    routes: [
      { route: 'GET /api/admin/badges', allow: BOTH, what: 'the menu\'s to-do counts' },
      { route: 'GET /api/admin/orders', allow: BOTH, what: 'list orders' },
      { route: 'GET /api/admin/orders/export', allow: BOTH, what: 'orders as a spreadsheet' },
      { route: 'GET /api/admin/orders/:id', allow: BOTH, what: 'one order' },
      { route: 'POST /api/admin/orders/:id/ship', allow: OP, what: 'ship an order' },
    ],
  },
  {
    area: 'Refunds',
    routes: [
      { route: 'GET /api/admin/refunds', allow: FIN, what: 'list refund requests' },
      { route: 'POST /api/admin/refunds/:id/approve', allow: FIN, what: 'approve a refund' },
      { route: 'POST /api/admin/refunds/:id/reject', allow: FIN, what: 'reject a refund' },
      { route: 'POST /api/admin/refunds/:id/receive', allow: FIN, what: 'returned goods arrived: pay the refund' },
      { route: 'POST /api/admin/refunds/:id/retry', allow: FIN, what: 'send a refused refund payout again' },
    ],
  },
  {
    area: 'Membership: card plans and tiers',
    routes: [
      { route: 'GET /api/admin/membership/plans', allow: OWNER, what: 'list card plans' },
      { route: 'POST /api/admin/membership/plans', allow: OWNER, what: 'create a card plan' },
      { route: 'PUT /api/admin/membership/plans/:id', allow: OWNER, what: 'edit a card plan' },
      { route: 'GET /api/admin/tiers', allow: BOTH, what: 'list tiers' },
      { route: 'POST /api/admin/tiers', allow: OWNER, what: 'create a tier' },
      { route: 'PUT /api/admin/tiers/:id', allow: OWNER, what: 'edit a tier' },
      { route: 'DELETE /api/admin/tiers/:id', allow: OWNER, what: 'delete a tier' },
    ],
  },
  {
    area: 'Member days',
    routes: [
      { route: 'GET /api/admin/member-days', allow: OP, what: 'list member-day rules' },
      { route: 'GET /api/admin/member-days/:id', allow: OP, what: 'one rule' },
      { route: 'GET /api/admin/member-days/:id/preview', allow: OP, what: 'a saved rule\'s next occurrences and prices' },
      { route: 'POST /api/admin/member-days/preview', allow: OP, what: 'preview a rule not saved yet' },
      { route: 'POST /api/admin/member-days', allow: OP, what: 'create a rule' },
      { route: 'PUT /api/admin/member-days/:id', allow: OP, what: 'edit a rule' },
      { route: 'DELETE /api/admin/member-days/:id', allow: OP, what: 'archive a rule' },
    ],
  },
  {
    area: 'Customers',
    routes: [
      { route: 'GET /api/admin/customers', allow: BOTH, what: 'the customer list (search by nickname or phone tail)' },
      { route: 'GET /api/admin/customers/:id', allow: BOTH, what: 'one customer: card, tier, points, coupons, distributor, orders' },
    ],
  },
  {
    area: 'Points, check-in and the points mall',
    routes: [
      { route: 'POST /api/admin/customers/:id/points-adjustments', allow: OP, what: 'adjust a customer\'s points' },
      { route: 'GET /api/admin/points-rules', allow: OP, what: 'the points settings' },
      { route: 'PUT /api/admin/points-rules', allow: OP, what: 'change the points settings' },
      { route: 'GET /api/admin/points/liability', allow: BOTH, what: 'points outstanding and their cash value' },
      { route: 'GET /api/admin/check-in-rules', allow: OP, what: 'the check-in rules' },
      { route: 'PUT /api/admin/check-in-rules', allow: OP, what: 'change the check-in rules' },
      { route: 'GET /api/admin/points-mall/items', allow: OP, what: 'list mall items' },
      { route: 'GET /api/admin/points-mall/items/:id', allow: OP, what: 'one mall item' },
      { route: 'POST /api/admin/points-mall/items', allow: OP, what: 'create a mall item' },
      { route: 'PUT /api/admin/points-mall/items/:id', allow: OP, what: 'edit a mall item' },
      { route: 'PATCH /api/admin/points-mall/items/:id', allow: OP, what: 'shelf and sort of a mall item' },
      { route: 'GET /api/admin/points-mall/redemptions', allow: OP, what: 'list redemptions' },
      { route: 'GET /api/admin/lottery', allow: OP, what: 'the points lottery: cost, daily limit, prizes' },
      { route: 'PUT /api/admin/lottery', allow: OP, what: 'replace the wheel' },
      { route: 'GET /api/admin/lottery/draws', allow: OP, what: 'the draw record' },
    ],
  },
  {
    area: 'Coupons',
    routes: [
      { route: 'GET /api/admin/coupon-templates', allow: OP, what: 'list coupon templates' },
      { route: 'GET /api/admin/coupon-templates/:id', allow: OP, what: 'one template' },
      { route: 'POST /api/admin/coupon-templates', allow: OP, what: 'create a template' },
      { route: 'PUT /api/admin/coupon-templates/:id', allow: OP, what: 'edit a template' },
      { route: 'POST /api/admin/coupon-templates/:id/grants', allow: OP, what: 'grant coupons to customers' },
      { route: 'GET /api/admin/coupon-templates/:id/coupons', allow: OP, what: 'the coupons granted and their use' },
    ],
  },
  {
    area: 'Distribution',
    routes: [
      { route: 'GET /api/admin/distributors', allow: BOTH, what: 'list distributors' },
      { route: 'GET /api/admin/distributors/:id', allow: BOTH, what: 'one distributor' },
      { route: 'POST /api/admin/distributors/:id/approve', allow: OP, what: 'approve an application' },
      { route: 'POST /api/admin/distributors/:id/reject', allow: OP, what: 'reject an application' },
      { route: 'POST /api/admin/distributors/:id/disable', allow: OP, what: 'disable a distributor' },
      { route: 'POST /api/admin/distributors/:id/enable', allow: OP, what: 'enable a distributor' },
      { route: 'PUT /api/admin/distributors/:id/guide', allow: OP, what: 'mark a shopping guide' },
      { route: 'GET /api/admin/commission-rules', allow: BOTH, what: 'the commission rules' },
      { route: 'PUT /api/admin/commission-rules', allow: OP, what: 'change the commission rules' },
      { route: 'GET /api/admin/withdrawals', allow: FIN, what: 'list withdrawals' },
      { route: 'POST /api/admin/withdrawals/:id/approve', allow: FIN, what: 'approve a withdrawal (pays out)' },
      { route: 'POST /api/admin/withdrawals/:id/reject', allow: FIN, what: 'reject a withdrawal' },
      { route: 'GET /api/admin/reports/distributors', allow: BOTH, what: 'the month\'s distributor leaderboard' },
    ],
  },
  {
    area: 'Subscription messages',
    routes: [
      { route: 'GET /api/admin/subscription-templates', allow: OP, what: 'the message templates, one per kind' },
      { route: 'PUT /api/admin/subscription-templates/:kind', allow: OP, what: 'set a kind\'s template id, keyword mapping, on or off' },
      { route: 'GET /api/admin/subscription-messages', allow: OP, what: 'the log of messages sent, skipped and failed' },
    ],
  },
  {
    area: 'Customer segments and campaigns',
    routes: [
      { route: 'GET /api/admin/reports/segments', allow: BOTH, what: 'RFM groups and tags with their counts' },
      { route: 'GET /api/admin/reports/segments/customers', allow: BOTH, what: 'the customers of a segment or tag' },
      { route: 'GET /api/admin/campaigns', allow: OP, what: 'list campaigns with their progress' },
      { route: 'POST /api/admin/campaigns', allow: OP, what: 'create a campaign (audience and action)' },
      { route: 'POST /api/admin/campaigns/preview', allow: OP, what: 'how many customers an audience reaches' },
      { route: 'GET /api/admin/campaigns/:id', allow: OP, what: 'one campaign with its progress' },
      { route: 'GET /api/admin/campaigns/:id/recipients', allow: OP, what: 'a campaign\'s recipients (sent, failed and why)' },
      { route: 'POST /api/admin/campaigns/:id/start', allow: OP, what: 'start: freeze the audience into recipients' },
      { route: 'POST /api/admin/campaigns/:id/pause', allow: OP, what: 'pause a running campaign' },
      { route: 'POST /api/admin/campaigns/:id/resume', allow: OP, what: 'resume a paused campaign' },
    ],
  },
  {
    area: 'Reports and the audit log',
    routes: [
      { route: 'GET /api/admin/reports/overview', allow: FIN, what: 'the dashboard\'s figures' },
      { route: 'GET /api/admin/reports/member-days', allow: FIN, what: 'member-day occurrences and uplift' },
      { route: 'GET /api/admin/reports/membership', allow: FIN, what: 'card conversion, sales, renewals and fast refunds' },
      { route: 'GET /api/admin/reports/members', allow: FIN, what: 'members against the rest, and repurchase' },
      { route: 'GET /api/admin/reports/cohorts', allow: FIN, what: 'retention and value by month of first order' },
      { route: 'GET /api/admin/reports/points', allow: BOTH, what: 'points issued, spent and expired, check-ins, redemptions and the liability' },
      { route: 'GET /api/admin/reports/distribution', allow: BOTH, what: 'sales share, funnel, top ten, commission and cost per acquired customer' },
      { route: 'GET /api/admin/audit-log', allow: FIN, what: 'the audit log' },
    ],
  },
];

export const ADMIN_ROUTES: AdminRoute[] = ADMIN_ROUTE_AREAS.flatMap((a) => a.routes);

/** Whether a staff account of this role (or a customer) passes the route's guard. */
export function mayCall(allow: AllowedRoles, who: 'owner' | 'operator' | 'finance' | 'customer'): boolean {
  if (allow === 'public') return true;
  if (who === 'customer') return false;
  if (allow === 'staff' || who === 'owner') return true;
  return allow.includes(who);
}

/** The tables of docs/roles.md between its markers, one per area. */
export function renderRolesTables(): string {
  const mark = (ok: boolean) => (ok ? '✓' : '—');
  return ADMIN_ROUTE_AREAS.map(({ area, routes }) => {
    const rows = routes.map(({ route, allow, what }) => {
      const cells = (['owner', 'operator', 'finance'] as const).map((r) => mark(mayCall(allow, r)));
      return `| \`${route}\` | ${cells.join(' | ')} | ${what}${allow === 'public' ? ' (no token needed)' : ''} |`;
    });
    return [`### ${area}`, '', '| route | owner | operator | finance | what |', '| --- | :-: | :-: | :-: | --- |', ...rows].join('\n');
  }).join('\n\n');
}
