import { AuditLog } from '../common/audit/audit-log.entity';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity';
import { RateLimitCounter } from '../common/rate-limit/rate-limit-counter.entity';
import { Address } from '../modules/address/entities/address.entity';
import { CartItem } from '../modules/cart/entities/cart-item.entity';
import { OrderAdjustment } from '../modules/order/entities/order-adjustment.entity';
import { OrderLine } from '../modules/order/entities/order-line.entity';
import { OrderStatusHistory } from '../modules/order/entities/order-status-history.entity';
import { Order } from '../modules/order/entities/order.entity';
import { Refund } from '../modules/order/entities/refund.entity';
import { Payment } from '../modules/payment/entities/payment.entity';
import { StoreSetting } from '../modules/settings/entities/store-setting.entity';
import { MembershipPeriod } from '../modules/membership/entities/membership-period.entity';
import { MembershipPlan } from '../modules/membership/entities/membership-plan.entity';
import { Membership } from '../modules/membership/entities/membership.entity';
import { CustomerGrowth } from '../modules/membership/entities/customer-growth.entity';
import { GrowthLedger } from '../modules/membership/entities/growth-ledger.entity';
import { Tier } from '../modules/membership/entities/tier.entity';
import { MemberDaySkuPrice } from '../modules/member-day/entities/member-day-sku-price.entity';
import { MemberDayUsage } from '../modules/member-day/entities/member-day-usage.entity';
import { MemberDay } from '../modules/member-day/entities/member-day.entity';
import { PointsAccount } from '../modules/points/entities/points-account.entity';
import { PointsLedger } from '../modules/points/entities/points-ledger.entity';
import { Customer } from '../modules/auth/entities/customer.entity';
import { StaffUser } from '../modules/auth/entities/staff-user.entity';
import { Category } from '../modules/catalog/entities/category.entity';
import { Product } from '../modules/catalog/entities/product.entity';
import { Sku } from '../modules/catalog/entities/sku.entity';

/** Every entity, listed explicitly (no globs): the same list for MariaDB/MySQL and sql.js. */
export const ENTITIES = [
  Customer,
  StaffUser,
  AuditLog,
  IdempotencyKey,
  RateLimitCounter,
  StoreSetting,
  Category,
  Product,
  Sku,
  Address,
  CartItem,
  Order,
  OrderLine,
  OrderAdjustment,
  OrderStatusHistory,
  Payment,
  Refund,
  MembershipPlan,
  Membership,
  MembershipPeriod,
  Tier,
  CustomerGrowth,
  GrowthLedger,
  MemberDay,
  MemberDaySkuPrice,
  MemberDayUsage,
  PointsAccount,
  PointsLedger,
];
