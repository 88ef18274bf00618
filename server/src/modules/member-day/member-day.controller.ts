import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentCustomer, CurrentStaff, OptionalCustomerGuard, Roles, StaffGuard } from '../../common/auth/guards';
import { MemberDayDto, PreviewQuery, UpdateMemberDayDto } from './dto/member-day.dto';
import { MemberDayAdminService } from './member-day-admin.service';
import { MemberDayPreviewService } from './member-day-preview.service';
import { MemberDayViewService } from './member-day-view.service';

@ApiTags('member-days')
@Controller('member-days')
export class MemberDayController {
  constructor(private readonly view: MemberDayViewService) {}

  /** Signed in or not: a customer's token prices the offers for them. */
  @Get('current')
  @UseGuards(OptionalCustomerGuard)
  current(@CurrentCustomer() who: CustomerPrincipal | undefined) {
    return this.view.publicView(who?.customerId ?? null);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator')
@Controller('admin/member-days')
export class AdminMemberDayController {
  constructor(
    private readonly rules: MemberDayAdminService,
    private readonly previews: MemberDayPreviewService,
  ) {}

  @Get()
  list() {
    return this.rules.list();
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.rules.get(id);
  }

  @Get(':id/preview')
  preview(@Param('id', ParseIntPipe) id: number, @Query() q: PreviewQuery) {
    return this.previews.preview(id, q.count);
  }

  /** The preview of the form's values before saving (nothing is stored). */
  @Post('preview')
  @HttpCode(200)
  previewDraft(@Body() dto: MemberDayDto, @Query() q: PreviewQuery) {
    return this.previews.previewDraft(dto, q.count);
  }

  @Post()
  create(@CurrentStaff() who: StaffPrincipal, @Body() dto: MemberDayDto) {
    return this.rules.save(who.staffId, null, dto);
  }

  @Put(':id')
  update(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateMemberDayDto) {
    return this.rules.save(who.staffId, id, dto);
  }

  /** Archives the rule (see MemberDayAdminService.archive). */
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.rules.archive(who.staffId, id);
  }
}
