import { Global, Module } from '@nestjs/common';
import { JobRegistry } from './job-registry.service';
import { MaintenanceJobs } from './maintenance.jobs';

@Global()
@Module({ providers: [JobRegistry, MaintenanceJobs], exports: [JobRegistry] })
export class JobsModule {}
