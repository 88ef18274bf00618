import { Module } from '@nestjs/common';
import { MembershipModule } from '../membership/membership.module';
import { AdminMemberDayController, MemberDayController } from './member-day.controller';
import { MemberDayService } from './member-day.service';

@Module({
  imports: [MembershipModule],
  controllers: [MemberDayController, AdminMemberDayController],
  providers: [MemberDayService],
  exports: [MemberDayService],
})
export class MemberDayModule {}
