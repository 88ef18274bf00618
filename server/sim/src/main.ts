import { startSimulator } from './index';

/**
 * Standalone entry: WECHAT_SIM_PORT (default 3001), WECHAT_SIM_HOST (default 127.0.0.1).
 * Forked with an IPC channel it sends { type: 'wechat-sim-ready', url, config } to the parent;
 * otherwise it prints that object as one JSON line on stdout. Logs go to stderr.
 */
async function main(): Promise<void> {
  const port = Number(process.env.WECHAT_SIM_PORT || 3001);
  const host = process.env.WECHAT_SIM_HOST || '127.0.0.1';
  const quiet = process.env.WECHAT_SIM_QUIET === '1';
  const sim = await startSimulator({
    port,
    host,
    log: quiet ? undefined : (msg) => process.stderr.write(`[wechat-sim] ${msg}\n`),
  });
  const ready = { type: 'wechat-sim-ready' as const, url: sim.url, config: sim.config };
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sim.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.send) {
    process.on('disconnect', stop);
    process.send(ready);
  } else {
    process.stdout.write(`${JSON.stringify(ready)}\n`);
  }
}

main().catch((e: Error) => {
  process.stderr.write(`[wechat-sim] failed to start: ${e.stack ?? e}\n`);
  process.exit(1);
});
