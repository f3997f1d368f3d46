/**
 * A fast, conservative stand-in for `ConversationSchema.safeParse` on the objects
 * `finalizeConversation` builds: it answers "certainly valid" only when every field meets the
 * schema's rules (src/model.ts), and then gives back what zod would (the same keys in the same
 * order, records copied one level deep). Anything it is not sure of (an unusual timestamp form, an
 * odd record) is "unsure", and the caller runs zod, so the result never differs from zod's.
 * zod costs a few µs per message on the import path; this costs a fraction of that.
 */
import { type Conversation, type Message, ROLES, SOURCE_FORMATS } from '../model.ts';

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
const SOURCE_SET: ReadonlySet<string> = new Set(SOURCE_FORMATS);
const KEY = /^[0-9a-f]{64}$/;
const PARTICIPANT = /^[0-9a-f]{16,64}$/;
/** The form Date#toISOString writes for years 0000–9999. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two-digit number at `at` (the caller has checked the characters are digits). */
const two = (value: string, at: number) => (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;

/**
 * A UTC timestamp exactly as Date#toISOString writes it (a real Gregorian date, a real time, 4-digit
 * year): such a string always passes `z.iso.datetime({ offset: true })`. Other forms may pass zod too;
 * they are "unsure".
 */
export function isCanonicalIsoTimestamp(value: unknown): boolean {
  if (typeof value !== 'string' || value.length !== 24 || !CANONICAL_ISO.test(value)) return false;
  const year = two(value, 0) * 100 + two(value, 2);
  const month = two(value, 5);
  const day = two(value, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return false;
  return two(value, 11) <= 23 && two(value, 14) <= 59 && two(value, 17) <= 59;
}

/** A plain object whose own keys are all enumerable strings other than `__proto__` (what z.record copies as is). */
function plainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  if (Object.getOwnPropertySymbols(value).length > 0) return false;
  if (Object.hasOwn(value, '__proto__')) return false;
  const names = Object.getOwnPropertyNames(value);
  return names.length === Object.keys(value).length;
}

const nonNegativeInteger = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Own keys of `value` are a subset of `allowed` (zod's object strips others; we stay out of that case). */
function onlyKeys(value: object, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

const MESSAGE_KEYS: ReadonlySet<string> = new Set(['index', 'role', 'text', 'createdAt', 'model', 'meta']);
const ORIGIN_KEYS: ReadonlySet<string> = new Set(['file', 'byteOffset', 'line']);
const CONVERSATION_KEYS: ReadonlySet<string> = new Set([
  'id',
  'key',
  'source',
  'participant',
  'title',
  'createdAt',
  'messages',
  'origin',
  'meta',
]);

/** Keys present with the value undefined: zod's handling of those is not modelled here. */
function hasUndefined(value: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const key of keys) if (key in value && value[key] === undefined) return true;
  return false;
}

function checkMessage(message: unknown): Message | undefined {
  if (typeof message !== 'object' || message === null || Object.getPrototypeOf(message) !== Object.prototype) return undefined;
  const m = message as Record<string, unknown>;
  if (!onlyKeys(m, MESSAGE_KEYS) || hasUndefined(m, ['createdAt', 'model', 'meta'])) return undefined;
  if (!nonNegativeInteger(m.index) || typeof m.role !== 'string' || !ROLE_SET.has(m.role) || typeof m.text !== 'string') {
    return undefined;
  }
  const out: Record<string, unknown> = { index: m.index, role: m.role, text: m.text };
  if ('createdAt' in m) {
    if (!isCanonicalIsoTimestamp(m.createdAt)) return undefined;
    out.createdAt = m.createdAt;
  }
  if ('model' in m) {
    if (typeof m.model !== 'string') return undefined;
    out.model = m.model;
  }
  if ('meta' in m) {
    if (!plainRecord(m.meta)) return undefined;
    out.meta = { ...m.meta };
  }
  return out as Message;
}

/**
 * `ConversationSchema.parse(candidate)` when the candidate is certainly valid; undefined when unsure
 * (the caller then asks zod, which decides and reports).
 */
export function checkConversation(candidate: unknown): Conversation | undefined {
  if (typeof candidate !== 'object' || candidate === null || Object.getPrototypeOf(candidate) !== Object.prototype) {
    return undefined;
  }
  const c = candidate as Record<string, unknown>;
  if (!onlyKeys(c, CONVERSATION_KEYS) || hasUndefined(c, ['title', 'createdAt'])) return undefined;
  if (typeof c.id !== 'string' || c.id.length < 1) return undefined;
  if (typeof c.key !== 'string' || !KEY.test(c.key)) return undefined;
  if (typeof c.source !== 'string' || !SOURCE_SET.has(c.source)) return undefined;
  if (typeof c.participant !== 'string' || !PARTICIPANT.test(c.participant)) return undefined;
  const out: Record<string, unknown> = { id: c.id, key: c.key, source: c.source, participant: c.participant };
  if ('title' in c) {
    if (typeof c.title !== 'string') return undefined;
    out.title = c.title;
  }
  if ('createdAt' in c) {
    if (!isCanonicalIsoTimestamp(c.createdAt)) return undefined;
    out.createdAt = c.createdAt;
  }
  if (!Array.isArray(c.messages) || Object.getPrototypeOf(c.messages) !== Array.prototype) return undefined;
  const messages: Message[] = new Array(c.messages.length);
  for (let i = 0; i < c.messages.length; i++) {
    const message = checkMessage(c.messages[i]);
    if (!message) return undefined;
    messages[i] = message;
  }
  out.messages = messages;
  const origin = c.origin;
  if (typeof origin !== 'object' || origin === null || Object.getPrototypeOf(origin) !== Object.prototype) return undefined;
  const o = origin as Record<string, unknown>;
  if (!onlyKeys(o, ORIGIN_KEYS) || hasUndefined(o, ['byteOffset', 'line']) || typeof o.file !== 'string') return undefined;
  const originOut: Record<string, unknown> = { file: o.file };
  if ('byteOffset' in o) {
    if (!nonNegativeInteger(o.byteOffset)) return undefined;
    originOut.byteOffset = o.byteOffset;
  }
  if ('line' in o) {
    if (!nonNegativeInteger(o.line) || (o.line as number) < 1) return undefined;
    originOut.line = o.line;
  }
  out.origin = originOut;
  if (!plainRecord(c.meta)) return undefined;
  out.meta = { ...c.meta };
  return out as Conversation;
}
