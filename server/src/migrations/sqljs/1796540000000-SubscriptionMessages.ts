import { MigrationInterface, QueryRunner } from "typeorm";

export class SubscriptionMessages1796540000000 implements MigrationInterface {
    name = 'SubscriptionMessages1796540000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "subscription_credit" ("customerId" integer NOT NULL, "templateId" varchar(64) NOT NULL, "credits" integer NOT NULL DEFAULT (0), "updatedAt" datetime(3) NOT NULL, PRIMARY KEY ("customerId", "templateId"))`);
        await queryRunner.query(`CREATE TABLE "subscription_message" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "kind" varchar(32) NOT NULL, "templateId" varchar(64) NOT NULL, "dedupeKey" varchar(128) NOT NULL, "status" varchar CHECK( "status" IN ('SENDING','SENT','FAILED','SKIPPED') ) NOT NULL, "data" text NOT NULL, "page" varchar(255), "error" varchar(255), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_subscription_message_status" ON "subscription_message" ("status", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_subscription_message_key" ON "subscription_message" ("customerId", "kind", "dedupeKey") `);
        await queryRunner.query(`CREATE TABLE "subscription_template" ("kind" varchar(32) PRIMARY KEY NOT NULL, "templateId" varchar(64) NOT NULL, "fields" text NOT NULL, "page" varchar(255), "enabled" boolean NOT NULL DEFAULT (0), "updatedAt" datetime(3) NOT NULL)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "subscription_template"`);
        await queryRunner.query(`DROP INDEX "uq_subscription_message_key"`);
        await queryRunner.query(`DROP INDEX "ix_subscription_message_status"`);
        await queryRunner.query(`DROP TABLE "subscription_message"`);
        await queryRunner.query(`DROP TABLE "subscription_credit"`);
    }

}
