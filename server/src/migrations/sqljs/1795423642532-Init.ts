import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795423642532 implements MigrationInterface {
    name = 'Init1795423642532'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staffId" integer, "action" varchar(64) NOT NULL, "targetType" varchar(64) NOT NULL, "targetId" varchar(64) NOT NULL, "beforeJson" text, "afterJson" text, "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_audit_created" ON "audit_log" ("createdAt") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_target" ON "audit_log" ("targetType", "targetId") `);
        await queryRunner.query(`CREATE TABLE "idempotency_key" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "idemKey" varchar(100) NOT NULL, "requestHash" varchar(64) NOT NULL, "responseStatus" integer NOT NULL, "responseJson" text NOT NULL, "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_idempotency_customer_key" ON "idempotency_key" ("customerId", "idemKey") `);
        await queryRunner.query(`CREATE TABLE "rate_limit_counter" ("bucket" varchar(191) PRIMARY KEY NOT NULL, "windowStart" datetime(3) NOT NULL, "hits" integer NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "customer" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "unionid" varchar(64), "nickname" varchar(64) NOT NULL DEFAULT (''), "avatarUrl" varchar(512) NOT NULL DEFAULT (''), "phone" varchar(20), "birthday" varchar(10), "signupRef" varchar(16), "createdAt" datetime(3) NOT NULL, "lastLoginAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_customer_openid" ON "customer" ("openid") `);
        await queryRunner.query(`CREATE TABLE "staff_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "passwordHash" varchar(100) NOT NULL, "role" varchar CHECK( "role" IN ('owner','operator','finance') ) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_username" ON "staff_user" ("username") `);
        await queryRunner.query(`CREATE TABLE "category" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parentId" integer, "name" varchar(64) NOT NULL, "iconUrl" varchar(512) NOT NULL DEFAULT (''), "sort" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1))`);
        await queryRunner.query(`CREATE INDEX "ix_category_parent" ON "category" ("parentId") `);
        await queryRunner.query(`CREATE TABLE "product" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "categoryId" integer NOT NULL, "title" varchar(120) NOT NULL, "subtitle" varchar(200) NOT NULL DEFAULT (''), "coverUrl" varchar(512) NOT NULL DEFAULT (''), "images" text NOT NULL, "description" text NOT NULL, "onShelf" boolean NOT NULL DEFAULT (0), "memberOnly" boolean NOT NULL DEFAULT (0), "sort" integer NOT NULL DEFAULT (0), "priceCents" integer NOT NULL DEFAULT (0), "memberPriceCents" integer, "memberDayPriceCents" integer, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_product_shelf_sort" ON "product" ("onShelf", "sort") `);
        await queryRunner.query(`CREATE INDEX "ix_product_shelf_category_sort" ON "product" ("onShelf", "categoryId", "sort") `);
        await queryRunner.query(`CREATE TABLE "sku" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "productId" integer NOT NULL, "specs" text NOT NULL, "priceCents" integer NOT NULL, "memberPriceCents" integer, "memberDayPriceCents" integer, "stock" integer NOT NULL DEFAULT (0), "weightGrams" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1))`);
        await queryRunner.query(`CREATE INDEX "ix_sku_product" ON "sku" ("productId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_sku_product"`);
        await queryRunner.query(`DROP TABLE "sku"`);
        await queryRunner.query(`DROP INDEX "ix_product_shelf_category_sort"`);
        await queryRunner.query(`DROP INDEX "ix_product_shelf_sort"`);
        await queryRunner.query(`DROP TABLE "product"`);
        await queryRunner.query(`DROP INDEX "ix_category_parent"`);
        await queryRunner.query(`DROP TABLE "category"`);
        await queryRunner.query(`DROP INDEX "uq_staff_username"`);
        await queryRunner.query(`DROP TABLE "staff_user"`);
        await queryRunner.query(`DROP INDEX "uq_customer_openid"`);
        await queryRunner.query(`DROP TABLE "customer"`);
        await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
        await queryRunner.query(`DROP INDEX "uq_idempotency_customer_key"`);
        await queryRunner.query(`DROP TABLE "idempotency_key"`);
        await queryRunner.query(`DROP INDEX "ix_audit_target"`);
        await queryRunner.query(`DROP INDEX "ix_audit_created"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
    }

}
