import { MigrationInterface, QueryRunner } from "typeorm";

export class PointsMall1796472000000 implements MigrationInterface {
    name = 'PointsMall1796472000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "points_mall_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(60) NOT NULL, "kind" varchar CHECK( "kind" IN ('GOODS','COUPON','CARD_DAYS') ) NOT NULL, "skuId" integer, "couponTemplateId" integer, "cardDays" integer, "coverUrl" varchar(512) NOT NULL DEFAULT (''), "description" varchar(500) NOT NULL DEFAULT (''), "pointsCost" integer NOT NULL, "cashCents" integer NOT NULL, "stock" integer NOT NULL, "perCustomerLimit" integer NOT NULL, "onShelf" boolean NOT NULL, "sort" integer NOT NULL DEFAULT (0), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, CONSTRAINT "chk_mall_item_stock" CHECK (stock >= 0))`);
        await queryRunner.query(`CREATE INDEX "ix_mall_item_shelf" ON "points_mall_item" ("onShelf", "sort", "id") `);
        await queryRunner.query(`CREATE TABLE "points_mall_usage" ("customerId" integer NOT NULL, "itemId" integer NOT NULL, "qty" integer NOT NULL, PRIMARY KEY ("customerId", "itemId"))`);
        await queryRunner.query(`CREATE TABLE "points_redemption" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "itemId" integer NOT NULL, "customerId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('GOODS','COUPON','CARD_DAYS') ) NOT NULL, "title" varchar(60) NOT NULL, "qty" integer NOT NULL, "pointsUsed" integer NOT NULL, "cashCents" integer NOT NULL, "cardDays" integer, "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_redemption_order" ON "points_redemption" ("orderId") `);
        await queryRunner.query(`CREATE INDEX "ix_redemption_item" ON "points_redemption" ("itemId", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_redemption_customer" ON "points_redemption" ("customerId", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_redemption_customer"`);
        await queryRunner.query(`DROP INDEX "ix_redemption_item"`);
        await queryRunner.query(`DROP INDEX "uq_redemption_order"`);
        await queryRunner.query(`DROP TABLE "points_redemption"`);
        await queryRunner.query(`DROP TABLE "points_mall_usage"`);
        await queryRunner.query(`DROP INDEX "ix_mall_item_shelf"`);
        await queryRunner.query(`DROP TABLE "points_mall_item"`);
    }

}
