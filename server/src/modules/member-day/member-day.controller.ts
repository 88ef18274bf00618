import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentStaff, Roles, StaffGuard } from '../../common/auth/guards';
import { MemberDayDto, PreviewQuery, UpdateMemberDayDto } from './dto/member-day.dto';
import { MemberDayService } from './member-day.service';

@ApiTags('member-days')
@Controller('member-days')
export class MemberDayController {
  constructor(private readonly memberDays: MemberDayService) {}

  @Get('current')
  current() {
    return this.memberDays.publicView();
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles('operator')
@Controller('admin/member-days')
export class AdminMemberDayController {
  constructor(
    private readonly memberDays: MemberDayService,
    private readonly audit: AuditService,
    private readonly ds: DataSource,
  ) {}

  @Get()
  list() {
    return this.memberDays.list();
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.memberDays.get(id);
  }

  @Get(':id/preview')
  preview(@Param('id', ParseIntPipe) id: number, @Query() q: PreviewQuery) {
    return this.memberDays.preview(id, q.count);
  }

  /** The preview of the form's values before saving (nothing is stored). */
  @Post('preview')
  @HttpCode(200)
  previewDraft(@Body() dto: MemberDayDto, @Query() q: PreviewQuery) {
    return this.memberDays.previewDraft(dto, q.count);
  }

  @Post()
  async create(@CurrentStaff() who: StaffPrincipal, @Body() dto: MemberDayDto) {
    const saved = await this.memberDays.save(null, dto);
    await this.audit.record(this.ds.manager, { staffId: who.staffId, action: 'member-day.create', targetType: 'member_day', targetId: saved.id, after: saved });
    return saved;
  }

  @Put(':id')
  async update(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateMemberDayDto) {
    const before = await this.memberDays.get(id);
    const saved = await this.memberDays.save(id, dto);
    await this.audit.record(this.ds.manager, { staffId: who.staffId, action: 'member-day.update', targetType: 'member_day', targetId: id, before, after: saved });
    return saved;
  }
}
