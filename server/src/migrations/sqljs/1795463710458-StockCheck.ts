import { MigrationInterface, QueryRunner } from "typeorm";

export class StockCheck1795463710458 implements MigrationInterface {
    name = 'StockCheck1795463710458'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_sku_product"`);
        await queryRunner.query(`CREATE TABLE "temporary_sku" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "productId" integer NOT NULL, "specs" text NOT NULL, "priceCents" integer NOT NULL, "memberPriceCents" integer, "memberDayPriceCents" integer, "stock" integer NOT NULL DEFAULT (0), "weightGrams" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), CONSTRAINT "chk_sku_stock" CHECK (stock >= 0))`);
        await queryRunner.query(`INSERT INTO "temporary_sku"("id", "productId", "specs", "priceCents", "memberPriceCents", "memberDayPriceCents", "stock", "weightGrams", "active") SELECT "id", "productId", "specs", "priceCents", "memberPriceCents", "memberDayPriceCents", "stock", "weightGrams", "active" FROM "sku"`);
        await queryRunner.query(`DROP TABLE "sku"`);
        await queryRunner.query(`ALTER TABLE "temporary_sku" RENAME TO "sku"`);
        await queryRunner.query(`CREATE INDEX "ix_sku_product" ON "sku" ("productId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_sku_product"`);
        await queryRunner.query(`ALTER TABLE "sku" RENAME TO "temporary_sku"`);
        await queryRunner.query(`CREATE TABLE "sku" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "productId" integer NOT NULL, "specs" text NOT NULL, "priceCents" integer NOT NULL, "memberPriceCents" integer, "memberDayPriceCents" integer, "stock" integer NOT NULL DEFAULT (0), "weightGrams" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1))`);
        await queryRunner.query(`INSERT INTO "sku"("id", "productId", "specs", "priceCents", "memberPriceCents", "memberDayPriceCents", "stock", "weightGrams", "active") SELECT "id", "productId", "specs", "priceCents", "memberPriceCents", "memberDayPriceCents", "stock", "weightGrams", "active" FROM "temporary_sku"`);
        await queryRunner.query(`DROP TABLE "temporary_sku"`);
        await queryRunner.query(`CREATE INDEX "ix_sku_product" ON "sku" ("productId") `);
    }

}
