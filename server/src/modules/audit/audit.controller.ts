import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { addDays, storeDayStart } from '@mc/shared';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../common/audit/audit-log.entity';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery, skipTake } from '../../common/pagination';
import { IsStoreDay } from '../../common/validation';
import { StaffUser } from '../auth/entities/staff-user.entity';
import { StoreSettingsService } from '../settings/store-settings.service';

class AuditQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  targetType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  targetId?: string;

  @ApiPropertyOptional({ description: "an action or its prefix: 'refund' finds refund.approve and refund.reject" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  staffId?: number;

  @ApiPropertyOptional({ description: 'first store day, YYYY-MM-DD (store time zone)' })
  @IsOptional()
  @IsStoreDay('开始日期')
  from?: string;

  @ApiPropertyOptional({ description: 'last store day, inclusive' })
  @IsOptional()
  @IsStoreDay('结束日期')
  to?: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit-log')
@UseGuards(StaffGuard)
@Roles('finance')
export class AuditController {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: StoreSettingsService,
  ) {}

  /** Newest first; every filter narrows. The staff member is named (null for jobs and the system). */
  @Get()
  async list(@Query() q: AuditQuery) {
    const qb = this.ds.getRepository(AuditLog).createQueryBuilder('a');
    if (q.targetType) qb.andWhere('a.targetType = :targetType', { targetType: q.targetType });
    if (q.targetId) qb.andWhere('a.targetId = :targetId', { targetId: q.targetId });
    if (q.action) qb.andWhere('(a.action = :action OR a.action LIKE :prefix)', { action: q.action, prefix: `${q.action.replace(/[%_\\]/g, '\\$&')}.%` });
    if (q.staffId) qb.andWhere('a.staffId = :staffId', { staffId: q.staffId });
    if (q.from || q.to) {
      const { timezone } = await this.settings.get();
      if (q.from) qb.andWhere('a.createdAt >= :from', { from: storeDayStart(timezone, q.from) });
      if (q.to) qb.andWhere('a.createdAt < :to', { to: storeDayStart(timezone, addDays(q.to, 1)) });
    }
    const { skip, take } = skipTake(q);
    const [rows, total] = await qb.orderBy('a.id', 'DESC').skip(skip).take(take).getManyAndCount();
    const staffIds = [...new Set(rows.map((r) => r.staffId).filter((id): id is number => id !== null))];
    const staff = staffIds.length ? await this.ds.getRepository(StaffUser).createQueryBuilder('s').select(['s.id', 's.username']).whereInIds(staffIds).getMany() : [];
    const names = new Map(staff.map((s) => [s.id, s.username]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        staffId: r.staffId,
        staffName: r.staffId === null ? null : (names.get(r.staffId) ?? null),
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        before: r.beforeJson === null ? null : JSON.parse(r.beforeJson),
        after: r.afterJson === null ? null : JSON.parse(r.afterJson),
        createdAt: r.createdAt.toISOString(),
      })),
      total,
    };
  }
}
