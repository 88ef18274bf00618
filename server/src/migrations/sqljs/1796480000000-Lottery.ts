import { MigrationInterface, QueryRunner } from "typeorm";

export class Lottery1796480000000 implements MigrationInterface {
    name = 'Lottery1796480000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "lottery_config" ("id" integer PRIMARY KEY NOT NULL, "costPoints" integer NOT NULL, "dailyLimit" integer NOT NULL, "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "lottery_prize" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(40) NOT NULL, "kind" varchar(10) NOT NULL, "points" integer, "couponTemplateId" integer, "weight" integer NOT NULL, "stock" integer NOT NULL, "sort" integer NOT NULL, "active" boolean NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "lottery_day" ("customerId" integer NOT NULL, "storeDay" varchar(10) NOT NULL, "draws" integer NOT NULL, PRIMARY KEY ("customerId", "storeDay"))`);
        await queryRunner.query(`CREATE TABLE "lottery_draw" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customerId" integer NOT NULL, "prizeId" integer NOT NULL, "prizeName" varchar(40) NOT NULL, "kind" varchar(10) NOT NULL, "points" integer, "couponId" integer, "costPoints" integer NOT NULL, "storeDay" varchar(10) NOT NULL, "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_lottery_draw_customer" ON "lottery_draw" ("customerId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_lottery_draw_customer"`);
        await queryRunner.query(`DROP TABLE "lottery_draw"`);
        await queryRunner.query(`DROP TABLE "lottery_day"`);
        await queryRunner.query(`DROP TABLE "lottery_prize"`);
        await queryRunner.query(`DROP TABLE "lottery_config"`);
    }

}
