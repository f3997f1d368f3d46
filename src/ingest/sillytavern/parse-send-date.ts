/**
 * SillyTavern writes dates three ways: epoch milliseconds (newer messages), "June 2, 2024 5:13pm"
 * (older message send_date) and "2024-6-2 @17h 13m 05s 123ms" (humanizedISO8601DateTime, used for
 * create_date). The two strings carry no time zone: like Date.parse, we read them in the local zone
 * of the machine running the import. Anything else unparseable → undefined (createdAt left unset).
 */
import { toIsoTimestamp } from '../normalize.ts';

const HUMANIZED_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2}) @(\d{1,2})h (\d{1,2})m (\d{1,2})s(?: (\d{1,3})ms)?$/;

export function parseSillyTavernDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return toIsoTimestamp(value);
  const trimmed = value.trim();
  const humanized = HUMANIZED_ISO.exec(trimmed);
  if (humanized) {
    const [year, month, day, hour, minute, second, millisecond] = humanized.slice(1).map((part) => Number(part ?? 0));
    const date = new Date(year!, month! - 1, day, hour, minute, second, millisecond);
    return toIsoTimestamp(date.getTime());
  }
  // "5:13pm" → "5:13 pm": V8's date parser needs the space.
  return toIsoTimestamp(trimmed.replace(/(\d)(am|pm)$/i, '$1 $2'));
}
