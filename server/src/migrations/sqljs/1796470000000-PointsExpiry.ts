import { MigrationInterface, QueryRunner } from "typeorm";
import { backfillPointsExpiry } from "../points-expiry-backfill";

export class PointsExpiry1796470000000 implements MigrationInterface {
    name = 'PointsExpiry1796470000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_points_dedupe"`);
        await queryRunner.query(`DROP INDEX "ix_points_customer"`);
        await queryRunner.query(`CREATE TABLE "temporary_points_ledger" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('EARN','SPEND','EXPIRE','REVERSE','ADJUST','GIFT','CHECK_IN') ) NOT NULL, "delta" integer NOT NULL, "balanceAfter" bigint NOT NULL, "orderId" integer, "dedupeKey" varchar(64) NOT NULL, "memo" varchar(200) NOT NULL DEFAULT (''), "createdAt" datetime(3) NOT NULL, "expiresOn" varchar(10))`);
        await queryRunner.query(`INSERT INTO "temporary_points_ledger"("id", "customerId", "kind", "delta", "balanceAfter", "orderId", "dedupeKey", "memo", "createdAt") SELECT "id", "customerId", "kind", "delta", "balanceAfter", "orderId", "dedupeKey", "memo", "createdAt" FROM "points_ledger"`);
        await queryRunner.query(`DROP TABLE "points_ledger"`);
        await queryRunner.query(`ALTER TABLE "temporary_points_ledger" RENAME TO "points_ledger"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_points_dedupe" ON "points_ledger" ("dedupeKey") `);
        await queryRunner.query(`CREATE INDEX "ix_points_customer" ON "points_ledger" ("customerId", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_points_expiry" ON "points_ledger" ("customerId", "expiresOn") `);
        await backfillPointsExpiry(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_points_expiry"`);
        await queryRunner.query(`DROP INDEX "ix_points_customer"`);
        await queryRunner.query(`DROP INDEX "uq_points_dedupe"`);
        await queryRunner.query(`ALTER TABLE "points_ledger" RENAME TO "temporary_points_ledger"`);
        await queryRunner.query(`CREATE TABLE "points_ledger" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('EARN','SPEND','EXPIRE','REVERSE','ADJUST','GIFT','CHECK_IN') ) NOT NULL, "delta" integer NOT NULL, "balanceAfter" bigint NOT NULL, "orderId" integer, "dedupeKey" varchar(64) NOT NULL, "memo" varchar(200) NOT NULL DEFAULT (''), "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "points_ledger"("id", "customerId", "kind", "delta", "balanceAfter", "orderId", "dedupeKey", "memo", "createdAt") SELECT "id", "customerId", "kind", "delta", "balanceAfter", "orderId", "dedupeKey", "memo", "createdAt" FROM "temporary_points_ledger"`);
        await queryRunner.query(`DROP TABLE "temporary_points_ledger"`);
        await queryRunner.query(`CREATE INDEX "ix_points_customer" ON "points_ledger" ("customerId", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_points_dedupe" ON "points_ledger" ("dedupeKey") `);
    }

}
