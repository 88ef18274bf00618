import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CustomerGuard } from '../../common/auth/guards';
import { PageQuery } from '../../common/pagination';
import { PointsService } from './points.service';

@ApiTags('points')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('points')
export class PointsController {
  constructor(private readonly points: PointsService) {}

  /** The customer's own ledger, newest first: `{items, total}`. */
  @Get('ledger')
  ledger(@CurrentCustomer() who: CustomerPrincipal, @Query() q: PageQuery) {
    return this.points.ledger(who.customerId, q);
  }
}
