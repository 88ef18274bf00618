import { MigrationInterface, QueryRunner } from "typeorm";

export class Membership1795426118979 implements MigrationInterface {
    name = 'Membership1795426118979'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "membership_period" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "orderId" integer NOT NULL, "planId" integer NOT NULL, "days" integer NOT NULL, "paidCents" integer NOT NULL, "purchasedAt" datetime(3) NOT NULL, "startsAt" datetime(3) NOT NULL, "endsAt" datetime(3) NOT NULL, "refundedAt" datetime(3))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_membership_period_order" ON "membership_period" ("orderId") `);
        await queryRunner.query(`CREATE INDEX "ix_membership_period_customer" ON "membership_period" ("customerId", "id") `);
        await queryRunner.query(`CREATE TABLE "membership_plan" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(32) NOT NULL, "priceCents" integer NOT NULL, "days" integer NOT NULL, "benefits" varchar(500) NOT NULL DEFAULT (''), "onSale" boolean NOT NULL DEFAULT (1), "sort" integer NOT NULL DEFAULT (0), "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "membership" ("customerId" integer PRIMARY KEY NOT NULL, "endsAt" datetime(3) NOT NULL, "expiredAt" datetime(3), "remindedFor" datetime(3), "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`DROP INDEX "ix_order_customer"`);
        await queryRunner.query(`DROP INDEX "ix_order_status_expires"`);
        await queryRunner.query(`DROP INDEX "ix_order_status_shipped"`);
        await queryRunner.query(`DROP INDEX "ix_order_created"`);
        await queryRunner.query(`DROP INDEX "uq_order_no"`);
        await queryRunner.query(`CREATE TABLE "temporary_shop_order" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderNo" varchar(32) NOT NULL, "customerId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('GOODS','MEMBER_CARD','POINTS_REDEMPTION') ) NOT NULL, "status" varchar CHECK( "status" IN ('PENDING_PAYMENT','PAID','SHIPPED','COMPLETED','CANCELLED','REFUNDED') ) NOT NULL, "goodsCents" integer NOT NULL, "discountCents" integer NOT NULL, "shippingCents" integer NOT NULL, "shippingPaidCents" integer NOT NULL, "pointsUsed" integer NOT NULL, "pointsValueCents" integer NOT NULL, "payableCents" integer NOT NULL, "pointsToEarn" integer NOT NULL, "refundedCents" integer NOT NULL DEFAULT (0), "memberDayId" varchar(32), "couponId" varchar(32), "address" text, "note" varchar(200) NOT NULL DEFAULT (''), "carrier" varchar(32), "trackingNo" varchar(64), "expiresAt" datetime(3), "paidAt" datetime(3), "shippedAt" datetime(3), "completedAt" datetime(3), "cancelledAt" datetime(3), "createdAt" datetime(3) NOT NULL, "membershipPlanId" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_shop_order"("id", "orderNo", "customerId", "kind", "status", "goodsCents", "discountCents", "shippingCents", "shippingPaidCents", "pointsUsed", "pointsValueCents", "payableCents", "pointsToEarn", "refundedCents", "memberDayId", "couponId", "address", "note", "carrier", "trackingNo", "expiresAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "createdAt") SELECT "id", "orderNo", "customerId", "kind", "status", "goodsCents", "discountCents", "shippingCents", "shippingPaidCents", "pointsUsed", "pointsValueCents", "payableCents", "pointsToEarn", "refundedCents", "memberDayId", "couponId", "address", "note", "carrier", "trackingNo", "expiresAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "createdAt" FROM "shop_order"`);
        await queryRunner.query(`DROP TABLE "shop_order"`);
        await queryRunner.query(`ALTER TABLE "temporary_shop_order" RENAME TO "shop_order"`);
        await queryRunner.query(`CREATE INDEX "ix_order_customer" ON "shop_order" ("customerId", "status", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_order_status_expires" ON "shop_order" ("status", "expiresAt") `);
        await queryRunner.query(`CREATE INDEX "ix_order_status_shipped" ON "shop_order" ("status", "shippedAt") `);
        await queryRunner.query(`CREATE INDEX "ix_order_created" ON "shop_order" ("createdAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_order_no" ON "shop_order" ("orderNo") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_order_no"`);
        await queryRunner.query(`DROP INDEX "ix_order_created"`);
        await queryRunner.query(`DROP INDEX "ix_order_status_shipped"`);
        await queryRunner.query(`DROP INDEX "ix_order_status_expires"`);
        await queryRunner.query(`DROP INDEX "ix_order_customer"`);
        await queryRunner.query(`ALTER TABLE "shop_order" RENAME TO "temporary_shop_order"`);
        await queryRunner.query(`CREATE TABLE "shop_order" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderNo" varchar(32) NOT NULL, "customerId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('GOODS','MEMBER_CARD','POINTS_REDEMPTION') ) NOT NULL, "status" varchar CHECK( "status" IN ('PENDING_PAYMENT','PAID','SHIPPED','COMPLETED','CANCELLED','REFUNDED') ) NOT NULL, "goodsCents" integer NOT NULL, "discountCents" integer NOT NULL, "shippingCents" integer NOT NULL, "shippingPaidCents" integer NOT NULL, "pointsUsed" integer NOT NULL, "pointsValueCents" integer NOT NULL, "payableCents" integer NOT NULL, "pointsToEarn" integer NOT NULL, "refundedCents" integer NOT NULL DEFAULT (0), "memberDayId" varchar(32), "couponId" varchar(32), "address" text, "note" varchar(200) NOT NULL DEFAULT (''), "carrier" varchar(32), "trackingNo" varchar(64), "expiresAt" datetime(3), "paidAt" datetime(3), "shippedAt" datetime(3), "completedAt" datetime(3), "cancelledAt" datetime(3), "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "shop_order"("id", "orderNo", "customerId", "kind", "status", "goodsCents", "discountCents", "shippingCents", "shippingPaidCents", "pointsUsed", "pointsValueCents", "payableCents", "pointsToEarn", "refundedCents", "memberDayId", "couponId", "address", "note", "carrier", "trackingNo", "expiresAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "createdAt") SELECT "id", "orderNo", "customerId", "kind", "status", "goodsCents", "discountCents", "shippingCents", "shippingPaidCents", "pointsUsed", "pointsValueCents", "payableCents", "pointsToEarn", "refundedCents", "memberDayId", "couponId", "address", "note", "carrier", "trackingNo", "expiresAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "createdAt" FROM "temporary_shop_order"`);
        await queryRunner.query(`DROP TABLE "temporary_shop_order"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_order_no" ON "shop_order" ("orderNo") `);
        await queryRunner.query(`CREATE INDEX "ix_order_created" ON "shop_order" ("createdAt") `);
        await queryRunner.query(`CREATE INDEX "ix_order_status_shipped" ON "shop_order" ("status", "shippedAt") `);
        await queryRunner.query(`CREATE INDEX "ix_order_status_expires" ON "shop_order" ("status", "expiresAt") `);
        await queryRunner.query(`CREATE INDEX "ix_order_customer" ON "shop_order" ("customerId", "status", "id") `);
        await queryRunner.query(`DROP TABLE "membership"`);
        await queryRunner.query(`DROP TABLE "membership_plan"`);
        await queryRunner.query(`DROP INDEX "ix_membership_period_customer"`);
        await queryRunner.query(`DROP INDEX "uq_membership_period_order"`);
        await queryRunner.query(`DROP TABLE "membership_period"`);
    }

}
