import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  staffId: number | null;
  action: string;
  targetType: string;
  targetId: string | number;
  before?: unknown;
  after?: unknown;
}

@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  /** Records inside the caller's transaction, so the log and the change commit together. */
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    await em.insert(AuditLog, {
      staffId: entry.staffId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: String(entry.targetId),
      beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
      afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
      createdAt: this.clock.now(),
    });
  }
}
