import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795423636673 implements MigrationInterface {
    name = 'Init1795423636673'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`audit_log\` (\`id\` int NOT NULL AUTO_INCREMENT, \`staffId\` int NULL, \`action\` varchar(64) NOT NULL, \`targetType\` varchar(64) NOT NULL, \`targetId\` varchar(64) NOT NULL, \`beforeJson\` text NULL, \`afterJson\` text NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_audit_created\` (\`createdAt\`), INDEX \`ix_audit_target\` (\`targetType\`, \`targetId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`idempotency_key\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`idemKey\` varchar(100) NOT NULL, \`requestHash\` varchar(64) NOT NULL, \`responseStatus\` int NOT NULL, \`responseJson\` text NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_idempotency_customer_key\` (\`customerId\`, \`idemKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`rate_limit_counter\` (\`bucket\` varchar(191) NOT NULL, \`windowStart\` datetime(3) NOT NULL, \`hits\` int NOT NULL, PRIMARY KEY (\`bucket\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`customer\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NOT NULL, \`unionid\` varchar(64) NULL, \`nickname\` varchar(64) NOT NULL DEFAULT '', \`avatarUrl\` varchar(512) NOT NULL DEFAULT '', \`phone\` varchar(20) NULL, \`birthday\` varchar(10) NULL, \`signupRef\` varchar(16) NULL, \`createdAt\` datetime(3) NOT NULL, \`lastLoginAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_customer_openid\` (\`openid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`staff_user\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(64) NOT NULL, \`passwordHash\` varchar(100) NOT NULL, \`role\` enum ('owner', 'operator', 'finance') NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_staff_username\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`category\` (\`id\` int NOT NULL AUTO_INCREMENT, \`parentId\` int NULL, \`name\` varchar(64) NOT NULL, \`iconUrl\` varchar(512) NOT NULL DEFAULT '', \`sort\` int NOT NULL DEFAULT '0', \`active\` tinyint NOT NULL DEFAULT 1, INDEX \`ix_category_parent\` (\`parentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`product\` (\`id\` int NOT NULL AUTO_INCREMENT, \`categoryId\` int NOT NULL, \`title\` varchar(120) NOT NULL, \`subtitle\` varchar(200) NOT NULL DEFAULT '', \`coverUrl\` varchar(512) NOT NULL DEFAULT '', \`images\` text NOT NULL, \`description\` text NOT NULL, \`onShelf\` tinyint NOT NULL DEFAULT 0, \`memberOnly\` tinyint NOT NULL DEFAULT 0, \`sort\` int NOT NULL DEFAULT '0', \`priceCents\` int NOT NULL DEFAULT '0', \`memberPriceCents\` int NULL, \`memberDayPriceCents\` int NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`ix_product_shelf_sort\` (\`onShelf\`, \`sort\`), INDEX \`ix_product_shelf_category_sort\` (\`onShelf\`, \`categoryId\`, \`sort\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`sku\` (\`id\` int NOT NULL AUTO_INCREMENT, \`productId\` int NOT NULL, \`specs\` text NOT NULL, \`priceCents\` int NOT NULL, \`memberPriceCents\` int NULL, \`memberDayPriceCents\` int NULL, \`stock\` int NOT NULL DEFAULT '0', \`weightGrams\` int NOT NULL DEFAULT '0', \`active\` tinyint NOT NULL DEFAULT 1, INDEX \`ix_sku_product\` (\`productId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_sku_product\` ON \`sku\``);
        await queryRunner.query(`DROP TABLE \`sku\``);
        await queryRunner.query(`DROP INDEX \`ix_product_shelf_category_sort\` ON \`product\``);
        await queryRunner.query(`DROP INDEX \`ix_product_shelf_sort\` ON \`product\``);
        await queryRunner.query(`DROP TABLE \`product\``);
        await queryRunner.query(`DROP INDEX \`ix_category_parent\` ON \`category\``);
        await queryRunner.query(`DROP TABLE \`category\``);
        await queryRunner.query(`DROP INDEX \`uq_staff_username\` ON \`staff_user\``);
        await queryRunner.query(`DROP TABLE \`staff_user\``);
        await queryRunner.query(`DROP INDEX \`uq_customer_openid\` ON \`customer\``);
        await queryRunner.query(`DROP TABLE \`customer\``);
        await queryRunner.query(`DROP TABLE \`rate_limit_counter\``);
        await queryRunner.query(`DROP INDEX \`uq_idempotency_customer_key\` ON \`idempotency_key\``);
        await queryRunner.query(`DROP TABLE \`idempotency_key\``);
        await queryRunner.query(`DROP INDEX \`ix_audit_target\` ON \`audit_log\``);
        await queryRunner.query(`DROP INDEX \`ix_audit_created\` ON \`audit_log\``);
        await queryRunner.query(`DROP TABLE \`audit_log\``);
    }

}
