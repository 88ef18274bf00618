import { Module } from '@nestjs/common';
import { MembershipService } from './membership.service';

/** Membership state (plans, periods, who is a member); the card's sale and refund live in MembershipSalesModule. */
@Module({ providers: [MembershipService], exports: [MembershipService] })
export class MembershipModule {}
