import { MigrationInterface, QueryRunner } from "typeorm";

/** The CHECK on the mall stock is added by hand: TypeORM does not diff CHECK constraints on MariaDB. */
export class PointsMall1796472000000 implements MigrationInterface {
    name = 'PointsMall1796472000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`points_mall_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(60) NOT NULL, \`kind\` enum ('GOODS', 'COUPON', 'CARD_DAYS') NOT NULL, \`skuId\` int NULL, \`couponTemplateId\` int NULL, \`cardDays\` int NULL, \`coverUrl\` varchar(512) NOT NULL DEFAULT '', \`description\` varchar(500) NOT NULL DEFAULT '', \`pointsCost\` int NOT NULL, \`cashCents\` int NOT NULL, \`stock\` int NOT NULL, \`perCustomerLimit\` int NOT NULL, \`onShelf\` tinyint NOT NULL, \`sort\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`ix_mall_item_shelf\` (\`onShelf\`, \`sort\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`points_mall_item\` ADD CONSTRAINT \`chk_mall_item_stock\` CHECK (stock >= 0)`);
        await queryRunner.query(`CREATE TABLE \`points_mall_usage\` (\`customerId\` int NOT NULL, \`itemId\` int NOT NULL, \`qty\` int NOT NULL, PRIMARY KEY (\`customerId\`, \`itemId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`points_redemption\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`itemId\` int NOT NULL, \`customerId\` int NOT NULL, \`kind\` enum ('GOODS', 'COUPON', 'CARD_DAYS') NOT NULL, \`title\` varchar(60) NOT NULL, \`qty\` int NOT NULL, \`pointsUsed\` int NOT NULL, \`cashCents\` int NOT NULL, \`cardDays\` int NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_redemption_order\` (\`orderId\`), INDEX \`ix_redemption_item\` (\`itemId\`, \`id\`), INDEX \`ix_redemption_customer\` (\`customerId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_redemption_customer\` ON \`points_redemption\``);
        await queryRunner.query(`DROP INDEX \`ix_redemption_item\` ON \`points_redemption\``);
        await queryRunner.query(`DROP INDEX \`uq_redemption_order\` ON \`points_redemption\``);
        await queryRunner.query(`DROP TABLE \`points_redemption\``);
        await queryRunner.query(`DROP TABLE \`points_mall_usage\``);
        await queryRunner.query(`DROP INDEX \`ix_mall_item_shelf\` ON \`points_mall_item\``);
        await queryRunner.query(`DROP TABLE \`points_mall_item\``);
    }

}
