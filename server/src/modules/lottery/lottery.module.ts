import { Module } from '@nestjs/common';
import { CouponModule } from '../coupon/coupon.module';
import { PointsModule } from '../points/points.module';
import { SettingsModule } from '../settings/settings.module';
import { LotteryConfig, LotteryDay, LotteryDraw, LotteryPrize } from './entities/lottery.entities';
import { AdminLotteryController, LotteryController } from './lottery.controller';
import { LotteryService } from './lottery.service';

export const LOTTERY_ENTITIES = [LotteryConfig, LotteryPrize, LotteryDay, LotteryDraw];

/** The points lottery: the wheel, the draw (points spent, stock taken, prize issued in one transaction) and its record. */
@Module({ imports: [PointsModule, CouponModule, SettingsModule], controllers: [LotteryController, AdminLotteryController], providers: [LotteryService] })
export class LotteryModule {}
