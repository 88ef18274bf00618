import { Module } from '@nestjs/common';
import { MemberReportsController } from './member-reports.controller';
import { MemberReportsService } from './member-reports.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ controllers: [ReportsController, MemberReportsController], providers: [ReportsService, MemberReportsService] })
export class ReportsModule {}
