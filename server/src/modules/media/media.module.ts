import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ImageService } from './image.service';
import { MediaAdminController, MediaController } from './media.controller';
import { createMediaStorage, MEDIA_STORAGE } from './media-storage';

/** Images: the storage configured by MEDIA_STORAGE, uploads, variants and serving them (docs/images.md). */
@Module({
  controllers: [MediaController, MediaAdminController],
  providers: [{ provide: MEDIA_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createMediaStorage(config.media) }, ImageService],
  exports: [ImageService],
})
export class MediaModule {}
