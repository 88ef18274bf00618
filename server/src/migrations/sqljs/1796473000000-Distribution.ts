import { MigrationInterface, QueryRunner } from "typeorm";

export class Distribution1796473000000 implements MigrationInterface {
    name = 'Distribution1796473000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "commission" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "orderNo" varchar(32) NOT NULL, "buyerId" integer NOT NULL, "distributorId" integer NOT NULL, "level" tinyint NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','SETTLED','WITHDRAWN','CANCELLED') ) NOT NULL, "lines" text NOT NULL, "baseCents" integer NOT NULL, "amountCents" integer NOT NULL, "originalAmountCents" integer NOT NULL, "completedAt" datetime(3), "createdAt" datetime(3) NOT NULL, "settledAt" datetime(3))`);
        await queryRunner.query(`CREATE INDEX "ix_commission_status_completed" ON "commission" ("status", "completedAt") `);
        await queryRunner.query(`CREATE INDEX "ix_commission_distributor" ON "commission" ("distributorId", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_commission_order_level" ON "commission" ("orderId", "level") `);
        await queryRunner.query(`CREATE TABLE "commission_ledger" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "distributorId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('ACCRUE','REDUCE','SETTLE','CLAWBACK','FREEZE','UNFREEZE','PAYOUT') ) NOT NULL, "pendingDelta" integer NOT NULL DEFAULT (0), "availableDelta" integer NOT NULL DEFAULT (0), "frozenDelta" integer NOT NULL DEFAULT (0), "withdrawnDelta" integer NOT NULL DEFAULT (0), "owedDelta" integer NOT NULL DEFAULT (0), "commissionId" integer, "withdrawalId" integer, "dedupeKey" varchar(80) NOT NULL, "memo" varchar(200) NOT NULL DEFAULT (''), "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_commission_ledger_dedupe" ON "commission_ledger" ("dedupeKey") `);
        await queryRunner.query(`CREATE INDEX "ix_commission_ledger_distributor" ON "commission_ledger" ("distributorId", "id") `);
        await queryRunner.query(`CREATE TABLE "distributor" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','APPROVED','REJECTED','DISABLED') ) NOT NULL, "refCode" varchar(8), "isGuide" boolean NOT NULL DEFAULT (0), "reason" varchar(200) NOT NULL DEFAULT (''), "rejectReason" varchar(200), "appliedAt" datetime(3) NOT NULL, "reviewedAt" datetime(3), "reviewedBy" integer, "pendingCents" bigint NOT NULL DEFAULT (0), "availableCents" bigint NOT NULL DEFAULT (0), "frozenCents" bigint NOT NULL DEFAULT (0), "withdrawnCents" bigint NOT NULL DEFAULT (0), "owedCents" bigint NOT NULL DEFAULT (0))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_distributor_customer" ON "distributor" ("customerId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_distributor_ref_code" ON "distributor" ("refCode") `);
        await queryRunner.query(`CREATE INDEX "ix_distributor_status" ON "distributor" ("status", "id") `);
        await queryRunner.query(`CREATE TABLE "referral_binding" ("customerId" integer PRIMARY KEY NOT NULL, "distributorId" integer NOT NULL, "boundAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_referral_binding_distributor" ON "referral_binding" ("distributorId", "expiresAt") `);
        await queryRunner.query(`CREATE TABLE "referral_visit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "distributorId" integer, "refCode" varchar(16) NOT NULL, "source" varchar CHECK( "source" IN ('LOGIN','VISIT') ) NOT NULL, "outcome" varchar CHECK( "outcome" IN ('UNKNOWN_REF','INACTIVE','SELF','CYCLE','BOUND','RENEWED','REBOUND','KEPT') ) NOT NULL, "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_referral_visit_distributor" ON "referral_visit" ("distributorId", "createdAt") `);
        await queryRunner.query(`CREATE TABLE "share_scene" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sceneCode" varchar(16) NOT NULL, "distributorId" integer NOT NULL, "target" varchar(32) NOT NULL, "path" varchar(200) NOT NULL, "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_share_scene_code" ON "share_scene" ("sceneCode") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_share_scene_target" ON "share_scene" ("distributorId", "target") `);
        await queryRunner.query(`CREATE TABLE "withdrawal" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "distributorId" integer NOT NULL, "amountCents" integer NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','APPROVED','PAID','REJECTED','FAILED') ) NOT NULL, "storeDay" varchar(10) NOT NULL, "outBatchNo" varchar(32) NOT NULL, "transferBillNo" varchar(64), "failReason" varchar(200), "reviewedBy" integer, "createdAt" datetime(3) NOT NULL, "reviewedAt" datetime(3), "paidAt" datetime(3))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_withdrawal_out_batch_no" ON "withdrawal" ("outBatchNo") `);
        await queryRunner.query(`CREATE INDEX "ix_withdrawal_status" ON "withdrawal" ("status", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_withdrawal_distributor_day" ON "withdrawal" ("distributorId", "storeDay") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_withdrawal_distributor_day"`);
        await queryRunner.query(`DROP INDEX "ix_withdrawal_status"`);
        await queryRunner.query(`DROP INDEX "uq_withdrawal_out_batch_no"`);
        await queryRunner.query(`DROP TABLE "withdrawal"`);
        await queryRunner.query(`DROP INDEX "uq_share_scene_target"`);
        await queryRunner.query(`DROP INDEX "uq_share_scene_code"`);
        await queryRunner.query(`DROP TABLE "share_scene"`);
        await queryRunner.query(`DROP INDEX "ix_referral_visit_distributor"`);
        await queryRunner.query(`DROP TABLE "referral_visit"`);
        await queryRunner.query(`DROP INDEX "ix_referral_binding_distributor"`);
        await queryRunner.query(`DROP TABLE "referral_binding"`);
        await queryRunner.query(`DROP INDEX "ix_distributor_status"`);
        await queryRunner.query(`DROP INDEX "uq_distributor_ref_code"`);
        await queryRunner.query(`DROP INDEX "uq_distributor_customer"`);
        await queryRunner.query(`DROP TABLE "distributor"`);
        await queryRunner.query(`DROP INDEX "ix_commission_ledger_distributor"`);
        await queryRunner.query(`DROP INDEX "uq_commission_ledger_dedupe"`);
        await queryRunner.query(`DROP TABLE "commission_ledger"`);
        await queryRunner.query(`DROP INDEX "uq_commission_order_level"`);
        await queryRunner.query(`DROP INDEX "ix_commission_distributor"`);
        await queryRunner.query(`DROP INDEX "ix_commission_status_completed"`);
        await queryRunner.query(`DROP TABLE "commission"`);
    }

}
