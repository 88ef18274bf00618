import { MigrationInterface, QueryRunner } from "typeorm";

export class Coupons1796471000000 implements MigrationInterface {
    name = 'Coupons1796471000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "coupon" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "templateId" integer NOT NULL, "customerId" integer NOT NULL, "title" varchar(40) NOT NULL, "kind" varchar CHECK( "kind" IN ('AMOUNT_OFF','PERCENT_OFF') ) NOT NULL, "amountOffCents" integer, "percentOffBp" integer, "thresholdCents" integer NOT NULL DEFAULT (0), "capCents" integer, "audience" varchar CHECK( "audience" IN ('ALL','PAID_MEMBERS') ) NOT NULL DEFAULT ('ALL'), "minTierId" integer, "validFrom" datetime(3) NOT NULL, "validUntil" datetime(3) NOT NULL, "status" varchar CHECK( "status" IN ('USABLE','USED') ) NOT NULL DEFAULT ('USABLE'), "source" varchar(16) NOT NULL, "dedupeKey" varchar(64) NOT NULL, "orderId" integer, "usedAt" datetime(3), "grantedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_coupon_dedupe" ON "coupon" ("dedupeKey") `);
        await queryRunner.query(`CREATE INDEX "ix_coupon_template" ON "coupon" ("templateId", "customerId") `);
        await queryRunner.query(`CREATE INDEX "ix_coupon_customer" ON "coupon" ("customerId", "status") `);
        await queryRunner.query(`CREATE TABLE "coupon_template" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(40) NOT NULL, "kind" varchar CHECK( "kind" IN ('AMOUNT_OFF','PERCENT_OFF') ) NOT NULL, "amountOffCents" integer, "percentOffBp" integer, "thresholdCents" integer NOT NULL DEFAULT (0), "capCents" integer, "validFrom" datetime(3), "validUntil" datetime(3), "validDays" integer, "audience" varchar CHECK( "audience" IN ('ALL','PAID_MEMBERS') ) NOT NULL DEFAULT ('ALL'), "minTierId" integer, "totalQuantity" integer, "issuedCount" integer NOT NULL DEFAULT (0), "perCustomerLimit" integer, "grantOnCardPurchase" boolean NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime(3) NOT NULL)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "coupon_template"`);
        await queryRunner.query(`DROP INDEX "ix_coupon_customer"`);
        await queryRunner.query(`DROP INDEX "ix_coupon_template"`);
        await queryRunner.query(`DROP INDEX "uq_coupon_dedupe"`);
        await queryRunner.query(`DROP TABLE "coupon"`);
    }

}
