import { Body, Controller, Get, HttpCode, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { CheckInService } from './check-in.service';
import { CalendarQuery, CheckInRulesDto, MakeUpDto } from './dto/check-in.dto';

@ApiTags('points')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller('points/check-in')
export class CheckInController {
  constructor(private readonly checkIns: CheckInService) {}

  /** Check in today (store day): `{pointsAwarded, streak, balance, date}`; a second time that day 409 ALREADY_CHECKED_IN. */
  @Post()
  @HttpCode(200)
  checkIn(@CurrentCustomer() who: CustomerPrincipal) {
    return this.checkIns.checkIn(who.customerId);
  }

  /** A month of check-ins (default: the current store month), the streak, the next milestone and the rules. */
  @Get('calendar')
  calendar(@CurrentCustomer() who: CustomerPrincipal, @Query() q: CalendarQuery) {
    return this.checkIns.calendar(who.customerId, q.month);
  }

  /** Make up a missed day of the current month for its points price (when the store allows it). */
  @Post('make-up')
  @HttpCode(200)
  makeUp(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: MakeUpDto) {
    return this.checkIns.makeUp(who.customerId, dto.date);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator')
@Controller('admin/check-in-rules')
export class AdminCheckInRulesController {
  constructor(private readonly checkIns: CheckInService) {}

  @Get()
  rules() {
    return this.checkIns.rules();
  }

  /** Replaces the rules whole; in force for the next check-in. */
  @Put()
  update(@CurrentStaff() who: StaffPrincipal, @Body() dto: CheckInRulesDto) {
    return this.checkIns.setRules(who.staffId, dto);
  }
}
