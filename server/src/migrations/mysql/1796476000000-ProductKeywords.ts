import { MigrationInterface, QueryRunner } from "typeorm";

export class ProductKeywords1796476000000 implements MigrationInterface {
    name = 'ProductKeywords1796476000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`product\` ADD \`keywords\` varchar(200) NOT NULL DEFAULT ''`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`product\` DROP COLUMN \`keywords\``);
    }

}
