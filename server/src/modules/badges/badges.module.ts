import { Module } from '@nestjs/common';
import { BadgesController } from './badges.controller';
import { BadgesService } from './badges.service';

/** Counts for badges, read from the order and cart tables (no tables of its own). */
@Module({ controllers: [BadgesController], providers: [BadgesService] })
export class BadgesModule {}
