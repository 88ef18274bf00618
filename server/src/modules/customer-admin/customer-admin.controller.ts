import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { RFM_GROUPS, SEGMENT_TAGS, type RfmGroup, type SegmentTag } from '@mc/shared';
import { sentence } from '../../common/validation';
import { commaList } from '../segments/dto/segments.dto';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery } from '../../common/pagination';
import { audienceOf } from '../segments/dto/segments.dto';
import { CustomerAdminService } from './customer-admin.service';

class CustomerListQuery extends PageQuery {
  @ApiPropertyOptional({ description: "nickname, or the phone's last digits (3 or more)" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ description: 'only customers in this RFM group (客户分层, last 365 days)', enum: RFM_GROUPS })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(RFM_GROUPS, sentence('客户分层不存在', { each: true }))
  groups?: RfmGroup[];

  @ApiPropertyOptional({ description: 'only customers holding these tags (comma separated)', enum: SEGMENT_TAGS })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(SEGMENT_TAGS, sentence('客户标签不存在', { each: true }))
  tags?: SegmentTag[];
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('admin/customers')
export class CustomerAdminController {
  constructor(private readonly customers: CustomerAdminService) {}

  @Roles('operator', 'finance')
  @Get()
  list(@Query() query: CustomerListQuery) {
    return this.customers.list(query.q, query, query.groups?.length || query.tags?.length ? audienceOf(query) : undefined);
  }

  @Roles('operator', 'finance')
  @Get(':id')
  detail(@Param('id', ParseIntPipe) id: number) {
    return this.customers.detail(id);
  }
}
