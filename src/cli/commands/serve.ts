/** `affectlens serve [--db FILE] [--port N] [--host H] [--token T]`: the local dashboard (read-only store). */
import type { Command } from 'commander';
import { ConfigError } from '../../errors.ts';

interface ServeFlags {
  db: string;
  port: string;
  host: string;
  token?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the local dashboard over the store (opened read-only; figures under the same k-thresholds)')
    .option('--db <file>', 'DuckDB store file', 'affectlens.duckdb')
    .option('--port <n>', 'port (0: any free port)', '8737')
    .option('--host <host>', 'address to bind; anything but loopback requires a token', '127.0.0.1')
    .option('--token <token>', 'require this bearer token on every request (default: env AFFECTLENS_TOKEN)')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new ConfigError(`--port must be 0–65535, got "${flags.port}"`);
      const token = flags.token ?? (process.env.AFFECTLENS_TOKEN || undefined);
      const { checkBinding, startServer } = await import('../../server/serve.ts');
      checkBinding(flags.host, token);
      const { DuckDbStore } = await import('../../store/duckdb/duckdb-store.ts');
      const store = await DuckDbStore.open(flags.db, { readOnly: true });
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({ store, host: flags.host, port, ...(token ? { token } : {}) });
      } catch (error) {
        await store.close();
        throw error;
      }
      process.stdout.write(
        `dashboard: ${server.url}${token ? ' (send the token as Authorization: Bearer … or ?token=…)' : ''}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.stderr.write('stopping the dashboard\n');
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
}
