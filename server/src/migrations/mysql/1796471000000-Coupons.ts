import { MigrationInterface, QueryRunner } from "typeorm";

export class Coupons1796471000000 implements MigrationInterface {
    name = 'Coupons1796471000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`coupon\` (\`id\` int NOT NULL AUTO_INCREMENT, \`templateId\` int NOT NULL, \`customerId\` int NOT NULL, \`title\` varchar(40) NOT NULL, \`kind\` enum ('AMOUNT_OFF', 'PERCENT_OFF') NOT NULL, \`amountOffCents\` int NULL, \`percentOffBp\` int NULL, \`thresholdCents\` int NOT NULL DEFAULT '0', \`capCents\` int NULL, \`audience\` enum ('ALL', 'PAID_MEMBERS') NOT NULL DEFAULT 'ALL', \`minTierId\` int NULL, \`validFrom\` datetime(3) NOT NULL, \`validUntil\` datetime(3) NOT NULL, \`status\` enum ('USABLE', 'USED') NOT NULL DEFAULT 'USABLE', \`source\` varchar(16) NOT NULL, \`dedupeKey\` varchar(64) NOT NULL, \`orderId\` int NULL, \`usedAt\` datetime(3) NULL, \`grantedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_coupon_dedupe\` (\`dedupeKey\`), INDEX \`ix_coupon_template\` (\`templateId\`, \`customerId\`), INDEX \`ix_coupon_customer\` (\`customerId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`coupon_template\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(40) NOT NULL, \`kind\` enum ('AMOUNT_OFF', 'PERCENT_OFF') NOT NULL, \`amountOffCents\` int NULL, \`percentOffBp\` int NULL, \`thresholdCents\` int NOT NULL DEFAULT '0', \`capCents\` int NULL, \`validFrom\` datetime(3) NULL, \`validUntil\` datetime(3) NULL, \`validDays\` int NULL, \`audience\` enum ('ALL', 'PAID_MEMBERS') NOT NULL DEFAULT 'ALL', \`minTierId\` int NULL, \`totalQuantity\` int NULL, \`issuedCount\` int NOT NULL DEFAULT '0', \`perCustomerLimit\` int NULL, \`grantOnCardPurchase\` tinyint NOT NULL DEFAULT 0, \`active\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(3) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`coupon_template\``);
        await queryRunner.query(`DROP INDEX \`ix_coupon_customer\` ON \`coupon\``);
        await queryRunner.query(`DROP INDEX \`ix_coupon_template\` ON \`coupon\``);
        await queryRunner.query(`DROP INDEX \`uq_coupon_dedupe\` ON \`coupon\``);
        await queryRunner.query(`DROP TABLE \`coupon\``);
    }

}
