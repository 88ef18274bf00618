import { Module } from '@nestjs/common';
import { DistributionModule } from '../distribution/distribution.module';
import { DistributionReportsService } from './distribution-reports.service';
import { MemberReportsController } from './member-reports.controller';
import { MemberReportsService } from './member-reports.service';
import { OperationsReportsController } from './operations-reports.controller';
import { PointsReportsService } from './points-reports.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [DistributionModule],
  controllers: [ReportsController, MemberReportsController, OperationsReportsController],
  providers: [ReportsService, MemberReportsService, PointsReportsService, DistributionReportsService],
})
export class ReportsModule {}
