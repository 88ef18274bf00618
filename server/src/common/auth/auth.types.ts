export const STAFF_ROLES = ['owner', 'operator', 'finance'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface CustomerPrincipal {
  kind: 'customer';
  customerId: number;
}

export interface StaffPrincipal {
  kind: 'staff';
  staffId: number;
  role: StaffRole;
}

export interface TokenPayload {
  sub: number;
  typ: 'customer' | 'staff';
  role?: StaffRole;
  /** Staff tokens: the account's token version when signed (StaffSessions). */
  ver?: number;
}
