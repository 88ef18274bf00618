import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberDays1795426900425 implements MigrationInterface {
    name = 'MemberDays1795426900425'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`member_day_sku_price\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberDayId\` int NOT NULL, \`skuId\` int NOT NULL, \`priceCents\` int NOT NULL, UNIQUE INDEX \`uq_member_day_sku\` (\`memberDayId\`, \`skuId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`member_day_usage\` (\`memberDayId\` int NOT NULL, \`occurrenceDate\` varchar(10) NOT NULL, \`customerId\` int NOT NULL, \`qty\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`memberDayId\`, \`occurrenceDate\`, \`customerId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`member_day\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`recurrence\` text NOT NULL, \`startMinute\` int NOT NULL, \`endMinute\` int NOT NULL, \`audience\` enum ('PAID_MEMBERS', 'TIER_AT_LEAST') NOT NULL, \`audienceTierId\` int NULL, \`categoryRates\` text NOT NULL, \`exclusiveProductIds\` text NOT NULL, \`pointsMultiplierBp\` int NOT NULL DEFAULT '20000', \`perCustomerLimit\` int NOT NULL DEFAULT '0', \`active\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`member_day\``);
        await queryRunner.query(`DROP TABLE \`member_day_usage\``);
        await queryRunner.query(`DROP INDEX \`uq_member_day_sku\` ON \`member_day_sku_price\``);
        await queryRunner.query(`DROP TABLE \`member_day_sku_price\``);
    }

}
