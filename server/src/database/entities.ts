import { AuditLog } from '../common/audit/audit-log.entity';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity';
import { RateLimitCounter } from '../common/rate-limit/rate-limit-counter.entity';
import { Customer } from '../modules/auth/entities/customer.entity';
import { StaffUser } from '../modules/auth/entities/staff-user.entity';
import { Category } from '../modules/catalog/entities/category.entity';
import { Product } from '../modules/catalog/entities/product.entity';
import { Sku } from '../modules/catalog/entities/sku.entity';

/** Every entity, listed explicitly (no globs): the same list for MariaDB/MySQL and sql.js. */
export const ENTITIES = [Customer, StaffUser, AuditLog, IdempotencyKey, RateLimitCounter, Category, Product, Sku];
