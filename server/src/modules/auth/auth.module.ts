import { Module } from '@nestjs/common';
import { CustomerModule } from '../customer/customer.module';
import { DistributionModule } from '../distribution/distribution.module';
import { MembershipModule } from '../membership/membership.module';
import { StaffUser } from './entities/staff-user.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { StaffAdminService } from './staff-admin.service';
import { OwnPasswordController, StaffController } from './staff.controller';

export const AUTH_ENTITIES = [StaffUser];

@Module({
  imports: [CustomerModule, MembershipModule, DistributionModule],
  controllers: [AuthController, StaffController, OwnPasswordController],
  providers: [AuthService, StaffAdminService],
  exports: [AuthService],
})
export class AuthModule {}
