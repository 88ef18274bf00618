import { MigrationInterface, QueryRunner } from "typeorm";

/** The member reports find each customer's first and next goods order, and earlier cards, by kind, customer and payment time. */
export class MemberReportIndexes1796500000000 implements MigrationInterface {
    name = 'MemberReportIndexes1796500000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX \`ix_order_customer_kind_paid\` ON \`shop_order\` (\`customerId\`, \`kind\`, \`paidAt\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_order_customer_kind_paid\` ON \`shop_order\``);
    }

}
