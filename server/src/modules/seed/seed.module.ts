import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CouponModule } from '../coupon/coupon.module';
import { CustomerModule } from '../customer/customer.module';
import { DistributionModule } from '../distribution/distribution.module';
import { MediaModule } from '../media/media.module';
import { SeedService } from './seed.service';

@Module({ imports: [AuthModule, CouponModule, CustomerModule, DistributionModule, MediaModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
