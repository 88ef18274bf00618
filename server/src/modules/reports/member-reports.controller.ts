import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { addDays, COHORT_MAX_MONTHS, OVERVIEW_MAX_DAYS, storeDayAt, type CohortsReport, type MembersReport } from '@mc/shared';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { Clock } from '../../common/clock';
import { badRequest } from '../../common/errors';
import { IsStoreDay } from '../../common/validation';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberReportsService } from './member-reports.service';

class MembersQuery {
  @ApiPropertyOptional({ description: 'first store day, YYYY-MM-DD; default 6 days before `to`' })
  @IsOptional()
  @IsStoreDay('开始日期')
  from?: string;

  @ApiPropertyOptional({ description: 'last store day, inclusive; default today' })
  @IsOptional()
  @IsStoreDay('结束日期')
  to?: string;
}

class CohortsQuery {
  @ApiPropertyOptional({ default: 12, description: 'store months, this one included' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '月数必须是整数' })
  @Min(1, { message: '月数至少为 1' })
  @Max(COHORT_MAX_MONTHS, { message: `月数最多为 ${COHORT_MAX_MONTHS}` })
  months: number = 12;
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('finance')
@Controller('admin/reports')
export class MemberReportsController {
  constructor(
    private readonly reports: MemberReportsService,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
  ) {}

  @Get('members')
  async members(@Query() q: MembersQuery): Promise<MembersReport> {
    const { timezone } = await this.settings.get();
    const to = q.to ?? storeDayAt(timezone, this.clock.now());
    const from = q.from ?? addDays(to, -6);
    if (from > to) throw badRequest('开始日期不能晚于结束日期', { fields: ['from'] });
    if (addDays(from, OVERVIEW_MAX_DAYS - 1) < to) throw badRequest(`日期范围最长 ${OVERVIEW_MAX_DAYS} 天`, { fields: ['from', 'to'] });
    return this.reports.members(from, to);
  }

  @Get('cohorts')
  cohorts(@Query() q: CohortsQuery): Promise<CohortsReport> {
    return this.reports.cohorts(q.months);
  }
}
