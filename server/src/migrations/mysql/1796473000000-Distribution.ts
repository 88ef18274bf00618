import { MigrationInterface, QueryRunner } from "typeorm";

export class Distribution1796473000000 implements MigrationInterface {
    name = 'Distribution1796473000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`commission\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`orderNo\` varchar(32) NOT NULL, \`buyerId\` int NOT NULL, \`distributorId\` int NOT NULL, \`level\` tinyint NOT NULL, \`status\` enum ('PENDING', 'SETTLED', 'WITHDRAWN', 'CANCELLED') NOT NULL, \`lines\` text NOT NULL, \`baseCents\` int NOT NULL, \`amountCents\` int NOT NULL, \`originalAmountCents\` int NOT NULL, \`completedAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, \`settledAt\` datetime(3) NULL, INDEX \`ix_commission_status_completed\` (\`status\`, \`completedAt\`), INDEX \`ix_commission_distributor\` (\`distributorId\`, \`id\`), UNIQUE INDEX \`uq_commission_order_level\` (\`orderId\`, \`level\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`commission_ledger\` (\`id\` int NOT NULL AUTO_INCREMENT, \`distributorId\` int NOT NULL, \`kind\` enum ('ACCRUE', 'REDUCE', 'SETTLE', 'CLAWBACK', 'FREEZE', 'UNFREEZE', 'PAYOUT') NOT NULL, \`pendingDelta\` int NOT NULL DEFAULT '0', \`availableDelta\` int NOT NULL DEFAULT '0', \`frozenDelta\` int NOT NULL DEFAULT '0', \`withdrawnDelta\` int NOT NULL DEFAULT '0', \`owedDelta\` int NOT NULL DEFAULT '0', \`commissionId\` int NULL, \`withdrawalId\` int NULL, \`dedupeKey\` varchar(80) NOT NULL, \`memo\` varchar(200) NOT NULL DEFAULT '', \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_commission_ledger_dedupe\` (\`dedupeKey\`), INDEX \`ix_commission_ledger_distributor\` (\`distributorId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`distributor\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`status\` enum ('PENDING', 'APPROVED', 'REJECTED', 'DISABLED') NOT NULL, \`refCode\` varchar(8) NULL, \`isGuide\` tinyint NOT NULL DEFAULT 0, \`reason\` varchar(200) NOT NULL DEFAULT '', \`rejectReason\` varchar(200) NULL, \`appliedAt\` datetime(3) NOT NULL, \`reviewedAt\` datetime(3) NULL, \`reviewedBy\` int NULL, \`pendingCents\` bigint NOT NULL DEFAULT '0', \`availableCents\` bigint NOT NULL DEFAULT '0', \`frozenCents\` bigint NOT NULL DEFAULT '0', \`withdrawnCents\` bigint NOT NULL DEFAULT '0', \`owedCents\` bigint NOT NULL DEFAULT '0', UNIQUE INDEX \`uq_distributor_customer\` (\`customerId\`), UNIQUE INDEX \`uq_distributor_ref_code\` (\`refCode\`), INDEX \`ix_distributor_status\` (\`status\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_binding\` (\`customerId\` int NOT NULL, \`distributorId\` int NOT NULL, \`boundAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, INDEX \`ix_referral_binding_distributor\` (\`distributorId\`, \`expiresAt\`), PRIMARY KEY (\`customerId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_visit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`distributorId\` int NULL, \`refCode\` varchar(16) NOT NULL, \`source\` enum ('LOGIN', 'VISIT') NOT NULL, \`outcome\` enum ('UNKNOWN_REF', 'INACTIVE', 'SELF', 'CYCLE', 'BOUND', 'RENEWED', 'REBOUND', 'KEPT') NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_referral_visit_distributor\` (\`distributorId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`share_scene\` (\`id\` int NOT NULL AUTO_INCREMENT, \`sceneCode\` varchar(16) NOT NULL, \`distributorId\` int NOT NULL, \`target\` varchar(32) NOT NULL, \`path\` varchar(200) NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_share_scene_code\` (\`sceneCode\`), UNIQUE INDEX \`uq_share_scene_target\` (\`distributorId\`, \`target\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`withdrawal\` (\`id\` int NOT NULL AUTO_INCREMENT, \`distributorId\` int NOT NULL, \`amountCents\` int NOT NULL, \`status\` enum ('PENDING', 'APPROVED', 'PAID', 'REJECTED', 'FAILED') NOT NULL, \`storeDay\` varchar(10) NOT NULL, \`outBatchNo\` varchar(32) NOT NULL, \`transferBillNo\` varchar(64) NULL, \`failReason\` varchar(200) NULL, \`reviewedBy\` int NULL, \`createdAt\` datetime(3) NOT NULL, \`reviewedAt\` datetime(3) NULL, \`paidAt\` datetime(3) NULL, UNIQUE INDEX \`uq_withdrawal_out_batch_no\` (\`outBatchNo\`), INDEX \`ix_withdrawal_status\` (\`status\`, \`id\`), INDEX \`ix_withdrawal_distributor_day\` (\`distributorId\`, \`storeDay\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`ix_withdrawal_distributor_day\` ON \`withdrawal\``);
        await queryRunner.query(`DROP INDEX \`ix_withdrawal_status\` ON \`withdrawal\``);
        await queryRunner.query(`DROP INDEX \`uq_withdrawal_out_batch_no\` ON \`withdrawal\``);
        await queryRunner.query(`DROP TABLE \`withdrawal\``);
        await queryRunner.query(`DROP INDEX \`uq_share_scene_target\` ON \`share_scene\``);
        await queryRunner.query(`DROP INDEX \`uq_share_scene_code\` ON \`share_scene\``);
        await queryRunner.query(`DROP TABLE \`share_scene\``);
        await queryRunner.query(`DROP INDEX \`ix_referral_visit_distributor\` ON \`referral_visit\``);
        await queryRunner.query(`DROP TABLE \`referral_visit\``);
        await queryRunner.query(`DROP INDEX \`ix_referral_binding_distributor\` ON \`referral_binding\``);
        await queryRunner.query(`DROP TABLE \`referral_binding\``);
        await queryRunner.query(`DROP INDEX \`ix_distributor_status\` ON \`distributor\``);
        await queryRunner.query(`DROP INDEX \`uq_distributor_ref_code\` ON \`distributor\``);
        await queryRunner.query(`DROP INDEX \`uq_distributor_customer\` ON \`distributor\``);
        await queryRunner.query(`DROP TABLE \`distributor\``);
        await queryRunner.query(`DROP INDEX \`ix_commission_ledger_distributor\` ON \`commission_ledger\``);
        await queryRunner.query(`DROP INDEX \`uq_commission_ledger_dedupe\` ON \`commission_ledger\``);
        await queryRunner.query(`DROP TABLE \`commission_ledger\``);
        await queryRunner.query(`DROP INDEX \`uq_commission_order_level\` ON \`commission\``);
        await queryRunner.query(`DROP INDEX \`ix_commission_distributor\` ON \`commission\``);
        await queryRunner.query(`DROP INDEX \`ix_commission_status_completed\` ON \`commission\``);
        await queryRunner.query(`DROP TABLE \`commission\``);
    }

}
