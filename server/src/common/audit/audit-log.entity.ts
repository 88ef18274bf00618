import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../../database/columns';

/** Who did what to which record, with the state before and after: every money-moving admin action. */
@Entity('audit_log')
@Index('ix_audit_target', ['targetType', 'targetId'])
export class AuditLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  staffId: number | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64 })
  targetType: string;

  @Column({ type: 'varchar', length: 64 })
  targetId: string;

  @Column({ type: 'text', nullable: true })
  beforeJson: string | null;

  @Column({ type: 'text', nullable: true })
  afterJson: string | null;

  @Index('ix_audit_created')
  @TimeColumn()
  createdAt: Date;
}
