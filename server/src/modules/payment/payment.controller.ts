import { Controller, HttpCode, Param, ParseIntPipe, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CustomerPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CustomerGuard } from '../../common/auth/guards';
import { RefundService } from '../order/refund.service';
import { PaymentService } from './payment.service';

@ApiTags('payments')
@Controller()
export class PaymentController {
  constructor(
    private readonly payments: PaymentService,
    private readonly refunds: RefundService,
  ) {}

  @Post('orders/:id/pay')
  @HttpCode(200)
  @ApiBearerAuth()
  @UseGuards(CustomerGuard)
  pay(@CurrentCustomer() who: CustomerPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.payments.pay(who.customerId, id);
  }

  /** WeChat Pay's payment notification: verified on the raw body; non-2xx makes WeChat retry. */
  @Post('payments/wechat/notify')
  @ApiExcludeEndpoint()
  async notify(@Req() req: RawBodyRequest<Request>, @Res() res: Response) {
    const outcome = await this.payments.handleNotification(req.headers, req.rawBody?.toString('utf8') ?? '');
    res.status(outcome.status).json(outcome.body);
  }

  @Post('payments/wechat/refund-notify')
  @ApiExcludeEndpoint()
  async refundNotify(@Req() req: RawBodyRequest<Request>, @Res() res: Response) {
    const outcome = await this.refunds.handleNotification(req.headers, req.rawBody?.toString('utf8') ?? '');
    res.status(outcome.status).json(outcome.body);
  }
}
