import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentCustomer, CurrentStaff, CustomerGuard, StaffGuard } from '../../common/auth/guards';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { DataSource } from 'typeorm';
import { MembershipService, MembershipStatus } from '../membership/membership.service';
import { AuthService } from './auth.service';
import { StaffLoginDto, WechatLoginDto } from './dto/auth.dto';
import { Customer } from './entities/customer.entity';
import { StaffUser } from './entities/staff-user.entity';

export function toMe(c: Customer, membership: MembershipStatus) {
  return {
    id: c.id,
    nickname: c.nickname,
    avatarUrl: c.avatarUrl,
    phone: c.phone,
    birthday: c.birthday,
    isMember: membership.isMember,
    memberUntil: membership.memberUntil?.toISOString() ?? null,
    tier: null as null | { id: number; name: string },
    growth: 0,
    pointsBalance: 0,
  };
}

const toStaff = (s: StaffUser) => ({ id: s.id, username: s.username, role: s.role });

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly membership: MembershipService,
    private readonly ds: DataSource,
  ) {}

  @Post('auth/wechat-login')
  @HttpCode(200)
  async wechatLogin(@Body() dto: WechatLoginDto) {
    const { token, customer } = await this.auth.wechatLogin(dto.code, dto.ref);
    return { token, user: toMe(customer, await this.membership.status(this.ds.manager, customer.id)) };
  }

  @Get('me')
  @ApiBearerAuth()
  @UseGuards(CustomerGuard)
  async me(@CurrentCustomer() who: CustomerPrincipal) {
    const customer = await this.auth.customerById(who.customerId);
    return toMe(customer, await this.membership.status(this.ds.manager, customer.id));
  }

  @Post('admin/auth/login')
  @HttpCode(200)
  async staffLogin(@Body() dto: StaffLoginDto, @Req() req: Request) {
    const { token, staff } = await this.auth.staffLogin(dto.username, dto.password, req.ip ?? 'unknown');
    return { token, staff: toStaff(staff) };
  }

  @Get('admin/me')
  @ApiBearerAuth()
  @UseGuards(StaffGuard)
  async staffMe(@CurrentStaff() who: StaffPrincipal) {
    return toStaff(await this.auth.staffById(who.staffId));
  }
}
