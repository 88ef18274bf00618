import { Module } from '@nestjs/common';
import { SegmentService } from './segment.service';
import { SegmentsController } from './segments.controller';

/** Customer layering (RFM groups and tags): reads orders, memberships, distributors and check-ins; owns no table. */
@Module({ controllers: [SegmentsController], providers: [SegmentService], exports: [SegmentService] })
export class SegmentsModule {}
