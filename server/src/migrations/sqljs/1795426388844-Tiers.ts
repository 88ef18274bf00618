import { MigrationInterface, QueryRunner } from "typeorm";
import { deleteStoreDefaults, insertStoreDefaults } from "../store-defaults";

export class Tiers1795426388844 implements MigrationInterface {
    name = 'Tiers1795426388844'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "customer_growth" ("customerId" integer PRIMARY KEY NOT NULL, "growth" integer NOT NULL DEFAULT (0), "tierId" integer, "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "growth_ledger" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "orderId" integer NOT NULL, "event" varchar(48) NOT NULL, "delta" integer NOT NULL, "balanceAfter" integer NOT NULL, "at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "ix_growth_customer" ON "growth_ledger" ("customerId", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_growth_source" ON "growth_ledger" ("orderId", "event") `);
        await queryRunner.query(`CREATE TABLE "tier" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(32) NOT NULL, "growthThreshold" integer NOT NULL, "discountBp" integer NOT NULL DEFAULT (10000), "pointsMultiplierBp" integer NOT NULL DEFAULT (10000), "perks" varchar(500) NOT NULL DEFAULT (''))`);
        await insertStoreDefaults(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await deleteStoreDefaults(queryRunner);
        await queryRunner.query(`DROP TABLE "tier"`);
        await queryRunner.query(`DROP INDEX "uq_growth_source"`);
        await queryRunner.query(`DROP INDEX "ix_growth_customer"`);
        await queryRunner.query(`DROP TABLE "growth_ledger"`);
        await queryRunner.query(`DROP TABLE "customer_growth"`);
    }

}
