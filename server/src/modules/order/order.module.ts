import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AdminOrderController } from './admin-order.controller';
import { OrderAdjustment } from './entities/order-adjustment.entity';
import { OrderLine } from './entities/order-line.entity';
import { OrderStatusHistory } from './entities/order-status-history.entity';
import { Order } from './entities/order.entity';
import { Refund } from './entities/refund.entity';
import { OrderEvents } from './order-events';
import { OrderExportService } from './order-export.service';
import { OrderJobs } from './order-jobs.service';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderQueries } from './order-queries.service';
import { OrderController } from './order.controller';
import { OrderService } from './order.service';
import { RefundService } from './refund.service';

export const ORDER_ENTITIES = [Order, OrderLine, OrderAdjustment, OrderStatusHistory, Refund];

/**
 * Orders and refunds as records and one state machine. It announces what happens to an order
 * (OrderEvents) and imports none of the modules that react; checkout places orders, payment moves
 * the money.
 */
@Module({
  imports: [CatalogModule],
  controllers: [OrderController, AdminOrderController],
  providers: [OrderEvents, OrderLifecycle, OrderService, OrderQueries, OrderJobs, RefundService, OrderExportService],
  exports: [OrderEvents, OrderLifecycle, OrderService, OrderQueries, RefundService],
})
export class OrderModule {}
