import { Body, Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { StaffPrincipal } from '../../common/auth/auth.types';
import { CurrentStaff, Roles, StaffGuard } from '../../common/auth/guards';
import { withTx } from '../../common/tx';
import { GENERAL_SETTINGS, GeneralSettingsDto } from './dto/general-settings.dto';
import { StoreSettingsService, type StoreSettings } from './store-settings.service';

/** 店铺设置: every store setting read by name; the general ones changed by name (owner only). */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles()
@Controller('admin/settings')
export class SettingsAdminController {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: StoreSettingsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  get(): Promise<StoreSettings> {
    return this.settings.get();
  }

  /** Changes only the fields named (validated whole first: one bad field writes nothing), audited before → after; in force at once. */
  @Put()
  async update(@CurrentStaff() who: StaffPrincipal, @Body() dto: GeneralSettingsDto): Promise<StoreSettings> {
    const changes: Partial<StoreSettings> = {};
    for (const key of GENERAL_SETTINGS) if (dto[key] !== undefined) Object.assign(changes, { [key]: dto[key] });
    const keys = Object.keys(changes) as (keyof StoreSettings)[];
    if (!keys.length) return this.settings.get();
    return withTx(this.ds, async (tx) => {
      const current = await this.settings.get(tx.em);
      const before = Object.fromEntries(keys.map((k) => [k, current[k]]));
      await this.settings.set(tx.em, changes);
      await this.audit.record(tx.em, { staffId: who.staffId, action: 'settings.update', targetType: 'store_setting', targetId: 'settings', before, after: changes });
      return { ...current, ...changes };
    });
  }
}
