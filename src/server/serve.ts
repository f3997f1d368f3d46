/**
 * Starts the dashboard over a store opened READ-ONLY (DuckDB allows one writer per file, so `serve`
 * can run beside readers but not while `analyze` or `import` is writing). Binds 127.0.0.1 by default;
 * any other host requires a token.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ConfigError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import { createApp } from './app.ts';
import { createFigureSource, type FigureSourceOptions } from './figures.ts';

export interface ServeOptions extends FigureSourceOptions {
  store: Store;
  host?: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** The rule: binding beyond loopback needs a token (throws ConfigError otherwise). */
export function checkBinding(host: string, token: string | undefined): void {
  if (!LOOPBACK.has(host) && !token) {
    throw new ConfigError(`refusing to bind ${host} without a token`, {
      hint: 'pass --token <secret> or set AFFECTLENS_TOKEN; without one, serve binds 127.0.0.1 only',
    });
  }
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  checkBinding(host, options.token);
  const source = await createFigureSource(options.store, options);
  const app = createApp({ source, ...(options.token ? { token: options.token } : {}) });
  const { server, address } = await new Promise<{ server: ReturnType<typeof serve>; address: AddressInfo }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8737 }, (info) =>
      resolve({ server, address: info }),
    );
    server.once('error', reject);
  });
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
