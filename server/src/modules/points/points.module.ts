import { Module } from '@nestjs/common';
import { OrderModule } from '../order/order.module';
import { PointsAccount } from './entities/points-account.entity';
import { PointsLedger } from './entities/points-ledger.entity';
import { AdminPointsController, PointsController } from './points.controller';
import { PointsAdminService } from './points-admin.service';
import { PointsExpiryService } from './points-expiry.service';
import { PointsService } from './points.service';

export const POINTS_ENTITIES = [PointsAccount, PointsLedger];

/**
 * The points ledger and balance; it reacts to order events (earn, return, reverse), and checkout
 * spends through it. Expiry (the `expire-points` job, the customer's summary, the liability) and
 * the staff's adjustments and points rules live here too.
 */
@Module({
  imports: [OrderModule],
  controllers: [PointsController, AdminPointsController],
  providers: [PointsService, PointsExpiryService, PointsAdminService],
  exports: [PointsService],
})
export class PointsModule {}
