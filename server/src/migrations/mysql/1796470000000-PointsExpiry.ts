import { MigrationInterface, QueryRunner } from "typeorm";
import { backfillPointsExpiry } from "../points-expiry-backfill";

export class PointsExpiry1796470000000 implements MigrationInterface {
    name = 'PointsExpiry1796470000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`points_ledger\` ADD \`expiresOn\` varchar(10) NULL`);
        await queryRunner.query(`CREATE INDEX \`ix_points_expiry\` ON \`points_ledger\` (\`customerId\`, \`expiresOn\`)`);
        await backfillPointsExpiry(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_points_expiry\` ON \`points_ledger\``);
        await queryRunner.query(`ALTER TABLE \`points_ledger\` DROP COLUMN \`expiresOn\``);
    }

}
