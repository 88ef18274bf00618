import { MigrationInterface, QueryRunner } from "typeorm";

export class Points1795432920330 implements MigrationInterface {
    name = 'Points1795432920330'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "points_account" ("customerId" integer PRIMARY KEY NOT NULL, "balance" bigint NOT NULL DEFAULT (0), "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "points_ledger" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('EARN','SPEND','EXPIRE','REVERSE','ADJUST','GIFT') ) NOT NULL, "delta" integer NOT NULL, "balanceAfter" bigint NOT NULL, "orderId" integer, "dedupeKey" varchar(64) NOT NULL, "memo" varchar(200) NOT NULL DEFAULT (''), "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_points_dedupe" ON "points_ledger" ("dedupeKey") `);
        await queryRunner.query(`CREATE INDEX "ix_points_customer" ON "points_ledger" ("customerId", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_points_customer"`);
        await queryRunner.query(`DROP INDEX "uq_points_dedupe"`);
        await queryRunner.query(`DROP TABLE "points_ledger"`);
        await queryRunner.query(`DROP TABLE "points_account"`);
    }

}
