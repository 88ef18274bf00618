import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { StoreSettingsService } from '../settings/store-settings.service';
import { Clock, DAY_MS } from '../../common/clock';
import { ReportsService } from './reports.service';
import { StoreDaysQuery, storeDaysOf } from './store-days';

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
  async overview(@Query() q: StoreDaysQuery) {
    const { from, to } = storeDaysOf(q, (await this.settings.get()).timezone, this.clock.now());
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
