import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

import { STAFF_ROLES, type StaffRole } from '../../../common/auth/auth.types';

export { STAFF_ROLES, type StaffRole };

@Entity('staff_user')
export class StaffUser {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_staff_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 100 })
  passwordHash: string;

  @Column({ type: 'simple-enum', enum: STAFF_ROLES })
  role: StaffRole;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Bumped when the password changes or the account is disabled: tokens signed under an older version stop working. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @TimeColumn()
  createdAt: Date;
}
