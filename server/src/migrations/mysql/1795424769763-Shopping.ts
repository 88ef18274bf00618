import { MigrationInterface, QueryRunner } from "typeorm";

export class Shopping1795424769763 implements MigrationInterface {
    name = 'Shopping1795424769763'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`address\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`name\` varchar(32) NOT NULL, \`phone\` varchar(20) NOT NULL, \`province\` varchar(32) NOT NULL, \`city\` varchar(32) NOT NULL, \`district\` varchar(32) NOT NULL, \`detail\` varchar(200) NOT NULL, \`isDefault\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_address_customer\` (\`customerId\`, \`isDefault\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`cart_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customerId\` int NOT NULL, \`skuId\` int NOT NULL, \`qty\` int NOT NULL, \`selected\` tinyint NOT NULL DEFAULT 1, \`addedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_cart_customer_sku\` (\`customerId\`, \`skuId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`order_adjustment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`orderLineId\` int NULL, \`kind\` varchar(32) NOT NULL, \`amountCents\` int NOT NULL, \`label\` varchar(64) NOT NULL, \`sourceType\` varchar(32) NOT NULL, \`sourceId\` varchar(32) NULL, INDEX \`ix_order_adjustment_order\` (\`orderId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`order_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`skuId\` int NOT NULL, \`productId\` int NOT NULL, \`categoryId\` int NOT NULL, \`title\` varchar(120) NOT NULL, \`specs\` text NOT NULL, \`coverUrl\` varchar(512) NOT NULL DEFAULT '', \`qty\` int NOT NULL, \`listPriceCents\` int NOT NULL, \`unitPriceCents\` int NOT NULL, \`priceSource\` varchar(32) NOT NULL, \`goodsCents\` int NOT NULL, \`lineDiscountCents\` int NOT NULL, \`couponCents\` int NOT NULL, \`pointsCents\` int NOT NULL, \`cashPaidCents\` int NOT NULL, \`refundedQty\` int NOT NULL DEFAULT '0', \`refundedCents\` int NOT NULL DEFAULT '0', INDEX \`ix_order_line_order\` (\`orderId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`order_status_history\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`fromStatus\` varchar(20) NULL, \`toStatus\` varchar(20) NOT NULL, \`actor\` varchar(32) NOT NULL, \`reason\` varchar(200) NULL, \`at\` datetime(3) NOT NULL, INDEX \`ix_order_history_order\` (\`orderId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`shop_order\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderNo\` varchar(32) NOT NULL, \`customerId\` int NOT NULL, \`kind\` enum ('GOODS', 'MEMBER_CARD', 'POINTS_REDEMPTION') NOT NULL, \`status\` enum ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED') NOT NULL, \`goodsCents\` int NOT NULL, \`discountCents\` int NOT NULL, \`shippingCents\` int NOT NULL, \`shippingPaidCents\` int NOT NULL, \`pointsUsed\` int NOT NULL, \`pointsValueCents\` int NOT NULL, \`payableCents\` int NOT NULL, \`pointsToEarn\` int NOT NULL, \`refundedCents\` int NOT NULL DEFAULT '0', \`memberDayId\` varchar(32) NULL, \`couponId\` varchar(32) NULL, \`address\` text NULL, \`note\` varchar(200) NOT NULL DEFAULT '', \`carrier\` varchar(32) NULL, \`trackingNo\` varchar(64) NULL, \`expiresAt\` datetime(3) NULL, \`paidAt\` datetime(3) NULL, \`shippedAt\` datetime(3) NULL, \`completedAt\` datetime(3) NULL, \`cancelledAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_order_no\` (\`orderNo\`), INDEX \`ix_order_created\` (\`createdAt\`), INDEX \`ix_order_status_shipped\` (\`status\`, \`shippedAt\`), INDEX \`ix_order_status_expires\` (\`status\`, \`expiresAt\`), INDEX \`ix_order_customer\` (\`customerId\`, \`status\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`refund\` (\`id\` int NOT NULL AUTO_INCREMENT, \`refundNo\` varchar(32) NOT NULL, \`orderId\` int NOT NULL, \`customerId\` int NOT NULL, \`status\` enum ('REQUESTED', 'APPROVED', 'REFUNDED', 'REJECTED') NOT NULL, \`reason\` varchar(200) NOT NULL, \`amountCents\` int NOT NULL, \`shippingCents\` int NOT NULL DEFAULT '0', \`lines\` text NOT NULL, \`reviewNote\` varchar(200) NULL, \`reviewedBy\` int NULL, \`wechatRefundId\` varchar(64) NULL, \`createdAt\` datetime(3) NOT NULL, \`approvedAt\` datetime(3) NULL, \`refundedAt\` datetime(3) NULL, UNIQUE INDEX \`uq_refund_no\` (\`refundNo\`), INDEX \`ix_refund_order\` (\`orderId\`), INDEX \`ix_refund_status\` (\`status\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`payment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`outTradeNo\` varchar(32) NOT NULL, \`amountCents\` int NOT NULL, \`status\` enum ('CREATED', 'SUCCESS', 'CLOSED') NOT NULL, \`prepayId\` varchar(64) NULL, \`prepayAt\` datetime(3) NULL, \`transactionId\` varchar(64) NULL, \`paidAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_payment_order\` (\`orderId\`), UNIQUE INDEX \`uq_payment_out_trade_no\` (\`outTradeNo\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`store_setting\` (\`key\` varchar(64) NOT NULL, \`valueJson\` text NOT NULL, PRIMARY KEY (\`key\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`store_setting\``);
        await queryRunner.query(`DROP INDEX \`uq_payment_out_trade_no\` ON \`payment\``);
        await queryRunner.query(`DROP INDEX \`uq_payment_order\` ON \`payment\``);
        await queryRunner.query(`DROP TABLE \`payment\``);
        await queryRunner.query(`DROP INDEX \`ix_refund_status\` ON \`refund\``);
        await queryRunner.query(`DROP INDEX \`ix_refund_order\` ON \`refund\``);
        await queryRunner.query(`DROP INDEX \`uq_refund_no\` ON \`refund\``);
        await queryRunner.query(`DROP TABLE \`refund\``);
        await queryRunner.query(`DROP INDEX \`ix_order_customer\` ON \`shop_order\``);
        await queryRunner.query(`DROP INDEX \`ix_order_status_expires\` ON \`shop_order\``);
        await queryRunner.query(`DROP INDEX \`ix_order_status_shipped\` ON \`shop_order\``);
        await queryRunner.query(`DROP INDEX \`ix_order_created\` ON \`shop_order\``);
        await queryRunner.query(`DROP INDEX \`uq_order_no\` ON \`shop_order\``);
        await queryRunner.query(`DROP TABLE \`shop_order\``);
        await queryRunner.query(`DROP INDEX \`ix_order_history_order\` ON \`order_status_history\``);
        await queryRunner.query(`DROP TABLE \`order_status_history\``);
        await queryRunner.query(`DROP INDEX \`ix_order_line_order\` ON \`order_line\``);
        await queryRunner.query(`DROP TABLE \`order_line\``);
        await queryRunner.query(`DROP INDEX \`ix_order_adjustment_order\` ON \`order_adjustment\``);
        await queryRunner.query(`DROP TABLE \`order_adjustment\``);
        await queryRunner.query(`DROP INDEX \`uq_cart_customer_sku\` ON \`cart_item\``);
        await queryRunner.query(`DROP TABLE \`cart_item\``);
        await queryRunner.query(`DROP INDEX \`ix_address_customer\` ON \`address\``);
        await queryRunner.query(`DROP TABLE \`address\``);
    }

}
