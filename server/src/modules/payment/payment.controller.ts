import { Controller, HttpCode, Param, ParseIntPipe, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { RefundPayoutService } from './refund-payout.service';
import { PaymentService } from './payment.service';

@ApiTags('payments')
@Controller()
export class PaymentController {
  constructor(
    private readonly payments: PaymentService,
    private readonly payouts: RefundPayoutService,
  ) {}

  @Post('orders/:id/pay')
  @HttpCode(200)
  @ApiBearerAuth()
  @UseGuards(CustomerGuard)
  pay(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.payments.pay(who.customerId, id);
  }

  /** Staff send an approved refund's money again after WeChat refused it (queried first; same out_refund_no). */
  @Post('admin/refunds/:id/retry')
  @HttpCode(200)
  @ApiBearerAuth()
  @UseGuards(StaffGuard)
  @Roles('finance')
  retryRefund(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.payouts.retry(who.staffId, id);
  }

  /** WeChat Pay's payment notification: verified on the raw body; non-2xx makes WeChat retry. */
  @Post('payments/wechat/notify')
  @ApiExcludeEndpoint()
  async notify(@Req() req: RawBodyRequest<FastifyRequest>, @Res() res: FastifyReply) {
    const outcome = await this.payments.handleNotification(req.headers, req.rawBody?.toString('utf8') ?? '');
    res.status(outcome.status).send(outcome.body);
  }

  @Post('payments/wechat/refund-notify')
  @ApiExcludeEndpoint()
  async refundNotify(@Req() req: RawBodyRequest<FastifyRequest>, @Res() res: FastifyReply) {
    const outcome = await this.payouts.handleNotification(req.headers, req.rawBody?.toString('utf8') ?? '');
    res.status(outcome.status).send(outcome.body);
  }
}
