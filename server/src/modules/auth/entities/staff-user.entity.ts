import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../../database/columns';

export const STAFF_ROLES = ['owner', 'operator', 'finance'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

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

  @TimeColumn()
  createdAt: Date;
}
