import { MigrationInterface, QueryRunner } from "typeorm";

export class OperationsReportIndexes1796510000000 implements MigrationInterface {
    name = 'OperationsReportIndexes1796510000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_points_created" ON "points_ledger" ("createdAt", "kind", "delta")`);
        await queryRunner.query(`CREATE INDEX "ix_check_in_day" ON "check_in" ("storeDay", "madeUp", "customerId")`);
        await queryRunner.query(`CREATE INDEX "ix_customer_last_login" ON "customer" ("lastLoginAt")`);
        await queryRunner.query(`CREATE INDEX "ix_referral_visit_created" ON "referral_visit" ("createdAt", "outcome", "customerId")`);
        await queryRunner.query(`CREATE INDEX "ix_commission_created" ON "commission" ("createdAt")`);
        await queryRunner.query(`CREATE INDEX "ix_commission_buyer" ON "commission" ("buyerId", "level", "createdAt")`);
        await queryRunner.query(`CREATE INDEX "ix_order_customer_paid" ON "shop_order" ("customerId", "paidAt")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ix_order_customer_paid"`);
        await queryRunner.query(`DROP INDEX "ix_commission_buyer"`);
        await queryRunner.query(`DROP INDEX "ix_commission_created"`);
        await queryRunner.query(`DROP INDEX "ix_referral_visit_created"`);
        await queryRunner.query(`DROP INDEX "ix_customer_last_login"`);
        await queryRunner.query(`DROP INDEX "ix_check_in_day"`);
        await queryRunner.query(`DROP INDEX "ix_points_created"`);
    }

}
