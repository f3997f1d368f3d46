/**
 * `affectlens worker --redis redis://HOST:PORT [--queue Q] [--shared-dir DIR] [--threads N]`: one
 * worker of a distributed `analyze --distributed`. Start as many as you like, on any machine that
 * reaches Redis and the shared directory; stop with Ctrl-C (the shard in hand is finished first).
 */
import type { Command } from 'commander';
import { ConfigError } from '../../errors.ts';

interface WorkerFlags {
  redis: string;
  queue?: string;
  sharedDir?: string;
  threads?: string;
  lockSeconds: string;
  idleExit?: string;
  quiet?: boolean;
}

function positiveNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got "${text}"`);
  return value;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('classify facet shards of distributed analyze runs (BullMQ queue on Redis) until stopped')
    .requiredOption('--redis <url>', 'the Redis of the queue, e.g. redis://127.0.0.1:6379')
    .option('--queue <name>', 'queue name (as given to analyze --queue)', 'affectlens-facets')
    .option('--shared-dir <dir>', "where this machine sees the shared directory (default: the coordinator's path)")
    .option('--threads <n>', 'classification threads (default: every core)')
    .option('--lock-seconds <s>', 'lock of a shard in hand: if this process dies, its shard is retried this much later', '30')
    .option('--idle-exit <s>', 'stop after this many seconds without a shard (default: run until stopped)')
    .option('--quiet', 'print nothing but errors')
    .action(async (flags: WorkerFlags) => {
      const threads = flags.threads === undefined ? undefined : positiveNumber('--threads', flags.threads);
      if (threads !== undefined && !Number.isInteger(threads))
        throw new ConfigError(`--threads must be an integer, got "${flags.threads}"`);
      const lockMs = positiveNumber('--lock-seconds', flags.lockSeconds) * 1000;
      const idleExitMs = flags.idleExit === undefined ? undefined : positiveNumber('--idle-exit', flags.idleExit) * 1000;
      const { startFacetWorker } = await import('../../distributed/worker.ts');
      const { printableRedisUrl } = await import('../../distributed/redis.ts');
      const log = (line: string) => {
        if (!flags.quiet) process.stderr.write(`${line}\n`);
      };
      const worker = await startFacetWorker({
        redis: flags.redis,
        ...(flags.queue ? { queue: flags.queue } : {}),
        ...(flags.sharedDir ? { sharedDir: flags.sharedDir } : {}),
        ...(threads ? { threads } : {}),
        lockMs,
        ...(idleExitMs ? { idleExitMs } : {}),
        onEvent: (event) => {
          if (event.kind === 'ready')
            log(
              `worker ${process.pid} ready: queue ${event.queue} on ${printableRedisUrl(flags.redis)}, ${event.threads} threads`,
            );
          else if (event.kind === 'shard-started')
            log(`shard ${event.shard} of run ${event.run}: ${event.conversations} conversations (try ${event.attempt})`);
          else if (event.kind === 'shard-done')
            log(
              `shard ${event.shard} of run ${event.run}: ${event.records} records, ${event.failed} failed, ${event.seconds.toFixed(1)} s`,
            );
          else if (event.kind === 'shard-failed')
            process.stderr.write(`shard ${event.shard} of run ${event.run} failed: ${event.reason}\n`);
          else log('no shard for a while: stopping');
        },
      });
      const stop = () => {
        log('stopping after the shard in hand');
        void worker.close();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await worker.stopped;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    });
}
