import { Module } from '@nestjs/common';
import { PointsController } from './points.controller';
import { PointsService } from './points.service';

/** The points ledger and balance; orders call PointsService inside their transactions. */
@Module({ controllers: [PointsController], providers: [PointsService], exports: [PointsService] })
export class PointsModule {}
