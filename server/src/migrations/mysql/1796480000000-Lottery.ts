import { MigrationInterface, QueryRunner } from "typeorm";

export class Lottery1796480000000 implements MigrationInterface {
    name = 'Lottery1796480000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`lottery_config\` (\`id\` int NOT NULL, \`costPoints\` int NOT NULL, \`dailyLimit\` int NOT NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`lottery_prize\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(40) NOT NULL, \`kind\` varchar(10) NOT NULL, \`points\` int NULL, \`couponTemplateId\` int NULL, \`weight\` int NOT NULL, \`stock\` int NOT NULL, \`sort\` int NOT NULL, \`active\` tinyint NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`lottery_day\` (\`customerId\` int NOT NULL, \`storeDay\` varchar(10) NOT NULL, \`draws\` int NOT NULL, PRIMARY KEY (\`customerId\`, \`storeDay\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`lottery_draw\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`prizeId\` int NOT NULL, \`prizeName\` varchar(40) NOT NULL, \`kind\` varchar(10) NOT NULL, \`points\` int NULL, \`couponId\` int NULL, \`costPoints\` int NOT NULL, \`storeDay\` varchar(10) NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`idx_lottery_draw_customer\` (\`customerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`lottery_draw\``);
        await queryRunner.query(`DROP TABLE \`lottery_day\``);
        await queryRunner.query(`DROP TABLE \`lottery_prize\``);
        await queryRunner.query(`DROP TABLE \`lottery_config\``);
    }

}
