import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../common/audit/audit-log.entity';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery, skipTake } from '../../common/pagination';

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
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit-log')
@UseGuards(StaffGuard)
@Roles('finance')
export class AuditController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  async list(@Query() q: AuditQuery) {
    const where = { ...(q.targetType ? { targetType: q.targetType } : {}), ...(q.targetId ? { targetId: q.targetId } : {}) };
    const [rows, total] = await this.ds.getRepository(AuditLog).findAndCount({ where, order: { id: 'DESC' }, ...skipTake(q) });
    return {
      items: rows.map((r) => ({
        id: r.id,
        staffId: r.staffId,
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
