/**
 * InternLM / XTuner-style turns (EmoLLM and many Chinese SFT sets): `{system?, input, output}` per
 * exchange. Rewritten to role/content turns so one mapping (turns.ts) handles every dataset:
 * a system string becomes a system message first, input → user, output → assistant.
 */
import { isRecord } from '../normalize.ts';

export interface RoleContentTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** True when the first turn is an input/output pair rather than a role-tagged message. */
export function hasPairTurns(turns: readonly unknown[]): boolean {
  const first = turns[0];
  if (!isRecord(first)) return false;
  const hasRole = ['role', 'speaker', 'from', 'sender'].some((key) => key in first);
  return !hasRole && ('input' in first || 'output' in first);
}

/** The pairs as role/content turns, or why they cannot be read. */
export function pairsToTurns(pairs: readonly unknown[], arrayName: string): RoleContentTurn[] | string {
  const turns: RoleContentTurn[] = [];
  for (const [index, pair] of pairs.entries()) {
    if (!isRecord(pair)) return `${arrayName}[${index}] is not an object`;
    for (const [key, role] of [
      ['system', 'system'],
      ['input', 'user'],
      ['output', 'assistant'],
    ] as const) {
      const value = pair[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') return `${arrayName}[${index}].${key} is not text`;
      if (key === 'system' && value.trim() === '') continue; // an empty system prompt is no message
      turns.push({ role, content: value });
    }
  }
  return turns;
}
