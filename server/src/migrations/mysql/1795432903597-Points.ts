import { MigrationInterface, QueryRunner } from "typeorm";

export class Points1795432903597 implements MigrationInterface {
    name = 'Points1795432903597'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`points_account\` (\`customerId\` int NOT NULL, \`balance\` bigint NOT NULL DEFAULT '0', \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`customerId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`points_ledger\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`kind\` enum ('EARN', 'SPEND', 'EXPIRE', 'REVERSE', 'ADJUST', 'GIFT') NOT NULL, \`delta\` int NOT NULL, \`balanceAfter\` bigint NOT NULL, \`orderId\` int NULL, \`dedupeKey\` varchar(64) NOT NULL, \`memo\` varchar(200) NOT NULL DEFAULT '', \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_points_dedupe\` (\`dedupeKey\`), INDEX \`ix_points_customer\` (\`customerId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_points_customer\` ON \`points_ledger\``);
        await queryRunner.query(`DROP INDEX \`uq_points_dedupe\` ON \`points_ledger\``);
        await queryRunner.query(`DROP TABLE \`points_ledger\``);
        await queryRunner.query(`DROP TABLE \`points_account\``);
    }

}
