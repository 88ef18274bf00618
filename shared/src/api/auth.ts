import type { IsoDateTime } from './common';

/** POST /api/auth/wechat-login */
export interface WechatLoginRequest {
  code: string;
  /** A distributor's ref code from a share link. */
  ref?: string;
}

export interface TierSummary {
  id: string;
  name: string;
  discountBp: number;
  pointsMultiplierBp: number;
}

/** GET /api/me */
export interface Me {
  id: string;
  nickname: string | null;
  avatarUrl: string | null;
  phone: string | null;
  isMember: boolean;
  memberUntil: IsoDateTime | null;
  tier: TierSummary | null;
  growth: number;
  pointsBalance: number;
}

export interface LoginResponse {
  token: string;
  user: Me;
}

export const STAFF_ROLES = ['OWNER', 'OPERATOR', 'FINANCE'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** POST /api/admin/auth/login */
export interface AdminLoginRequest {
  username: string;
  password: string;
}

export interface StaffUser {
  id: string;
  username: string;
  role: StaffRole;
}

export interface AdminLoginResponse {
  token: string;
  staff: StaffUser;
}
