import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberDayArchive1796478000000 implements MigrationInterface {
    name = 'MemberDayArchive1796478000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "member_day" ADD COLUMN "archivedAt" datetime(3)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "member_day" DROP COLUMN "archivedAt"`);
    }

}
