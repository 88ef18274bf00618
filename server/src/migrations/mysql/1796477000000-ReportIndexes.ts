import { MigrationInterface, QueryRunner } from "typeorm";

/** The overview report reads orders by the time they were paid and refunds by the time they completed. */
export class ReportIndexes1796477000000 implements MigrationInterface {
    name = 'ReportIndexes1796477000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX \`ix_order_paid\` ON \`shop_order\` (\`paidAt\`)`);
        await queryRunner.query(`CREATE INDEX \`ix_refund_refunded\` ON \`refund\` (\`refundedAt\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_refund_refunded\` ON \`refund\``);
        await queryRunner.query(`DROP INDEX \`ix_order_paid\` ON \`shop_order\``);
    }

}
