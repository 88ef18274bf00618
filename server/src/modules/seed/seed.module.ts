import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DistributionModule } from '../distribution/distribution.module';
import { SeedService } from './seed.service';

@Module({ imports: [AuthModule, DistributionModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
