/**
 * The Redis connection of a distributed run. BullMQ needs `maxRetriesPerRequest: null` on the
 * connection its workers block on; a server that is not there is reported within a few seconds
 * instead of ioredis retrying for ever.
 */
import { Redis } from 'ioredis';
import { ConfigError } from '../errors.ts';

export const DEFAULT_QUEUE = 'affectlens-facets';

/** The URL without its password, for messages and logs. */
export function printableRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable Redis URL)';
  }
}

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`--redis/--distributed needs a URL such as redis://127.0.0.1:6379, got "${url}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new ConfigError(`not a Redis URL (redis:// or rediss://): ${printableRedisUrl(url)}`);
  }
  return url;
}

/** Connects and checks the server answers (PING) within `timeoutMs`. */
export async function connectRedis(url: string, timeoutMs = 5000): Promise<Redis> {
  const redis = new Redis(checkedUrl(url), { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: timeoutMs });
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => setTimeout(() => reject(lastError ?? new Error('no answer')), timeoutMs).unref()),
    ]);
  } catch (error) {
    redis.disconnect();
    throw new ConfigError(`cannot reach Redis at ${printableRedisUrl(url)}: ${(error as Error).message}`, {
      hint: 'start redis-server, or check host, port and password',
      cause: error,
    });
  }
  return redis;
}
