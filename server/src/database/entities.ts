import { AuditLog } from '../common/audit/audit-log.entity';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity';
import { RateLimitCounter } from '../common/rate-limit/rate-limit-counter.entity';
import { ADDRESS_ENTITIES } from '../modules/address/address.module';
import { AUTH_ENTITIES } from '../modules/auth/auth.module';
import { CART_ENTITIES } from '../modules/cart/cart.module';
import { CHECK_IN_ENTITIES } from '../modules/check-in/check-in.module';
import { CATALOG_ENTITIES } from '../modules/catalog/catalog.module';
import { COUPON_ENTITIES } from '../modules/coupon/coupon.module';
import { LOTTERY_ENTITIES } from '../modules/lottery/lottery.module';
import { CUSTOMER_ENTITIES } from '../modules/customer/customer.module';
import { DISTRIBUTION_ENTITIES } from '../modules/distribution/distribution.module';
import { MEMBER_DAY_ENTITIES } from '../modules/member-day/member-day.module';
import { MEMBERSHIP_ENTITIES } from '../modules/membership/membership.module';
import { ORDER_ENTITIES } from '../modules/order/order.module';
import { PAYMENT_ENTITIES } from '../modules/payment/payment.module';
import { POINTS_ENTITIES } from '../modules/points/points.module';
import { POINTS_MALL_ENTITIES } from '../modules/points-mall/points-mall.module';
import { SETTINGS_ENTITIES } from '../modules/settings/settings.module';
import { SUBSCRIPTION_ENTITIES } from '../modules/subscription/subscription.module';

/**
 * Every entity, listed explicitly (no globs): each module lists its own tables beside its Nest
 * module, and common/ its infrastructure tables. The same list for MariaDB/MySQL and sql.js.
 */
export const ENTITIES = [
  AuditLog,
  IdempotencyKey,
  RateLimitCounter,
  ...CUSTOMER_ENTITIES,
  ...AUTH_ENTITIES,
  ...SETTINGS_ENTITIES,
  ...CATALOG_ENTITIES,
  ...ADDRESS_ENTITIES,
  ...CART_ENTITIES,
  ...ORDER_ENTITIES,
  ...PAYMENT_ENTITIES,
  ...MEMBERSHIP_ENTITIES,
  ...MEMBER_DAY_ENTITIES,
  ...POINTS_ENTITIES,
  ...CHECK_IN_ENTITIES,
  ...POINTS_MALL_ENTITIES,
  ...COUPON_ENTITIES,
  ...LOTTERY_ENTITIES,
  ...DISTRIBUTION_ENTITIES,
  ...SUBSCRIPTION_ENTITIES,
];
