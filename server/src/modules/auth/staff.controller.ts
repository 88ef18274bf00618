import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentStaff, Roles, StaffGuard } from '../../common/auth/guards';
import { ChangeOwnPasswordDto, CreateStaffDto, ResetPasswordDto, UpdateStaffDto } from './dto/staff.dto';
import { StaffAdminService } from './staff-admin.service';

/** Staff accounts: the owner's alone. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles()
@Controller('admin/staff')
export class StaffController {
  constructor(private readonly staff: StaffAdminService) {}

  @Get()
  list() {
    return this.staff.list();
  }

  @Post()
  create(@CurrentStaff() who: StaffPrincipal, @Body() dto: CreateStaffDto) {
    return this.staff.create(who.staffId, dto);
  }

  @Patch(':id')
  update(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateStaffDto) {
    return this.staff.update(who.staffId, id, dto);
  }

  @Post(':id/password')
  @HttpCode(204)
  resetPassword(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: ResetPasswordDto) {
    return this.staff.resetPassword(who.staffId, id, dto.password);
  }
}

/** Any staff member changes their own password. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('admin/me')
export class OwnPasswordController {
  constructor(private readonly staff: StaffAdminService) {}

  @Post('password')
  @HttpCode(200)
  change(@CurrentStaff() who: StaffPrincipal, @Body() dto: ChangeOwnPasswordDto) {
    return this.staff.changeOwnPassword(who.staffId, dto.oldPassword, dto.newPassword);
  }
}
