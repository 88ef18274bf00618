import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery } from '../../common/pagination';
import { CustomerAdminService } from './customer-admin.service';

class CustomerListQuery extends PageQuery {
  @ApiPropertyOptional({ description: "nickname, or the phone's last digits (3 or more)" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
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
    return this.customers.list(query.q, query);
  }

  @Roles('operator', 'finance')
  @Get(':id')
  detail(@Param('id', ParseIntPipe) id: number) {
    return this.customers.detail(id);
  }
}
