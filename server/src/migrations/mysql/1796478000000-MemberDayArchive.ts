import { MigrationInterface, QueryRunner } from "typeorm";

/** Staff remove a member day by archiving it: it stops and leaves the list, its history stays for reports and refunds. */
export class MemberDayArchive1796478000000 implements MigrationInterface {
    name = 'MemberDayArchive1796478000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`member_day\` ADD \`archivedAt\` datetime(3) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`member_day\` DROP COLUMN \`archivedAt\``);
    }

}
