import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentStaff, Roles, StaffGuard } from '../../common/auth/guards';
import { PageQuery } from '../../common/pagination';
import { audienceOf } from '../segments/dto/segments.dto';
import { CampaignService } from './campaign.service';
import { CampaignDto, PreviewDto, RecipientQuery } from './dto/campaign.dto';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator')
@Controller('admin/campaigns')
export class CampaignController {
  constructor(private readonly campaigns: CampaignService) {}

  @Get()
  list(@Query() q: PageQuery) {
    return this.campaigns.list(q);
  }

  /** A draft: audience and action; nothing is granted until it starts. */
  @Post()
  create(@CurrentStaff() who: StaffPrincipal, @Body() dto: CampaignDto) {
    return this.campaigns.create(who.staffId, dto);
  }

  /** How many customers an audience reaches now, and the first ten; with actionKind MESSAGE, how many consented. */
  @Post('preview')
  @HttpCode(200)
  preview(@Body() dto: PreviewDto) {
    return this.campaigns.preview(audienceOf(dto), dto.actionKind);
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.campaigns.get(id);
  }

  /** Recipients with their status and, for failures, the reason. */
  @Get(':id/recipients')
  recipients(@Param('id', ParseIntPipe) id: number, @Query() q: RecipientQuery) {
    return this.campaigns.recipients(id, q);
  }

  /** Freezes the audience into recipients; the `run-campaigns` job then works through them. */
  @Post(':id/start')
  @HttpCode(200)
  start(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.campaigns.start(who.staffId, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.campaigns.pause(who.staffId, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.campaigns.resume(who.staffId, id);
  }
}
