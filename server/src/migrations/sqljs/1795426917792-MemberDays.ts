import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberDays1795426917792 implements MigrationInterface {
    name = 'MemberDays1795426917792'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "member_day_sku_price" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberDayId" integer NOT NULL, "skuId" integer NOT NULL, "priceCents" integer NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_member_day_sku" ON "member_day_sku_price" ("memberDayId", "skuId") `);
        await queryRunner.query(`CREATE TABLE "member_day_usage" ("memberDayId" integer NOT NULL, "occurrenceDate" varchar(10) NOT NULL, "customerId" integer NOT NULL, "qty" integer NOT NULL DEFAULT (0), PRIMARY KEY ("memberDayId", "occurrenceDate", "customerId"))`);
        await queryRunner.query(`CREATE TABLE "member_day" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "recurrence" text NOT NULL, "startMinute" integer NOT NULL, "endMinute" integer NOT NULL, "audience" varchar CHECK( "audience" IN ('PAID_MEMBERS','TIER_AT_LEAST') ) NOT NULL, "audienceTierId" integer, "categoryRates" text NOT NULL, "exclusiveProductIds" text NOT NULL, "pointsMultiplierBp" integer NOT NULL DEFAULT (20000), "perCustomerLimit" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "member_day"`);
        await queryRunner.query(`DROP TABLE "member_day_usage"`);
        await queryRunner.query(`DROP INDEX "uq_member_day_sku"`);
        await queryRunner.query(`DROP TABLE "member_day_sku_price"`);
    }

}
