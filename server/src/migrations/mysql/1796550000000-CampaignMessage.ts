import { MigrationInterface, QueryRunner } from "typeorm";

export class CampaignMessage1796550000000 implements MigrationInterface {
    name = 'CampaignMessage1796550000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`campaign\` ADD \`messageTitle\` varchar(20) NULL`);
        await queryRunner.query(`ALTER TABLE \`campaign\` ADD \`messageContent\` varchar(20) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`campaign\` DROP COLUMN \`messageContent\``);
        await queryRunner.query(`ALTER TABLE \`campaign\` DROP COLUMN \`messageTitle\``);
    }

}
