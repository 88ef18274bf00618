import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { closeLogs } from './common/logging';
import { ConfigError, loadConfig } from './config/config';
import { SeedService } from './modules/seed/seed.service';
import { createHttpAdapter, STATIC_DIRS, setupApp } from './setup-app';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { forkSimulator } from './wechat/fork-simulator';
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import type { AppConfig, WechatSettings } from './config/config';

/** How the primary hands the simulator it started to its workers (WEB_CONCURRENCY > 1). */
const SIM_ENV = 'MC_WECHAT_SIM';
type SimInfo = { url: string; settings: WechatSettings };

/** A shutdown still running after this (a request that never ends, say) is cut short. */
const SHUTDOWN_LIMIT_MS = 8_000;

/** What SIGTERM or SIGINT stops, in the reverse order of starting: the API before the simulator it calls. */
const onShutdown: (() => Promise<unknown>)[] = [];

/** Child processes to kill when a shutdown runs out of time. */
const children: { kill(signal: NodeJS.Signals): unknown }[] = [];

/**
 * SIGTERM/SIGINT: runs the onShutdown steps (the API stops accepting, finishes the requests in
 * flight and closes its database pool; workers stop; the simulator stops), writes out the logs
 * and exits. Nothing may keep the process: after SHUTDOWN_LIMIT_MS, or when stdout takes no more
 * logs, it kills its children and ends by the signal's default action (process.exit could be held
 * by an exit handler or by a thread-pool thread stuck writing to a full pipe; a signal cannot).
 */
function exitOnSignals(): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const die = () => {
      for (const child of children) child.kill('SIGKILL');
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    };
    setTimeout(die, SHUTDOWN_LIMIT_MS).unref();
    let code = 0;
    for (const step of [...onShutdown].reverse()) {
      await step().catch((e: unknown) => {
        code = 1;
        console.error(`${signal}: ${e instanceof Error ? e.message : e}`);
      });
    }
    if (await closeLogs(1_000)) process.exit(code);
    die();
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, (s) => void stop(s));
}

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  exitOnSignals();
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config);
  let simUrl: string | null = null;
  if (config.wechatSim) {
    const inherited = process.env[SIM_ENV];
    let sim: SimInfo;
    if (inherited) sim = JSON.parse(inherited);
    else {
      const forked = await forkSimulator(config.wechatSimPort);
      onShutdown.push(forked.stop);
      children.push(forked.child);
      sim = forked;
    }
    simUrl = sim.url;
    config.wechat = { ...config.wechat, ...sim.settings };
  }
  const nest = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createHttpAdapter(), { rawBody: true, bufferLogs: true });
  onShutdown.push(async () => {
    // Nest's close: stop accepting, finish the requests in flight, then the shutdown hooks (the
    // database pool). A kept-alive connection whose request ends after the close began would stay
    // open (and the close unfinished) until its keep-alive timeout: each is closed once idle.
    const idle = setInterval(() => nest.getHttpServer().closeIdleConnections(), 100);
    try {
      await nest.close();
    } finally {
      clearInterval(idle);
    }
  });
  await setupApp(nest, config);
  if (config.seedDemo) await nest.get(SeedService).seedDemo();
  await nest.listen(config.port, config.host);
  if (!cluster.isWorker) printBanner(config, simUrl);
}

/**
 * WEB_CONCURRENCY > 1: this process only supervises. The first worker runs the migrations and
 * the seed; the others start after it listens, with both off. The port is shared by node:cluster;
 * a worker that dies is replaced. The API keeps no state between requests (caches expire, jobs
 * are safe to run twice), so workers behave like separate instances.
 */
async function runPrimary(config: AppConfig): Promise<void> {
  const env: Record<string, string> = {};
  let simUrl: string | null = null;
  if (config.wechatSim) {
    const sim = await forkSimulator(config.wechatSimPort);
    onShutdown.push(sim.stop);
    children.push(sim.child);
    simUrl = sim.url;
    env[SIM_ENV] = JSON.stringify({ url: sim.url, settings: sim.settings } satisfies SimInfo);
  }
  const later = { ...env, MIGRATIONS_RUN: '0', SEED_DEMO: '0' };
  const listening = new Set<number>();
  let stopping = false;
  const start = (workerEnv: Record<string, string>) =>
    new Promise<void>((ok, fail) => {
      const worker = cluster.fork(workerEnv);
      children.push(worker.process);
      worker.once('listening', () => {
        listening.add(worker.id);
        ok();
      });
      worker.once('exit', (code) => {
        if (!listening.has(worker.id)) fail(new Error(`an API worker exited with code ${code} before listening`));
      });
    });
  const replace = () =>
    setTimeout(() => {
      if (!stopping) start(later).catch((e) => (console.error(e instanceof Error ? e.message : e), replace()));
    }, 1_000);
  // watching from the first fork: a worker may die while the others are still starting
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!listening.delete(worker.id)) return; // never listened: its start() fails or retries
    console.error(`API worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    replace();
  });
  // each worker shuts down as a single process does (worker.kill() would disconnect it first, which exits it at once)
  onShutdown.push(async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is NonNullable<typeof w> => w !== undefined && !w.isDead());
    await Promise.all(workers.map((w) => new Promise((resolve) => (w.once('exit', resolve), w.process.kill('SIGTERM')))));
  });
  await start(env);
  await Promise.all(Array.from({ length: config.workers - 1 }, () => start(later)));
  printBanner(config, simUrl, `${config.workers} worker processes`);
}

function printBanner(config: AppConfig, simUrl: string | null, processes?: string): void {
  const base = config.publicBaseUrl;
  const lines = [
    '',
    'Member commerce is running:',
    `  shop (mini-program H5): ${base}/shop/${existsSync(STATIC_DIRS.shop) ? '' : '   (not built: pnpm --filter @mc/miniapp build:h5)'}`,
    `  admin page:             ${base}/admin/${existsSync(STATIC_DIRS.admin) ? '' : '   (not built: pnpm --filter @mc/admin build)'}`,
    ...(config.seedDemo && !config.production
      ? [`                          demo staff: ${config.adminPassword ? 'admin / $ADMIN_PASSWORD, operator and finance / admin123' : 'admin / admin123 (also operator, finance)'}`]
      : []),
    `  API docs (Swagger):     ${base}/docs`,
    `  health:                 ${base}/api/health`,
    `  database:               ${config.databaseUrl ? config.databaseUrl.replace(/:[^:@/]*@/, ':***@') : `embedded sql.js file ${config.sqljsPath}`}`,
    ...(simUrl ? [`  WeChat simulator:       ${simUrl}`] : []),
    ...(config.devTools ? [`  dev tools:              ${base}/api/dev/clock, ${base}/api/dev/jobs`] : []),
    ...(processes ? [`  processes:              ${processes}`] : []),
    '',
  ];
  console.log(lines.join('\n'));
}

bootstrap().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
