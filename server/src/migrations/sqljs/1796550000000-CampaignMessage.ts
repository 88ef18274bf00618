import { MigrationInterface, QueryRunner } from "typeorm";

export class CampaignMessage1796550000000 implements MigrationInterface {
    name = 'CampaignMessage1796550000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "campaign" ADD COLUMN "messageTitle" varchar(20)`);
        await queryRunner.query(`ALTER TABLE "campaign" ADD COLUMN "messageContent" varchar(20)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "campaign" DROP COLUMN "messageContent"`);
        await queryRunner.query(`ALTER TABLE "campaign" DROP COLUMN "messageTitle"`);
    }

}
