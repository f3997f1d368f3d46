/** Small conversions every importer needs: role names, timestamps, loose text fields. */
import type { Role } from '../model.ts';

const ROLE_ALIASES: Record<string, Role> = {
  user: 'user',
  human: 'user',
  usr: 'user',
  seeker: 'user',
  client: 'user',
  patient: 'user',
  prompter: 'user',
  用户: 'user',
  来访者: 'user',
  求助者: 'user',
  assistant: 'assistant',
  gpt: 'assistant',
  bot: 'assistant',
  ai: 'assistant',
  model: 'assistant',
  chatbot: 'assistant',
  character: 'assistant',
  char: 'assistant',
  sys: 'assistant', // ESConv's "sys" is the supporter, not a system prompt
  supporter: 'assistant',
  counselor: 'assistant',
  counsellor: 'assistant',
  therapist: 'assistant',
  助手: 'assistant',
  咨询师: 'assistant',
  支持者: 'assistant',
  system: 'system',
  developer: 'system',
  tool: 'tool',
  function: 'tool',
  ipython: 'tool',
  observation: 'tool',
};

/** Maps a source's role name to a canonical role; undefined when unknown. */
export function normalizeRole(raw: unknown): Role | undefined {
  if (typeof raw !== 'string') return undefined;
  return ROLE_ALIASES[raw.trim().toLowerCase()];
}

/**
 * Converts epoch seconds, epoch milliseconds or a date string to ISO-8601 UTC.
 * Returns undefined for anything unparseable or implausible (before 1990, after 2100).
 */
export function toIsoTimestamp(value: unknown): string | undefined {
  let ms: number;
  if (typeof value === 'number' && Number.isFinite(value)) {
    ms = value > 1e11 ? value : value * 1000;
  } else if (typeof value === 'string' && value.trim() !== '') {
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return toIsoTimestamp(Number(trimmed));
    ms = Date.parse(trimmed);
  } else {
    return undefined;
  }
  if (!Number.isFinite(ms) || ms < 631152000000 || ms > 4102444800000) return undefined;
  return new Date(ms).toISOString();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, or undefined. Numbers are accepted as ids. */
export function stringField(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Text from a message's content: a string, or an array of parts ({type:'text', text}) / strings. */
export function textFromContent(content: unknown): { text: string; nonText: string[] } | undefined {
  if (typeof content === 'string') return { text: content, nonText: [] };
  if (!Array.isArray(content)) return undefined;
  const texts: string[] = [];
  const nonText: string[] = [];
  for (const part of content) {
    if (typeof part === 'string') texts.push(part);
    else if (isRecord(part)) {
      if (typeof part.text === 'string' && (part.type === undefined || part.type === 'text' || part.type === 'input_text')) {
        texts.push(part.text);
      } else nonText.push(typeof part.type === 'string' ? part.type : 'unknown');
    }
  }
  return { text: texts.join('\n'), nonText };
}
