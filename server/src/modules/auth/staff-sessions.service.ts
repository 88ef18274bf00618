import { Global, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StaffSessions, type StaffStanding } from '../../common/auth/staff-sessions';
import { ConfigCache } from '../../common/config-cache';
import { StaffUser } from './entities/staff-user.entity';

/** Staff accounts change rarely and are read on every staff request: kept in memory, see ConfigCache. */
const CACHE_TTL_MS = 5_000;

@Injectable()
export class StaffSessionService extends StaffSessions implements OnModuleDestroy {
  private readonly cache: ConfigCache<ReadonlyMap<number, StaffStanding>>;

  constructor(ds: DataSource) {
    super();
    this.cache = new ConfigCache(ds, [StaffUser], CACHE_TTL_MS, async (em) => {
      const rows = await em.find(StaffUser, { select: { id: true, role: true, active: true, tokenVersion: true } });
      return new Map(rows.map((r) => [r.id, { role: r.role, active: r.active, tokenVersion: r.tokenVersion }]));
    });
  }

  onModuleDestroy(): void {
    this.cache.close();
  }

  async standing(staffId: number): Promise<StaffStanding | null> {
    return (await this.cache.get()).get(staffId) ?? null;
  }
}

/** Provides StaffSessions to StaffGuard wherever it is used. */
@Global()
@Module({ providers: [StaffSessionService, { provide: StaffSessions, useExisting: StaffSessionService }], exports: [StaffSessions] })
export class StaffSessionsModule {}
