import type { Id, IsoDateTime } from './common';

/** POST /api/auth/wechat-login */
export interface WechatLoginRequest {
  code: string;
  /** A distributor's ref code from a share link. */
  ref?: string;
}

/** The customer's tier in `/api/me`. */
export interface TierSummary {
  id: Id;
  name: string;
}

/** The next tier up and the growth still needed to reach it. */
export interface NextTierSummary {
  id: Id;
  name: string;
  growthThreshold: number;
  growthNeeded: number;
}

/** GET /api/me (also PATCH /api/me and the `user` of the login answer). */
export interface Me {
  id: Id;
  /** '' until the customer sets one. */
  nickname: string;
  /** '' until the customer sets one. */
  avatarUrl: string;
  phone: string | null;
  /** YYYY-MM-DD, set once by the customer. */
  birthday: string | null;
  isMember: boolean;
  memberUntil: IsoDateTime | null;
  tier: TierSummary | null;
  nextTier: NextTierSummary | null;
  growth: number;
  pointsBalance: number;
}

/** PATCH /api/me */
export interface UpdateMeRequest {
  nickname?: string;
  avatarUrl?: string;
  /** YYYY-MM-DD; can be set once. */
  birthday?: string;
}

export interface LoginResponse {
  token: string;
  user: Me;
}

/** The staff roles by their constant names. */
export const STAFF_ROLES = ['OWNER', 'OPERATOR', 'FINANCE'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** A staff role as the server sends it (`role` of StaffUser): lower case. */
export type StaffRoleValue = Lowercase<StaffRole>;

/** POST /api/admin/auth/login */
export interface AdminLoginRequest {
  username: string;
  password: string;
}

/** The `staff` of the login answer; GET /api/admin/me. */
export interface StaffUser {
  id: Id;
  username: string;
  role: StaffRoleValue;
}

export interface AdminLoginResponse {
  token: string;
  staff: StaffUser;
}

/** `GET /api/admin/staff` (owner): every staff account. */
export interface StaffAccount extends StaffUser {
  active: boolean;
  createdAt: string;
}

/** `POST /api/admin/staff` (owner). Username 3–32 letters, digits, `_ . -`; password 8–64 characters. */
export interface CreateStaffRequest {
  username: string;
  password: string;
  role: StaffRoleValue;
}

/** `PATCH /api/admin/staff/:id` (owner): a new role, or disable / enable (disabling signs the account out). */
export interface UpdateStaffRequest {
  role?: StaffRoleValue;
  active?: boolean;
}

/** `POST /api/admin/staff/:id/password {password}` (owner resets) · `POST /api/admin/me/password {oldPassword, newPassword}`. */
export interface ChangePasswordRequest {
  oldPassword: string;
  newPassword: string;
}

export const STAFF_USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;
export const STAFF_PASSWORD_MIN = 8;
export const STAFF_PASSWORD_MAX = 64;
