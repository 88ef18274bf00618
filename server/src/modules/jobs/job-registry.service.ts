import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';

export interface JobResult {
  [k: string]: number | string | boolean;
}

export interface JobDefinition {
  name: string;
  description: string;
  /** How often the scheduler runs it. */
  everyMs: number;
  run: () => Promise<JobResult>;
}

/**
 * Scheduled jobs. Each job is an idempotent batch keyed on status and a deadline from the
 * clock, so two API instances running it at once do no harm. Modules register their jobs
 * in onModuleInit; the dev route runs any of them now.
 */
@Injectable()
export class JobRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} registered twice`);
    this.jobs.set(job.name, job);
  }

  list(): { name: string; description: string; everyMs: number }[] {
    return [...this.jobs.values()].map(({ name, description, everyMs }) => ({ name, description, everyMs }));
  }

  has(name: string): boolean {
    return this.jobs.has(name);
  }

  async run(name: string): Promise<JobResult> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    return job.run();
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    for (const job of this.jobs.values()) {
      const timer = setInterval(() => {
        job.run().catch((err) => this.logger.error({ err, job: job.name }, 'job failed'));
      }, job.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearInterval(t);
  }
}
