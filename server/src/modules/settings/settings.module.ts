import { Global, Module } from '@nestjs/common';
import { StoreSetting } from './entities/store-setting.entity';
import { StoreSettingsService } from './store-settings.service';

export const SETTINGS_ENTITIES = [StoreSetting];

@Global()
@Module({ providers: [StoreSettingsService], exports: [StoreSettingsService] })
export class SettingsModule {}
