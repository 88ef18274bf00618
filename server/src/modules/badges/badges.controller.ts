import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { BadgesService } from './badges.service';

@ApiTags('badges')
@ApiBearerAuth()
@Controller()
export class BadgesController {
  constructor(private readonly badges: BadgesService) {}

  /** The counts on the 我的 page's order icons and the cart tab. */
  @Get('badges')
  @UseGuards(CustomerGuard)
  customer(@CurrentCustomer() who: CustomerPrincipal) {
    return this.badges.customer(who.customerId);
  }

  /** The counts in the admin menu: orders to ship, refunds waiting for staff. */
  @Get('admin/badges')
  @UseGuards(StaffGuard)
  @Roles('operator', 'finance')
  staff() {
    return this.badges.staff();
  }
}
