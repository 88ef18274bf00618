import { Module } from '@nestjs/common';
import { MembershipService } from './membership.service';
import { AdminTierController } from './tier.controller';
import { TierService } from './tier.service';

/** Membership state (plans, periods, who is a member); the card's sale and refund live in MembershipSalesModule. */
@Module({ controllers: [AdminTierController], providers: [MembershipService, TierService], exports: [MembershipService, TierService] })
export class MembershipModule {}
