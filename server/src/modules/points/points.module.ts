import { Module } from '@nestjs/common';
import { OrderModule } from '../order/order.module';
import { PointsAccount } from './entities/points-account.entity';
import { PointsLedger } from './entities/points-ledger.entity';
import { PointsController } from './points.controller';
import { PointsService } from './points.service';

export const POINTS_ENTITIES = [PointsAccount, PointsLedger];

/** The points ledger and balance; it reacts to order events (earn, return, reverse), and checkout spends through it. */
@Module({ imports: [OrderModule], controllers: [PointsController], providers: [PointsService], exports: [PointsService] })
export class PointsModule {}
