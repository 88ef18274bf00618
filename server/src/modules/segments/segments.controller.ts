import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { audienceOf, SegmentCustomersQuery, SegmentParamsQuery } from './dto/segments.dto';
import { SegmentService } from './segment.service';

/** 客户分层: operators pick audiences from it, finance reads it beside the other reports. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator', 'finance')
@Controller('admin/reports/segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentService) {}

  /** RFM groups and tags with their counts. */
  @Get()
  report(@Query() q: SegmentParamsQuery) {
    return this.segments.report(q.windowDays, q.checkInDays);
  }

  /** The customers of an audience (any of `groups`, every one of `tags`), paged. */
  @Get('customers')
  customers(@Query() q: SegmentCustomersQuery) {
    return this.segments.customers(audienceOf(q), q);
  }
}
