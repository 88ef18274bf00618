import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommonModule } from './common/common.module';
import { APP_CONFIG, AppConfig } from './config/config';
import { buildDataSourceOptions } from './database/db-options';
import { AddressModule } from './modules/address/address.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { StaffSessionsModule } from './modules/auth/staff-sessions.service';
import { BadgesModule } from './modules/badges/badges.module';
import { CartModule } from './modules/cart/cart.module';
import { CheckInModule } from './modules/check-in/check-in.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { CheckoutModule } from './modules/checkout/checkout.module';
import { DevModule } from './modules/dev/dev.module';
import { DistributionModule } from './modules/distribution/distribution.module';
import { HealthController } from './modules/health/health.controller';
import { JobsModule } from './modules/jobs/jobs.module';
import { CouponModule } from './modules/coupon/coupon.module';
import { CustomerModule } from './modules/customer/customer.module';
import { MemberDayModule } from './modules/member-day/member-day.module';
import { MembershipModule } from './modules/membership/membership.module';
import { PaymentModule } from './modules/payment/payment.module';
import { PricingModule } from './modules/pricing/pricing.module';
import { MediaModule } from './modules/media/media.module';
import { OrderModule } from './modules/order/order.module';
import { PointsModule } from './modules/points/points.module';
import { PointsMallModule } from './modules/points-mall/points-mall.module';
import { LotteryModule } from './modules/lottery/lottery.module';
import { ReportsModule } from './modules/reports/reports.module';
import { CustomerAdminModule } from './modules/customer-admin/customer-admin.module';
import { SeedModule } from './modules/seed/seed.module';
import { SettingsModule } from './modules/settings/settings.module';
import { SubscriptionModule } from './modules/subscription/subscription.module';
import { WechatModule } from './wechat/wechat.module';

@Module({})
class ConfigHolderModule {}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ConfigHolderModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] },
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(config.databaseUrl, config.sqljsPath), migrationsRun: config.migrationsRun }),
        CommonModule,
        WechatModule,
        JobsModule,
        CustomerModule,
        AuthModule,
        StaffSessionsModule,
        AuditModule,
        SettingsModule,
        MediaModule,
        CatalogModule,
        AddressModule,
        OrderModule,
        PaymentModule,
        PointsModule,
        MembershipModule,
        CheckInModule,
        PointsMallModule,
        CouponModule,
        LotteryModule,
        DistributionModule,
        MemberDayModule,
        PricingModule,
        CartModule,
        CheckoutModule,
        ReportsModule,
        CustomerAdminModule,
        BadgesModule,
        SubscriptionModule,
        SeedModule,
        ...(config.devTools ? [DevModule] : []),
      ],
      controllers: [HealthController],
    };
  }
}
