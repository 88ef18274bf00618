import { MigrationInterface, QueryRunner } from "typeorm";

/** Staff tokens carry a version; a password change or a disable bumps it and so revokes them. */
export class StaffTokenVersion1796479000000 implements MigrationInterface {
    name = 'StaffTokenVersion1796479000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`staff_user\` ADD \`tokenVersion\` int NOT NULL DEFAULT '0'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`staff_user\` DROP COLUMN \`tokenVersion\``);
    }

}
