import { Module } from '@nestjs/common';
import { MembershipModule } from '../membership/membership.module';
import { PointsModule } from '../points/points.module';
import { AdminCheckInRulesController, CheckInController } from './check-in.controller';
import { CheckInService } from './check-in.service';
import { CheckIn } from './entities/check-in.entity';

export const CHECK_IN_ENTITIES = [CheckIn];

/** The daily check-in and its make-up: owns `check_in`, posts its points through PointsService; rules are store settings. */
@Module({ imports: [PointsModule, MembershipModule], controllers: [CheckInController, AdminCheckInRulesController], providers: [CheckInService] })
export class CheckInModule {}
