import { MigrationInterface, QueryRunner } from "typeorm";

export class Campaigns1796530000000 implements MigrationInterface {
    name = 'Campaigns1796530000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "campaign_recipient" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "campaignId" integer NOT NULL, "customerId" integer NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','SENT','FAILED') ) NOT NULL DEFAULT ('PENDING'), "reason" varchar(200), "claimToken" varchar(36), "claimedAt" datetime(3), "processedAt" datetime(3))`);
        await queryRunner.query(`CREATE INDEX "ix_campaign_recipient_status" ON "campaign_recipient" ("campaignId", "status", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_campaign_recipient" ON "campaign_recipient" ("campaignId", "customerId") `);
        await queryRunner.query(`CREATE TABLE "campaign" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(40) NOT NULL, "status" varchar CHECK( "status" IN ('DRAFT','RUNNING','PAUSED','DONE') ) NOT NULL, "audience" text NOT NULL, "actionKind" varchar(16) NOT NULL, "couponTemplateId" integer, "points" integer, "total" integer NOT NULL DEFAULT (0), "createdBy" integer NOT NULL, "createdAt" datetime(3) NOT NULL, "startedAt" datetime(3), "finishedAt" datetime(3))`);
        await queryRunner.query(`CREATE INDEX "ix_order_adjustment_kind" ON "order_adjustment" ("orderId", "kind") `);
        await queryRunner.query(`CREATE INDEX "ix_order_rfm" ON "shop_order" ("kind", "paidAt", "status", "customerId", "payableCents", "refundedCents") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_order_rfm"`);
        await queryRunner.query(`DROP INDEX "ix_order_adjustment_kind"`);
        await queryRunner.query(`DROP TABLE "campaign"`);
        await queryRunner.query(`DROP INDEX "uq_campaign_recipient"`);
        await queryRunner.query(`DROP INDEX "ix_campaign_recipient_status"`);
        await queryRunner.query(`DROP TABLE "campaign_recipient"`);
    }

}
