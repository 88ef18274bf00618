import { MigrationInterface, QueryRunner } from "typeorm";
import { deleteStoreDefaults, insertStoreDefaults } from "../store-defaults";

export class Tiers1795426369465 implements MigrationInterface {
    name = 'Tiers1795426369465'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`customer_growth\` (\`customerId\` int NOT NULL, \`growth\` int NOT NULL DEFAULT '0', \`tierId\` int NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`customerId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`growth_ledger\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`orderId\` int NOT NULL, \`event\` varchar(48) NOT NULL, \`delta\` int NOT NULL, \`balanceAfter\` int NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`ix_growth_customer\` (\`customerId\`, \`id\`), UNIQUE INDEX \`uq_growth_source\` (\`orderId\`, \`event\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`tier\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(32) NOT NULL, \`growthThreshold\` int NOT NULL, \`discountBp\` int NOT NULL DEFAULT '10000', \`pointsMultiplierBp\` int NOT NULL DEFAULT '10000', \`perks\` varchar(500) NOT NULL DEFAULT '', PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await insertStoreDefaults(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await deleteStoreDefaults(queryRunner);
        await queryRunner.query(`DROP TABLE \`tier\``);
        await queryRunner.query(`DROP INDEX \`uq_growth_source\` ON \`growth_ledger\``);
        await queryRunner.query(`DROP INDEX \`ix_growth_customer\` ON \`growth_ledger\``);
        await queryRunner.query(`DROP TABLE \`growth_ledger\``);
        await queryRunner.query(`DROP TABLE \`customer_growth\``);
    }

}
