import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { addDays, OVERVIEW_MAX_DAYS, storeDayAt } from '@mc/shared';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { badRequest } from '../../common/errors';
import { IsStoreDay } from '../../common/validation';
import { StoreSettingsService } from '../settings/store-settings.service';
import { Clock, DAY_MS } from '../../common/clock';
import { ReportsService } from './reports.service';

class MemberDayReportQuery {
  @ApiPropertyOptional({ default: 6, description: 'past occurrences per member day' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24)
  count: number = 6;
}

class RangeQuery {
  @ApiPropertyOptional({ description: 'from (ISO), default 30 days ago' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ description: 'to (ISO, exclusive), default now' })
  @IsOptional()
  @IsISO8601()
  to?: string;
}

class OverviewQuery {
  @ApiPropertyOptional({ description: 'first store day, YYYY-MM-DD; default 6 days before `to`' })
  @IsOptional()
  @IsStoreDay('开始日期')
  from?: string;

  @ApiPropertyOptional({ description: 'last store day, inclusive; default today' })
  @IsOptional()
  @IsStoreDay('结束日期')
  to?: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('finance')
@Controller('admin/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
  ) {}

  @Get('overview')
  async overview(@Query() q: OverviewQuery) {
    const { timezone } = await this.settings.get();
    const to = q.to ?? storeDayAt(timezone, this.clock.now());
    const from = q.from ?? addDays(to, -6);
    if (from > to) throw badRequest('开始日期不能晚于结束日期', { fields: ['from'] });
    if (addDays(from, OVERVIEW_MAX_DAYS - 1) < to) throw badRequest(`日期范围最长 ${OVERVIEW_MAX_DAYS} 天`, { fields: ['from', 'to'] });
    return this.reports.overview(from, to);
  }

  @Get('member-days')
  memberDays(@Query() q: MemberDayReportQuery) {
    return this.reports.memberDays(q.count);
  }

  @Get('membership')
  membership(@Query() q: RangeQuery) {
    const to = q.to ? new Date(q.to) : this.clock.now();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS);
    return this.reports.membershipConversion(from, to);
  }
}
