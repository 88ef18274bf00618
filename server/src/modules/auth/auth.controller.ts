import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentCustomer, CurrentStaff, CustomerGuard, StaffGuard } from '../../common/auth/guards';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import type { CustomerStanding } from '../membership/customer-standing';
import { MembershipService, MembershipStatus } from '../membership/membership.service';
import { TierService, TierStanding } from '../membership/tier.service';
import { AuthService } from './auth.service';
import { StaffLoginDto, UpdateProfileDto, WechatLoginDto } from './dto/auth.dto';
import { Customer } from '../customer/entities/customer.entity';
import { StaffUser } from './entities/staff-user.entity';

export function toMe(c: Customer, membership: MembershipStatus, standing: TierStanding, pointsBalance = 0) {
  return {
    id: c.id,
    nickname: c.nickname,
    avatarUrl: c.avatarUrl,
    phone: c.phone,
    birthday: c.birthday,
    isMember: membership.isMember,
    memberUntil: membership.memberUntil?.toISOString() ?? null,
    tier: standing.tier && { id: standing.tier.id, name: standing.tier.name },
    nextTier: standing.nextTier,
    growth: standing.growth,
    pointsBalance,
  };
}

const toStaff = (s: StaffUser) => ({ id: s.id, username: s.username, role: s.role });

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly membership: MembershipService,
    private readonly tiers: TierService,
  ) {}

  @Post('auth/wechat-login')
  @HttpCode(200)
  async wechatLogin(@Body() dto: WechatLoginDto) {
    const { token, standing } = await this.auth.wechatLogin(dto.code, dto.ref);
    return { token, user: await this.me(standing) };
  }

  @Get('me')
  @ApiBearerAuth()
  @UseGuards(CustomerGuard)
  async getMe(@CurrentCustomer() who: CustomerPrincipal) {
    return this.me(await this.auth.standingById(who.customerId));
  }

  @Patch('me')
  @ApiBearerAuth()
  @UseGuards(CustomerGuard)
  async updateMe(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: UpdateProfileDto) {
    await this.auth.updateProfile(who.customerId, dto);
    return this.me(await this.auth.standingById(who.customerId));
  }

  private async me({ customer, membership, growth, points }: CustomerStanding) {
    const tiers = await this.tiers.tiers();
    return toMe(customer, this.membership.statusOf(membership), TierService.standingOf(tiers, growth?.growth ?? 0), Number(points?.balance ?? 0));
  }

  @Post('admin/auth/login')
  @HttpCode(200)
  async staffLogin(@Body() dto: StaffLoginDto, @Req() req: FastifyRequest) {
    const { token, staff } = await this.auth.staffLogin(dto.username, dto.password, req.ip || 'unknown');
    return { token, staff: toStaff(staff) };
  }

  @Get('admin/me')
  @ApiBearerAuth()
  @UseGuards(StaffGuard)
  async staffMe(@CurrentStaff() who: StaffPrincipal) {
    return toStaff(await this.auth.staffById(who.staffId));
  }
}
