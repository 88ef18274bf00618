import { MigrationInterface, QueryRunner } from "typeorm";

export class SubscriptionMessages1796540000000 implements MigrationInterface {
    name = 'SubscriptionMessages1796540000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`subscription_credit\` (\`customerId\` int NOT NULL, \`templateId\` varchar(64) NOT NULL, \`credits\` int NOT NULL DEFAULT '0', \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`customerId\`, \`templateId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`subscription_message\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`kind\` varchar(32) NOT NULL, \`templateId\` varchar(64) NOT NULL, \`dedupeKey\` varchar(128) NOT NULL, \`status\` enum ('SENDING', 'SENT', 'FAILED', 'SKIPPED') NOT NULL, \`data\` text NOT NULL, \`page\` varchar(255) NULL, \`error\` varchar(255) NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`ix_subscription_message_status\` (\`status\`, \`id\`), UNIQUE INDEX \`uq_subscription_message_key\` (\`customerId\`, \`kind\`, \`dedupeKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`subscription_template\` (\`kind\` varchar(32) NOT NULL, \`templateId\` varchar(64) NOT NULL, \`fields\` text NOT NULL, \`page\` varchar(255) NULL, \`enabled\` tinyint NOT NULL DEFAULT 0, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`kind\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`subscription_template\``);
        await queryRunner.query(`DROP INDEX \`uq_subscription_message_key\` ON \`subscription_message\``);
        await queryRunner.query(`DROP INDEX \`ix_subscription_message_status\` ON \`subscription_message\``);
        await queryRunner.query(`DROP TABLE \`subscription_message\``);
        await queryRunner.query(`DROP TABLE \`subscription_credit\``);
    }

}
