import { Module } from '@nestjs/common';
import { OrderModule } from '../order/order.module';
import { Payment } from './entities/payment.entity';
import { PaymentController } from './payment.controller';
import { PaymentService } from './payment.service';
import { RefundPayoutService } from './refund-payout.service';

export const PAYMENT_ENTITIES = [Payment];

/** WeChat Pay: paying orders, the verified notifications, and sending refunds' money back. */
@Module({ imports: [OrderModule], controllers: [PaymentController], providers: [PaymentService, RefundPayoutService] })
export class PaymentModule {}
