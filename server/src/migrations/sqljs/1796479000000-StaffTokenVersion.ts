import { MigrationInterface, QueryRunner } from "typeorm";

export class StaffTokenVersion1796479000000 implements MigrationInterface {
    name = 'StaffTokenVersion1796479000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff_user" ADD COLUMN "tokenVersion" integer NOT NULL DEFAULT (0)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "tokenVersion"`);
    }

}
