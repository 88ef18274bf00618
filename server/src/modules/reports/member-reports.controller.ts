import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { COHORT_MAX_MONTHS, type CohortsReport, type MembersReport } from '@mc/shared';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { Clock } from '../../common/clock';
import { StoreSettingsService } from '../settings/store-settings.service';
import { MemberReportsService } from './member-reports.service';
import { StoreDaysQuery, storeDaysOf } from './store-days';

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
  async members(@Query() q: StoreDaysQuery): Promise<MembersReport> {
    const { from, to } = storeDaysOf(q, (await this.settings.get()).timezone, this.clock.now());
    return this.reports.members(from, to);
  }

  @Get('cohorts')
  cohorts(@Query() q: CohortsQuery): Promise<CohortsReport> {
    return this.reports.cohorts(q.months);
  }
}
