import { Global, Module } from '@nestjs/common';
import { StoreSetting } from './entities/store-setting.entity';
import { SettingsAdminController } from './settings-admin.controller';
import { StoreSettingsService } from './store-settings.service';

export const SETTINGS_ENTITIES = [StoreSetting];

@Global()
@Module({ controllers: [SettingsAdminController], providers: [StoreSettingsService], exports: [StoreSettingsService] })
export class SettingsModule {}
