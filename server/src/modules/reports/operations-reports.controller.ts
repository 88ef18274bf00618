import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DistributionReport, PointsReport } from '@mc/shared';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { Clock } from '../../common/clock';
import { StoreSettingsService } from '../settings/store-settings.service';
import { DistributionReportsService } from './distribution-reports.service';
import { PointsReportsService } from './points-reports.service';
import { StoreDaysQuery, storeDaysOf } from './store-days';

/** The dashboard's points and distribution reports: operators run both programmes, finance pays for them. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator', 'finance')
@Controller('admin/reports')
export class OperationsReportsController {
  constructor(
    private readonly points: PointsReportsService,
    private readonly distribution: DistributionReportsService,
    private readonly clock: Clock,
    private readonly settings: StoreSettingsService,
  ) {}

  private async range(q: StoreDaysQuery) {
    return storeDaysOf(q, (await this.settings.get()).timezone, this.clock.now());
  }

  @Get('points')
  async pointsReport(@Query() q: StoreDaysQuery): Promise<PointsReport> {
    const { from, to } = await this.range(q);
    return this.points.report(from, to);
  }

  @Get('distribution')
  async distributionReport(@Query() q: StoreDaysQuery): Promise<DistributionReport> {
    const { from, to } = await this.range(q);
    return this.distribution.report(from, to);
  }
}
