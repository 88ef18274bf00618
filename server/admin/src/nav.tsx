import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  AuditOutlined,
  CrownOutlined,
  DashboardOutlined,
  GiftOutlined,
  MessageOutlined,
  SettingOutlined,
  TeamOutlined,
  ShareAltOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TagsOutlined,
} from '@ant-design/icons';
import type { AdminBadges, StaffRoleValue } from '@mc/shared';

/**
 * Every page of the admin shell: its route, menu label and who may open it.
 * The owner sees everything; `roles` lists the other roles allowed
 * (docs/domain.md: operator = catalog, member days, points, campaigns;
 * finance = refunds, withdrawals, reports). The server checks roles again.
 */
export interface NavPage {
  /** Route path under /admin, also the menu key. */
  path: string;
  label: string;
  roles: readonly StaffRoleValue[];
  component: LazyExoticComponent<ComponentType>;
  icon?: ReactNode;
  /** The count (`GET /api/admin/badges`) shown beside the label: work waiting on this page. */
  badge?: keyof AdminBadges;
}

export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
  children: NavPage[];
}

export type NavEntry = NavPage | NavGroup;

export const ROLE_LABELS: Record<StaffRoleValue, string> = {
  owner: '店主',
  operator: '运营',
  finance: '财务',
};

const ALL: readonly StaffRoleValue[] = ['owner', 'operator', 'finance'];
const OPERATOR: readonly StaffRoleValue[] = ['owner', 'operator'];
const FINANCE: readonly StaffRoleValue[] = ['owner', 'finance'];
const OWNER: readonly StaffRoleValue[] = ['owner'];

export const NAV: NavEntry[] = [
  { path: '/', label: '概览', roles: ALL, icon: <DashboardOutlined />, component: lazy(() => import('./pages/DashboardPage')) },
  {
    key: 'catalog',
    label: '商品',
    icon: <ShoppingOutlined />,
    children: [
      { path: '/products', label: '商品管理', roles: OPERATOR, component: lazy(() => import('./pages/ProductsPage')) },
      { path: '/categories', label: '分类管理', roles: OPERATOR, component: lazy(() => import('./pages/CategoriesPage')) },
    ],
  },
  {
    key: 'orders',
    label: '订单',
    icon: <ShoppingCartOutlined />,
    children: [
      // Shipping is fulfilment, next to stock: operator. Refunds move money: finance.
      { path: '/orders', label: '订单管理', roles: OPERATOR, badge: 'ordersToShip', component: lazy(() => import('./pages/OrdersPage')) },
      { path: '/refunds', label: '售后退款', roles: FINANCE, badge: 'refundsToReview', component: lazy(() => import('./pages/RefundsPage')) },
    ],
  },
  {
    key: 'members',
    label: '会员',
    icon: <CrownOutlined />,
    children: [
      { path: '/customers', label: '客户', roles: ALL, component: lazy(() => import('./pages/CustomersPage')) },
      { path: '/membership/plans', label: '会员卡方案', roles: OWNER, component: lazy(() => import('./pages/MembershipPlansPage')) },
      { path: '/tiers', label: '会员等级', roles: OWNER, component: lazy(() => import('./pages/TiersPage')) },
      { path: '/member-days', label: '会员日', roles: OPERATOR, component: lazy(() => import('./pages/MemberDaysPage')) },
    ],
  },
  {
    key: 'points',
    label: '积分',
    icon: <GiftOutlined />,
    children: [
      { path: '/check-in-rules', label: '签到规则', roles: OPERATOR, component: lazy(() => import('./pages/CheckInRulesPage')) },
      { path: '/points-rules', label: '积分规则', roles: OPERATOR, component: lazy(() => import('./pages/PointsRulesPage')) },
      { path: '/points-mall', label: '积分商城', roles: OPERATOR, component: lazy(() => import('./pages/PointsMallPage')) },
      { path: '/lottery', label: '积分抽奖', roles: OPERATOR, component: lazy(() => import('./pages/LotteryPage')) },
    ],
  },
  { path: '/coupons', label: '优惠券', roles: OPERATOR, icon: <TagsOutlined />, component: lazy(() => import('./pages/CouponsPage')) },
  { path: '/subscription-messages', label: '订阅消息', roles: OPERATOR, icon: <MessageOutlined />, component: lazy(() => import('./pages/SubscriptionMessagesPage')) },
  {
    key: 'distribution',
    label: '分销',
    icon: <ShareAltOutlined />,
    children: [
      // The KOC programme is a campaign: operator approves distributors and sets commission rules.
      { path: '/distributors', label: '分销员', roles: OPERATOR, component: lazy(() => import('./pages/DistributorsPage')) },
      { path: '/withdrawals', label: '提现审核', roles: FINANCE, component: lazy(() => import('./pages/WithdrawalsPage')) },
      { path: '/commission-rules', label: '佣金规则', roles: OPERATOR, component: lazy(() => import('./pages/CommissionRulesPage')) },
    ],
  },
  { path: '/settings', label: '店铺设置', roles: OWNER, icon: <SettingOutlined />, component: lazy(() => import('./pages/SettingsPage')) },
  { path: '/staff', label: '员工管理', roles: OWNER, icon: <TeamOutlined />, component: lazy(() => import('./pages/StaffPage')) },
  { path: '/audit-log', label: '审计日志', roles: OWNER, icon: <AuditOutlined />, component: lazy(() => import('./pages/AuditLogPage')) },
];

export const isGroup = (entry: NavEntry): entry is NavGroup => 'children' in entry;

export const canAccess = (role: StaffRoleValue, page: Pick<NavPage, 'roles'>): boolean =>
  role === 'owner' || page.roles.includes(role);

/** Every page, flattened (routes are built from this). */
export const ALL_PAGES: NavPage[] = NAV.flatMap((e) => (isGroup(e) ? e.children : [e]));

/** The menu as a role sees it: hidden pages dropped, empty groups dropped. */
export function navFor(role: StaffRoleValue): NavEntry[] {
  const out: NavEntry[] = [];
  for (const entry of NAV) {
    if (isGroup(entry)) {
      const children = entry.children.filter((p) => canAccess(role, p));
      if (children.length) out.push({ ...entry, children });
    } else if (canAccess(role, entry)) {
      out.push(entry);
    }
  }
  return out;
}

/** The page a path belongs to (exact match or a sub-route such as /products/12). */
export function pageForPath(pathname: string): NavPage | undefined {
  if (pathname === '/' || pathname === '') return ALL_PAGES.find((p) => p.path === '/');
  return ALL_PAGES.filter((p) => p.path !== '/' && (pathname === p.path || pathname.startsWith(`${p.path}/`))).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}

/** The group holding a page, for the menu's open submenu. */
export function groupOf(path: string): NavGroup | undefined {
  return NAV.filter(isGroup).find((g) => g.children.some((p) => p.path === path));
}
