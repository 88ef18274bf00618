import { MigrationInterface, QueryRunner } from "typeorm";

/** Written by hand: TypeORM does not diff CHECK constraints on MariaDB (the sql.js twin is generated). */
export class StockCheck1795463710458 implements MigrationInterface {
    name = 'StockCheck1795463710458'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`sku\` ADD CONSTRAINT \`chk_sku_stock\` CHECK (stock >= 0)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`sku\` DROP CONSTRAINT \`chk_sku_stock\``);
    }

}
