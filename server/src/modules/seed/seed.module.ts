import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MediaModule } from '../media/media.module';
import { SeedService } from './seed.service';

@Module({ imports: [AuthModule, MediaModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
