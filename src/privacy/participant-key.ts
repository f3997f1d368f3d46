/**
 * Where the key for participant pseudonyms comes from. It is kept OUT of the store (a file beside
 * it, mode 0600), so a shared store file does not carry the means to test guessed account ids.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.ts';
import { createParticipantKey } from './pseudonymize.ts';

export const PARTICIPANT_KEY_ENV = 'AFFECTLENS_PARTICIPANT_KEY';

function parseKey(text: string, origin: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{32,}$/.test(hex)) {
    throw new ConfigError(`${origin} must hold at least 32 hexadecimal characters`, {
      hint: "generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"",
    });
  }
  return Buffer.from(hex, 'hex');
}

/**
 * The environment variable wins, then an explicit key file, then `<store>.key` beside the store
 * (created on first use). With neither a file nor a store, a fresh key is used for this run only.
 */
export function resolveParticipantKey(options: { keyFile?: string; storePath?: string }): Buffer {
  const fromEnvironment = process.env[PARTICIPANT_KEY_ENV];
  if (fromEnvironment) return parseKey(fromEnvironment, PARTICIPANT_KEY_ENV);
  if (options.keyFile) {
    if (!existsSync(options.keyFile)) throw new ConfigError(`participant key file not found: ${options.keyFile}`);
    return parseKey(readFileSync(options.keyFile, 'utf8'), options.keyFile);
  }
  if (options.storePath && options.storePath !== ':memory:') {
    const keyFile = `${options.storePath}.key`;
    if (existsSync(keyFile)) return parseKey(readFileSync(keyFile, 'utf8'), keyFile);
    const key = createParticipantKey();
    mkdirSync(path.dirname(path.resolve(keyFile)), { recursive: true });
    writeFileSync(keyFile, `${key.toString('hex')}\n`, { mode: 0o600 });
    return key;
  }
  return createParticipantKey();
}
