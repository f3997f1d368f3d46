/**
 * Participants are never stored by their raw account id: a keyed hash (HMAC-SHA256) replaces it.
 * Without the key the hash cannot be reversed by trying likely ids; with the same key, the same
 * person gets the same pseudonym across runs and exports, so per-participant figures still work.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const PARTICIPANT_KEY_BYTES = 32;

export function createParticipantKey(): Buffer {
  return randomBytes(PARTICIPANT_KEY_BYTES);
}

/** 16 bytes of HMAC-SHA256 as hex: collision-free in practice for any study's size. */
export function pseudonymize(key: Buffer, scope: string, rawId: string): string {
  return createHmac('sha256', key).update(scope).update('\0').update(rawId).digest('hex').slice(0, 32);
}
