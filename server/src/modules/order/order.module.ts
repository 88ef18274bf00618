import { Module } from '@nestjs/common';
import { AddressModule } from '../address/address.module';
import { MemberDayModule } from '../member-day/member-day.module';
import { MembershipModule } from '../membership/membership.module';
import { PointsModule } from '../points/points.module';
import { CheckoutModule } from '../checkout/checkout.module';
import { PaymentController } from '../payment/payment.controller';
import { PaymentService } from '../payment/payment.service';
import { AdminOrderController } from './admin-order.controller';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderController } from './order.controller';
import { OrderService } from './order.service';
import { RefundService } from './refund.service';

/** Orders, their payments and refunds: one state machine, so one module. */
@Module({
  imports: [CheckoutModule, AddressModule, MembershipModule, MemberDayModule, PointsModule],
  controllers: [OrderController, AdminOrderController, PaymentController],
  providers: [OrderService, OrderLifecycle, PaymentService, RefundService],
  exports: [OrderService, OrderLifecycle, RefundService],
})
export class OrderModule {}
