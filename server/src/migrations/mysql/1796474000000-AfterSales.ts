import { MigrationInterface, QueryRunner } from "typeorm";

export class AfterSales1796474000000 implements MigrationInterface {
    name = 'AfterSales1796474000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`refund\` ADD \`returnRequired\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`refund\` ADD \`returnCarrier\` varchar(32) NULL`);
        await queryRunner.query(`ALTER TABLE \`refund\` ADD \`returnTrackingNo\` varchar(64) NULL`);
        await queryRunner.query(`ALTER TABLE \`refund\` ADD \`returnShippedAt\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`refund\` ADD \`returnReceivedAt\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`refund\` ADD \`payoutError\` varchar(200) NULL`);
        await queryRunner.query(`ALTER TABLE \`refund\` ADD \`payoutFailedAt\` datetime(3) NULL`);
        await queryRunner.query(`DROP INDEX \`ix_refund_status\` ON \`refund\``);
        await queryRunner.query(`ALTER TABLE \`refund\` CHANGE \`status\` \`status\` enum ('REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'APPROVED', 'REFUNDED', 'REJECTED') NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`ix_refund_status\` ON \`refund\` (\`status\`, \`id\`)`);
        await queryRunner.query(`CREATE INDEX \`ix_refund_customer\` ON \`refund\` (\`customerId\`, \`status\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_refund_customer\` ON \`refund\``);
        await queryRunner.query(`DROP INDEX \`ix_refund_status\` ON \`refund\``);
        await queryRunner.query(`ALTER TABLE \`refund\` CHANGE \`status\` \`status\` enum ('REQUESTED', 'APPROVED', 'REFUNDED', 'REJECTED') NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`ix_refund_status\` ON \`refund\` (\`status\`, \`id\`)`);
        await queryRunner.query(`ALTER TABLE \`refund\` DROP COLUMN \`payoutFailedAt\``);
        await queryRunner.query(`ALTER TABLE \`refund\` DROP COLUMN \`payoutError\``);
        await queryRunner.query(`ALTER TABLE \`refund\` DROP COLUMN \`returnReceivedAt\``);
        await queryRunner.query(`ALTER TABLE \`refund\` DROP COLUMN \`returnShippedAt\``);
        await queryRunner.query(`ALTER TABLE \`refund\` DROP COLUMN \`returnTrackingNo\``);
        await queryRunner.query(`ALTER TABLE \`refund\` DROP COLUMN \`returnCarrier\``);
        await queryRunner.query(`ALTER TABLE \`refund\` DROP COLUMN \`returnRequired\``);
    }

}
