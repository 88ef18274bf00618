import { MigrationInterface, QueryRunner } from "typeorm";

export class CheckIn1796461360455 implements MigrationInterface {
    name = 'CheckIn1796461360455'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`check_in\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`storeDay\` varchar(10) NOT NULL, \`streak\` int NOT NULL, \`pointsAwarded\` int NOT NULL, \`madeUp\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_check_in_day\` (\`customerId\`, \`storeDay\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`points_ledger\` CHANGE \`kind\` \`kind\` enum ('EARN', 'SPEND', 'EXPIRE', 'REVERSE', 'ADJUST', 'GIFT', 'CHECK_IN') NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`points_ledger\` CHANGE \`kind\` \`kind\` enum ('EARN', 'SPEND', 'EXPIRE', 'REVERSE', 'ADJUST', 'GIFT') NOT NULL`);
        await queryRunner.query(`DROP INDEX \`uq_check_in_day\` ON \`check_in\``);
        await queryRunner.query(`DROP TABLE \`check_in\``);
    }

}
