import { MigrationInterface, QueryRunner } from "typeorm";

export class Shopping1795424785664 implements MigrationInterface {
    name = 'Shopping1795424785664'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "address" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "name" varchar(32) NOT NULL, "phone" varchar(20) NOT NULL, "province" varchar(32) NOT NULL, "city" varchar(32) NOT NULL, "district" varchar(32) NOT NULL, "detail" varchar(200) NOT NULL, "isDefault" boolean NOT NULL DEFAULT (0), "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_address_customer" ON "address" ("customerId", "isDefault") `);
        await queryRunner.query(`CREATE TABLE "cart_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "skuId" integer NOT NULL, "qty" integer NOT NULL, "selected" boolean NOT NULL DEFAULT (1), "addedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_cart_customer_sku" ON "cart_item" ("customerId", "skuId") `);
        await queryRunner.query(`CREATE TABLE "order_adjustment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "orderLineId" integer, "kind" varchar(32) NOT NULL, "amountCents" integer NOT NULL, "label" varchar(64) NOT NULL, "sourceType" varchar(32) NOT NULL, "sourceId" varchar(32))`);
        await queryRunner.query(`CREATE INDEX "ix_order_adjustment_order" ON "order_adjustment" ("orderId") `);
        await queryRunner.query(`CREATE TABLE "order_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "skuId" integer NOT NULL, "productId" integer NOT NULL, "categoryId" integer NOT NULL, "title" varchar(120) NOT NULL, "specs" text NOT NULL, "coverUrl" varchar(512) NOT NULL DEFAULT (''), "qty" integer NOT NULL, "listPriceCents" integer NOT NULL, "unitPriceCents" integer NOT NULL, "priceSource" varchar(32) NOT NULL, "goodsCents" integer NOT NULL, "lineDiscountCents" integer NOT NULL, "couponCents" integer NOT NULL, "pointsCents" integer NOT NULL, "cashPaidCents" integer NOT NULL, "refundedQty" integer NOT NULL DEFAULT (0), "refundedCents" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`CREATE INDEX "ix_order_line_order" ON "order_line" ("orderId") `);
        await queryRunner.query(`CREATE TABLE "order_status_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "fromStatus" varchar(20), "toStatus" varchar(20) NOT NULL, "actor" varchar(32) NOT NULL, "reason" varchar(200), "at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_order_history_order" ON "order_status_history" ("orderId") `);
        await queryRunner.query(`CREATE TABLE "shop_order" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderNo" varchar(32) NOT NULL, "customerId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('GOODS','MEMBER_CARD','POINTS_REDEMPTION') ) NOT NULL, "status" varchar CHECK( "status" IN ('PENDING_PAYMENT','PAID','SHIPPED','COMPLETED','CANCELLED','REFUNDED') ) NOT NULL, "goodsCents" integer NOT NULL, "discountCents" integer NOT NULL, "shippingCents" integer NOT NULL, "shippingPaidCents" integer NOT NULL, "pointsUsed" integer NOT NULL, "pointsValueCents" integer NOT NULL, "payableCents" integer NOT NULL, "pointsToEarn" integer NOT NULL, "refundedCents" integer NOT NULL DEFAULT (0), "memberDayId" varchar(32), "couponId" varchar(32), "address" text, "note" varchar(200) NOT NULL DEFAULT (''), "carrier" varchar(32), "trackingNo" varchar(64), "expiresAt" datetime(3), "paidAt" datetime(3), "shippedAt" datetime(3), "completedAt" datetime(3), "cancelledAt" datetime(3), "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_order_no" ON "shop_order" ("orderNo") `);
        await queryRunner.query(`CREATE INDEX "ix_order_created" ON "shop_order" ("createdAt") `);
        await queryRunner.query(`CREATE INDEX "ix_order_status_shipped" ON "shop_order" ("status", "shippedAt") `);
        await queryRunner.query(`CREATE INDEX "ix_order_status_expires" ON "shop_order" ("status", "expiresAt") `);
        await queryRunner.query(`CREATE INDEX "ix_order_customer" ON "shop_order" ("customerId", "status", "id") `);
        await queryRunner.query(`CREATE TABLE "refund" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "refundNo" varchar(32) NOT NULL, "orderId" integer NOT NULL, "customerId" integer NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','APPROVED','REFUNDED','REJECTED') ) NOT NULL, "reason" varchar(200) NOT NULL, "amountCents" integer NOT NULL, "shippingCents" integer NOT NULL DEFAULT (0), "lines" text NOT NULL, "reviewNote" varchar(200), "reviewedBy" integer, "wechatRefundId" varchar(64), "createdAt" datetime(3) NOT NULL, "approvedAt" datetime(3), "refundedAt" datetime(3))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_refund_no" ON "refund" ("refundNo") `);
        await queryRunner.query(`CREATE INDEX "ix_refund_order" ON "refund" ("orderId") `);
        await queryRunner.query(`CREATE INDEX "ix_refund_status" ON "refund" ("status", "id") `);
        await queryRunner.query(`CREATE TABLE "payment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "outTradeNo" varchar(32) NOT NULL, "amountCents" integer NOT NULL, "status" varchar CHECK( "status" IN ('CREATED','SUCCESS','CLOSED') ) NOT NULL, "prepayId" varchar(64), "prepayAt" datetime(3), "transactionId" varchar(64), "paidAt" datetime(3), "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_order" ON "payment" ("orderId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_out_trade_no" ON "payment" ("outTradeNo") `);
        await queryRunner.query(`CREATE TABLE "store_setting" ("key" varchar(64) PRIMARY KEY NOT NULL, "valueJson" text NOT NULL)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "store_setting"`);
        await queryRunner.query(`DROP INDEX "uq_payment_out_trade_no"`);
        await queryRunner.query(`DROP INDEX "uq_payment_order"`);
        await queryRunner.query(`DROP TABLE "payment"`);
        await queryRunner.query(`DROP INDEX "ix_refund_status"`);
        await queryRunner.query(`DROP INDEX "ix_refund_order"`);
        await queryRunner.query(`DROP INDEX "uq_refund_no"`);
        await queryRunner.query(`DROP TABLE "refund"`);
        await queryRunner.query(`DROP INDEX "ix_order_customer"`);
        await queryRunner.query(`DROP INDEX "ix_order_status_expires"`);
        await queryRunner.query(`DROP INDEX "ix_order_status_shipped"`);
        await queryRunner.query(`DROP INDEX "ix_order_created"`);
        await queryRunner.query(`DROP INDEX "uq_order_no"`);
        await queryRunner.query(`DROP TABLE "shop_order"`);
        await queryRunner.query(`DROP INDEX "ix_order_history_order"`);
        await queryRunner.query(`DROP TABLE "order_status_history"`);
        await queryRunner.query(`DROP INDEX "ix_order_line_order"`);
        await queryRunner.query(`DROP TABLE "order_line"`);
        await queryRunner.query(`DROP INDEX "ix_order_adjustment_order"`);
        await queryRunner.query(`DROP TABLE "order_adjustment"`);
        await queryRunner.query(`DROP INDEX "uq_cart_customer_sku"`);
        await queryRunner.query(`DROP TABLE "cart_item"`);
        await queryRunner.query(`DROP INDEX "ix_address_customer"`);
        await queryRunner.query(`DROP TABLE "address"`);
    }

}
