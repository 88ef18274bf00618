import { MigrationInterface, QueryRunner } from "typeorm";

export class Membership1795426102518 implements MigrationInterface {
    name = 'Membership1795426102518'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`membership_period\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`orderId\` int NOT NULL, \`planId\` int NOT NULL, \`days\` int NOT NULL, \`paidCents\` int NOT NULL, \`purchasedAt\` datetime(3) NOT NULL, \`startsAt\` datetime(3) NOT NULL, \`endsAt\` datetime(3) NOT NULL, \`refundedAt\` datetime(3) NULL, UNIQUE INDEX \`uq_membership_period_order\` (\`orderId\`), INDEX \`ix_membership_period_customer\` (\`customerId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`membership_plan\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(32) NOT NULL, \`priceCents\` int NOT NULL, \`days\` int NOT NULL, \`benefits\` varchar(500) NOT NULL DEFAULT '', \`onSale\` tinyint NOT NULL DEFAULT 1, \`sort\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`membership\` (\`customerId\` int NOT NULL, \`endsAt\` datetime(3) NOT NULL, \`expiredAt\` datetime(3) NULL, \`remindedFor\` datetime(3) NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`customerId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`shop_order\` ADD \`membershipPlanId\` int NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`shop_order\` DROP COLUMN \`membershipPlanId\``);
        await queryRunner.query(`DROP TABLE \`membership\``);
        await queryRunner.query(`DROP TABLE \`membership_plan\``);
        await queryRunner.query(`DROP INDEX \`ix_membership_period_customer\` ON \`membership_period\``);
        await queryRunner.query(`DROP INDEX \`uq_membership_period_order\` ON \`membership_period\``);
        await queryRunner.query(`DROP TABLE \`membership_period\``);
    }

}
