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
  return isoFromEpochMs(ms);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()` for times in 1970–9999, without the Date object (this runs once per
 * message): the time value is truncated to whole milliseconds as Date does, then the civil date is
 * computed from the day number (H. Hinnant's days→civil algorithm).
 */
export function isoFromEpochMs(ms: number): string {
  const time = Math.trunc(ms);
  if (!(time >= 0 && time < 253402300800000)) return new Date(ms).toISOString();
  const days = Math.floor(time / 86_400_000);
  let rest = time - days * 86_400_000;
  const milliseconds = rest % 1000;
  rest = (rest - milliseconds) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const milli = milliseconds < 10 ? `00${milliseconds}` : milliseconds < 100 ? `0${milliseconds}` : `${milliseconds}`;
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${milli}Z`;
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
