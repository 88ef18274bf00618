import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentStaff, Roles, StaffGuard } from '../../common/auth/guards';
import { TierDto, UpdateTierDto } from './dto/tier.dto';
import { TierAdminService } from './tier-admin.service';
import { TierService } from './tier.service';

/** Tiers change prices for everyone in them: the owner's. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles()
@Controller('admin/tiers')
export class AdminTierController {
  constructor(
    private readonly tiers: TierService,
    private readonly admin: TierAdminService,
  ) {}

  /** Operators read tiers too: member days target them. */
  @Get()
  @Roles('operator', 'finance')
  async list() {
    const items = await this.tiers.tiers();
    return { items, total: items.length };
  }

  @Post()
  create(@CurrentStaff() who: StaffPrincipal, @Body() dto: TierDto) {
    return this.admin.create(who.staffId, dto);
  }

  @Put(':id')
  update(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateTierDto) {
    return this.admin.update(who.staffId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentStaff() who: StaffPrincipal, @Param('id', ParseIntPipe) id: number) {
    await this.admin.remove(who.staffId, id);
  }
}
