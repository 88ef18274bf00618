import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Query, RawBodyRequest, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, CustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { notFound } from '../../common/errors';
import { PageQuery } from '../../common/pagination';
import { CommissionService } from './commission.service';
import { DistributionStatsService } from './distribution-stats.service';
import { DistributorService } from './distributor.service';
import {
  AdminDistributorQuery,
  ApplyDistributorDto,
  CommissionQuery,
  CommissionRulesDto,
  CreateWithdrawalDto,
  GuideDto,
  MonthQuery,
  ReasonDto,
  ReferralVisitDto,
  ShareQuery,
  WithdrawalQuery,
} from './dto/distribution.dto';
import { ReferralService } from './referral.service';
import { PosterService } from './poster.service';
import { ShareService } from './share.service';
import { WithdrawalService } from './withdrawal.service';

@ApiTags('distribution')
@ApiBearerAuth()
@UseGuards(CustomerGuard)
@Controller()
export class DistributionController {
  constructor(
    private readonly distributors: DistributorService,
    private readonly referrals: ReferralService,
    private readonly commissions: CommissionService,
    private readonly withdrawals: WithdrawalService,
    private readonly shares: ShareService,
  ) {}

  @Post('distributors/apply')
  @HttpCode(200)
  apply(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: ApplyDistributorDto) {
    return this.distributors.apply(who.customerId, dto.reason);
  }

  @Get('distributors/me')
  me(@CurrentCustomer() who: CustomerPrincipal) {
    return this.distributors.me(who.customerId);
  }

  /** `?productId=` a product, `?page=card` the member-card page, neither: the home page. */
  @Get('distributors/me/share')
  share(@CurrentCustomer() who: CustomerPrincipal, @Query() q: ShareQuery) {
    return this.shares.share(who.customerId, q.productId !== undefined ? { kind: 'product', productId: q.productId } : q.page === 'card' ? { kind: 'card' } : { kind: 'home' });
  }

  @Get('distributors/me/commissions')
  commissionList(@CurrentCustomer() who: CustomerPrincipal, @Query() q: CommissionQuery) {
    return this.commissions.listOwn(who.customerId, q.status, q);
  }

  @Get('distributors/me/customers')
  customers(@CurrentCustomer() who: CustomerPrincipal, @Query() q: PageQuery) {
    return this.referrals.boundCustomers(who.customerId, q);
  }

  @Get('distributors/me/withdrawals')
  withdrawalList(@CurrentCustomer() who: CustomerPrincipal, @Query() q: PageQuery) {
    return this.withdrawals.listOwn(who.customerId, q);
  }

  @Post('distributors/me/withdrawals')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  withdraw(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: CreateWithdrawalDto, @Headers('idempotency-key') key?: string) {
    return this.withdrawals.create(who.customerId, dto.amountCents, key);
  }

  @Post('referrals/visit')
  @HttpCode(200)
  async visit(@CurrentCustomer() who: CustomerPrincipal, @Body() dto: ReferralVisitDto) {
    const { bound } = await this.referrals.visit(who.customerId, dto.ref, 'VISIT');
    return { bound };
  }
}

/** Public: what a scanned mini-program code opens, and the posters (no login: WeChat and image views fetch them). */
@ApiTags('distribution')
@Controller()
export class ShareController {
  constructor(
    private readonly shares: ShareService,
    private readonly posters: PosterService,
  ) {}

  @Get('share/scenes/:sceneCode')
  async scene(@Param('sceneCode') sceneCode: string) {
    const s = await this.shares.scene(sceneCode);
    return { refCode: s.refCode, path: s.path };
  }

  /** `<sceneCode>.png`: the poster, public (an <image> or wx.downloadFile fetches it without a token). */
  @Get('share/posters/:file')
  async poster(@Param('file') file: string, @Res({ passthrough: true }) res: FastifyReply) {
    const m = /^([A-Za-z0-9]{1,16})\.png$/.exec(file);
    if (!m) throw notFound('海报');
    const png = await this.posters.poster(m[1]);
    res.header('Content-Type', 'image/png').header('Cache-Control', 'public, max-age=600');
    return png;
  }
}

/** WeChat's merchant-transfer notifications (verified, then the transfer is asked about). */
@Controller()
export class TransferNotifyController {
  constructor(private readonly withdrawals: WithdrawalService) {}

  @Post('payments/wechat/transfer-notify')
  @ApiExcludeEndpoint()
  async notify(@Req() req: RawBodyRequest<FastifyRequest>, @Res() res: FastifyReply) {
    const outcome = await this.withdrawals.handleNotification(req.headers, req.rawBody?.toString('utf8') ?? '');
    res.status(outcome.status).send(outcome.body);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('admin')
export class AdminDistributionController {
  constructor(
    private readonly distributors: DistributorService,
    private readonly commissions: CommissionService,
    private readonly withdrawals: WithdrawalService,
    private readonly stats: DistributionStatsService,
  ) {}

  @Get('distributors')
  @Roles('operator', 'finance')
  list(@Query() q: AdminDistributorQuery) {
    return this.distributors.list(q);
  }

  @Get('distributors/:id')
  @Roles('operator', 'finance')
  one(@Param('id', ParseIntPipe) id: number) {
    return this.distributors.view(id);
  }

  @Post('distributors/:id/approve')
  @HttpCode(200)
  @Roles('operator')
  approve(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.distributors.approve(who.staffId, id);
  }

  @Post('distributors/:id/reject')
  @HttpCode(200)
  @Roles('operator')
  reject(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: ReasonDto) {
    return this.distributors.reject(who.staffId, id, dto.reason);
  }

  @Post('distributors/:id/disable')
  @HttpCode(200)
  @Roles('operator')
  disable(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.distributors.disable(who.staffId, id);
  }

  @Post('distributors/:id/enable')
  @HttpCode(200)
  @Roles('operator')
  enable(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.distributors.enable(who.staffId, id);
  }

  @Put('distributors/:id/guide')
  @Roles('operator')
  guide(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: GuideDto) {
    return this.distributors.setGuide(who.staffId, id, dto.isGuide);
  }

  @Get('commission-rules')
  @Roles('operator', 'finance')
  rules() {
    return this.commissions.rules();
  }

  @Put('commission-rules')
  @Roles('operator')
  setRules(@CurrentStaff() who: StaffPrincipal, @Body() dto: CommissionRulesDto) {
    return this.commissions.setRules(who.staffId, dto);
  }

  @Get('withdrawals')
  @Roles('finance')
  withdrawalList(@Query() q: WithdrawalQuery) {
    return this.withdrawals.listAll(q.status, q);
  }

  @Post('withdrawals/:id/approve')
  @HttpCode(200)
  @Roles('finance')
  approveWithdrawal(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.withdrawals.approve(who.staffId, id);
  }

  @Post('withdrawals/:id/reject')
  @HttpCode(200)
  @Roles('finance')
  rejectWithdrawal(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: ReasonDto) {
    return this.withdrawals.reject(who.staffId, id, dto.reason);
  }

  @Get('reports/distributors')
  @Roles('operator', 'finance')
  leaderboard(@Query() q: MonthQuery) {
    return this.stats.leaderboard(q.month);
  }
}
