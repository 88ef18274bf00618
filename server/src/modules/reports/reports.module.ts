import { Module } from '@nestjs/common';
import { DistributionModule } from '../distribution/distribution.module';
import { DistributionReportsService } from './distribution-reports.service';
import { OperationsReportsController } from './operations-reports.controller';
import { PointsReportsService } from './points-reports.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [DistributionModule],
  controllers: [ReportsController, OperationsReportsController],
  providers: [ReportsService, PointsReportsService, DistributionReportsService],
})
export class ReportsModule {}
