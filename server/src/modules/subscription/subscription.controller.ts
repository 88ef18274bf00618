import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { ConsentsDto, KindParam, MessageLogQuery, TemplateSettingDto, TemplatesQuery } from './dto/subscription.dto';
import { SubscriptionService } from './subscription.service';

@ApiTags('subscriptions')
@Controller('subscriptions')
export class SubscriptionController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  /** (No token needed.) The enabled templates to ask consent for at a moment of the shop (`after-order`, `member-day`, `check-in`, `distributor`). */
  @Get('templates')
  templates(@Query() q: TemplatesQuery) {
    return this.subscriptions.templatesFor(q.scene);
  }

  /** What requestSubscribeMessage answered: each accept of an enabled template is one message the store may send. */
  @Post('consents')
  @HttpCode(200)
  @ApiBearerAuth()
  @UseGuards(CustomerGuard)
  consents(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: ConsentsDto) {
    return this.subscriptions.recordConsents(who.customerId, dto.results);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator')
@Controller('admin')
export class AdminSubscriptionController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Get('subscription-templates')
  templates() {
    return this.subscriptions.adminTemplates();
  }

  @Put('subscription-templates/:kind')
  setTemplate(@CurrentStaff() who: StaffPrincipal, @Param() p: KindParam, @Body() dto: TemplateSettingDto) {
    return this.subscriptions.setTemplate(who.staffId, p.kind, dto);
  }

  @Get('subscription-messages')
  messages(@Query() q: MessageLogQuery) {
    return this.subscriptions.messageLog(q);
  }
}
