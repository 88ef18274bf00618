import { Module } from '@nestjs/common';
import { CustomerModule } from '../customer/customer.module';
import { MembershipModule } from '../membership/membership.module';
import { OrderModule } from '../order/order.module';
import { CommissionLedgerService } from './commission-ledger.service';
import { CommissionService } from './commission.service';
import { AdminDistributionController, DistributionController, ShareController, TransferNotifyController } from './distribution.controller';
import { DistributionStatsService } from './distribution-stats.service';
import { DistributorService, RefCodes } from './distributor.service';
import { Commission, CommissionLedger } from './entities/commission.entity';
import { Distributor } from './entities/distributor.entity';
import { ReferralBinding, ReferralVisit, ShareScene } from './entities/referral.entity';
import { Withdrawal } from './entities/withdrawal.entity';
import { ReferralService } from './referral.service';
import { PosterService } from './poster.service';
import { ShareService } from './share.service';
import { WithdrawalService } from './withdrawal.service';

export const DISTRIBUTION_ENTITIES = [Distributor, Commission, CommissionLedger, Withdrawal, ReferralBinding, ReferralVisit, ShareScene];

/**
 * KOC distribution: distributors, binding customers through share links, commission on their
 * orders (order event handler `commission`), withdrawals by WeChat merchant transfer, sharing.
 */
@Module({
  imports: [CustomerModule, MembershipModule, OrderModule],
  controllers: [DistributionController, ShareController, TransferNotifyController, AdminDistributionController],
  providers: [DistributorService, RefCodes, ReferralService, CommissionLedgerService, CommissionService, WithdrawalService, ShareService, PosterService, DistributionStatsService],
  exports: [ReferralService, DistributorService, DistributionStatsService],
})
export class DistributionModule {}
