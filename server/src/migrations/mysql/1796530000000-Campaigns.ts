import { MigrationInterface, QueryRunner } from "typeorm";

export class Campaigns1796530000000 implements MigrationInterface {
    name = 'Campaigns1796530000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`campaign_recipient\` (\`id\` int NOT NULL AUTO_INCREMENT, \`campaignId\` int NOT NULL, \`customerId\` int NOT NULL, \`status\` enum ('PENDING', 'SENT', 'FAILED') NOT NULL DEFAULT 'PENDING', \`reason\` varchar(200) NULL, \`claimToken\` varchar(36) NULL, \`claimedAt\` datetime(3) NULL, \`processedAt\` datetime(3) NULL, INDEX \`ix_campaign_recipient_status\` (\`campaignId\`, \`status\`, \`id\`), UNIQUE INDEX \`uq_campaign_recipient\` (\`campaignId\`, \`customerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`campaign\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(40) NOT NULL, \`status\` enum ('DRAFT', 'RUNNING', 'PAUSED', 'DONE') NOT NULL, \`audience\` text NOT NULL, \`actionKind\` varchar(16) NOT NULL, \`couponTemplateId\` int NULL, \`points\` int NULL, \`total\` int NOT NULL DEFAULT '0', \`createdBy\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`startedAt\` datetime(3) NULL, \`finishedAt\` datetime(3) NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE INDEX \`ix_order_adjustment_kind\` ON \`order_adjustment\` (\`orderId\`, \`kind\`)`);
        await queryRunner.query(`CREATE INDEX \`ix_order_rfm\` ON \`shop_order\` (\`kind\`, \`paidAt\`, \`status\`, \`customerId\`, \`payableCents\`, \`refundedCents\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_order_rfm\` ON \`shop_order\``);
        await queryRunner.query(`DROP INDEX \`ix_order_adjustment_kind\` ON \`order_adjustment\``);
        await queryRunner.query(`DROP TABLE \`campaign\``);
        await queryRunner.query(`DROP INDEX \`uq_campaign_recipient\` ON \`campaign_recipient\``);
        await queryRunner.query(`DROP INDEX \`ix_campaign_recipient_status\` ON \`campaign_recipient\``);
        await queryRunner.query(`DROP TABLE \`campaign_recipient\``);
    }

}
