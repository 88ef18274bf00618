import { MigrationInterface, QueryRunner } from "typeorm";

export class AfterSales1796474000000 implements MigrationInterface {
    name = 'AfterSales1796474000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_refund_status"`);
        await queryRunner.query(`DROP INDEX "ix_refund_order"`);
        await queryRunner.query(`DROP INDEX "uq_refund_no"`);
        await queryRunner.query(`CREATE TABLE "temporary_refund" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "refundNo" varchar(32) NOT NULL, "orderId" integer NOT NULL, "customerId" integer NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','APPROVED','REFUNDED','REJECTED') ) NOT NULL, "reason" varchar(200) NOT NULL, "amountCents" integer NOT NULL, "shippingCents" integer NOT NULL DEFAULT (0), "lines" text NOT NULL, "reviewNote" varchar(200), "reviewedBy" integer, "wechatRefundId" varchar(64), "createdAt" datetime(3) NOT NULL, "approvedAt" datetime(3), "refundedAt" datetime(3), "returnRequired" boolean NOT NULL DEFAULT (0), "returnCarrier" varchar(32), "returnTrackingNo" varchar(64), "returnShippedAt" datetime(3), "returnReceivedAt" datetime(3), "payoutError" varchar(200), "payoutFailedAt" datetime(3))`);
        await queryRunner.query(`INSERT INTO "temporary_refund"("id", "refundNo", "orderId", "customerId", "status", "reason", "amountCents", "shippingCents", "lines", "reviewNote", "reviewedBy", "wechatRefundId", "createdAt", "approvedAt", "refundedAt") SELECT "id", "refundNo", "orderId", "customerId", "status", "reason", "amountCents", "shippingCents", "lines", "reviewNote", "reviewedBy", "wechatRefundId", "createdAt", "approvedAt", "refundedAt" FROM "refund"`);
        await queryRunner.query(`DROP TABLE "refund"`);
        await queryRunner.query(`ALTER TABLE "temporary_refund" RENAME TO "refund"`);
        await queryRunner.query(`CREATE INDEX "ix_refund_status" ON "refund" ("status", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_refund_order" ON "refund" ("orderId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_refund_no" ON "refund" ("refundNo") `);
        await queryRunner.query(`DROP INDEX "ix_refund_status"`);
        await queryRunner.query(`DROP INDEX "ix_refund_order"`);
        await queryRunner.query(`DROP INDEX "uq_refund_no"`);
        await queryRunner.query(`CREATE TABLE "temporary_refund" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "refundNo" varchar(32) NOT NULL, "orderId" integer NOT NULL, "customerId" integer NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','AWAITING_RETURN','RETURN_SHIPPED','APPROVED','REFUNDED','REJECTED') ) NOT NULL, "reason" varchar(200) NOT NULL, "amountCents" integer NOT NULL, "shippingCents" integer NOT NULL DEFAULT (0), "lines" text NOT NULL, "reviewNote" varchar(200), "reviewedBy" integer, "wechatRefundId" varchar(64), "createdAt" datetime(3) NOT NULL, "approvedAt" datetime(3), "refundedAt" datetime(3), "returnRequired" boolean NOT NULL DEFAULT (0), "returnCarrier" varchar(32), "returnTrackingNo" varchar(64), "returnShippedAt" datetime(3), "returnReceivedAt" datetime(3), "payoutError" varchar(200), "payoutFailedAt" datetime(3))`);
        await queryRunner.query(`INSERT INTO "temporary_refund"("id", "refundNo", "orderId", "customerId", "status", "reason", "amountCents", "shippingCents", "lines", "reviewNote", "reviewedBy", "wechatRefundId", "createdAt", "approvedAt", "refundedAt", "returnRequired", "returnCarrier", "returnTrackingNo", "returnShippedAt", "returnReceivedAt", "payoutError", "payoutFailedAt") SELECT "id", "refundNo", "orderId", "customerId", "status", "reason", "amountCents", "shippingCents", "lines", "reviewNote", "reviewedBy", "wechatRefundId", "createdAt", "approvedAt", "refundedAt", "returnRequired", "returnCarrier", "returnTrackingNo", "returnShippedAt", "returnReceivedAt", "payoutError", "payoutFailedAt" FROM "refund"`);
        await queryRunner.query(`DROP TABLE "refund"`);
        await queryRunner.query(`ALTER TABLE "temporary_refund" RENAME TO "refund"`);
        await queryRunner.query(`CREATE INDEX "ix_refund_order" ON "refund" ("orderId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_refund_no" ON "refund" ("refundNo") `);
        await queryRunner.query(`CREATE INDEX "ix_refund_status" ON "refund" ("status", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_refund_customer" ON "refund" ("customerId", "status") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_refund_customer"`);
        await queryRunner.query(`DROP INDEX "ix_refund_status"`);
        await queryRunner.query(`DROP INDEX "uq_refund_no"`);
        await queryRunner.query(`DROP INDEX "ix_refund_order"`);
        await queryRunner.query(`ALTER TABLE "refund" RENAME TO "temporary_refund"`);
        await queryRunner.query(`CREATE TABLE "refund" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "refundNo" varchar(32) NOT NULL, "orderId" integer NOT NULL, "customerId" integer NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','APPROVED','REFUNDED','REJECTED') ) NOT NULL, "reason" varchar(200) NOT NULL, "amountCents" integer NOT NULL, "shippingCents" integer NOT NULL DEFAULT (0), "lines" text NOT NULL, "reviewNote" varchar(200), "reviewedBy" integer, "wechatRefundId" varchar(64), "createdAt" datetime(3) NOT NULL, "approvedAt" datetime(3), "refundedAt" datetime(3), "returnRequired" boolean NOT NULL DEFAULT (0), "returnCarrier" varchar(32), "returnTrackingNo" varchar(64), "returnShippedAt" datetime(3), "returnReceivedAt" datetime(3), "payoutError" varchar(200), "payoutFailedAt" datetime(3))`);
        await queryRunner.query(`INSERT INTO "refund"("id", "refundNo", "orderId", "customerId", "status", "reason", "amountCents", "shippingCents", "lines", "reviewNote", "reviewedBy", "wechatRefundId", "createdAt", "approvedAt", "refundedAt", "returnRequired", "returnCarrier", "returnTrackingNo", "returnShippedAt", "returnReceivedAt", "payoutError", "payoutFailedAt") SELECT "id", "refundNo", "orderId", "customerId", "status", "reason", "amountCents", "shippingCents", "lines", "reviewNote", "reviewedBy", "wechatRefundId", "createdAt", "approvedAt", "refundedAt", "returnRequired", "returnCarrier", "returnTrackingNo", "returnShippedAt", "returnReceivedAt", "payoutError", "payoutFailedAt" FROM "temporary_refund"`);
        await queryRunner.query(`DROP TABLE "temporary_refund"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_refund_no" ON "refund" ("refundNo") `);
        await queryRunner.query(`CREATE INDEX "ix_refund_order" ON "refund" ("orderId") `);
        await queryRunner.query(`CREATE INDEX "ix_refund_status" ON "refund" ("status", "id") `);
        await queryRunner.query(`DROP INDEX "uq_refund_no"`);
        await queryRunner.query(`DROP INDEX "ix_refund_order"`);
        await queryRunner.query(`DROP INDEX "ix_refund_status"`);
        await queryRunner.query(`ALTER TABLE "refund" RENAME TO "temporary_refund"`);
        await queryRunner.query(`CREATE TABLE "refund" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "refundNo" varchar(32) NOT NULL, "orderId" integer NOT NULL, "customerId" integer NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','APPROVED','REFUNDED','REJECTED') ) NOT NULL, "reason" varchar(200) NOT NULL, "amountCents" integer NOT NULL, "shippingCents" integer NOT NULL DEFAULT (0), "lines" text NOT NULL, "reviewNote" varchar(200), "reviewedBy" integer, "wechatRefundId" varchar(64), "createdAt" datetime(3) NOT NULL, "approvedAt" datetime(3), "refundedAt" datetime(3))`);
        await queryRunner.query(`INSERT INTO "refund"("id", "refundNo", "orderId", "customerId", "status", "reason", "amountCents", "shippingCents", "lines", "reviewNote", "reviewedBy", "wechatRefundId", "createdAt", "approvedAt", "refundedAt") SELECT "id", "refundNo", "orderId", "customerId", "status", "reason", "amountCents", "shippingCents", "lines", "reviewNote", "reviewedBy", "wechatRefundId", "createdAt", "approvedAt", "refundedAt" FROM "temporary_refund"`);
        await queryRunner.query(`DROP TABLE "temporary_refund"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_refund_no" ON "refund" ("refundNo") `);
        await queryRunner.query(`CREATE INDEX "ix_refund_order" ON "refund" ("orderId") `);
        await queryRunner.query(`CREATE INDEX "ix_refund_status" ON "refund" ("status", "id") `);
    }

}
