import type { StaffRole } from './auth.types';

/** A staff account as the guards see it now: its role, whether it may sign in, and which tokens still count. */
export interface StaffStanding {
  role: StaffRole;
  active: boolean;
  /** Tokens carry the version they were signed under; a password change or a disable bumps it, revoking them. */
  tokenVersion: number;
}

/**
 * Who a staff token belongs to now. `common` defines it, the auth module provides it (globally), so StaffGuard checks
 * every staff request against the account as it is — role changes apply at once, revoked tokens stop within seconds
 * on every instance.
 */
export abstract class StaffSessions {
  abstract standing(staffId: number): Promise<StaffStanding | null>;
}
