import type { StaffRole } from '../../modules/auth/entities/staff-user.entity';

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
}
