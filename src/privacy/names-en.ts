/**
 * English person names, found by the maintained `compromise` library, behind a cheap prefilter.
 *
 * compromise costs ~0.3 ms per call plus ~8 µs per character, far too slow for every message. So:
 * 1. a candidate is a run of capitalised words holding a word that compromise's own lexicon knows
 *    as a first or last name, or a capitalised word after an honorific or a naming cue
 *    ("Dr", "my name is", "named"); most messages have none and never reach compromise;
 * 2. compromise sees only a short window around each candidate (a few words, one sentence),
 *    at most COMPROMISE_CHARS_PER_MESSAGE characters per message, verdicts cached per window text;
 * 3. a compromise person is kept only inside a candidate run (so "Windows" or "SQL" next to a name
 *    are not names), with honorifics and possessives left in the text ("Dr. [NAME]'s").
 * Candidates past the character cap are decided by the lexicon alone (a known name inside a
 * multi-word capitalised run, or after a cue), so long messages are not left unredacted.
 */
import nlp from 'compromise';

export interface Span {
  start: number;
  end: number;
}

const CONTEXT_WORDS = 2;
/** Default characters per message that compromise may see. */
export const COMPROMISE_CHARS_PER_MESSAGE = 100;

interface Lexicon {
  /** First, male or female names. */
  given: Set<string>;
  /** Those plus last names. */
  any: Set<string>;
  /** Every single word in the lexicon (names or not). */
  known: Set<string>;
}

let lexicon: Lexicon | undefined;

/** Single-word entries that compromise's lexicon tags as a first, male, female or last name. */
function lexiconNames(): Lexicon {
  if (lexicon) return lexicon;
  lexicon = { given: new Set(), any: new Set(), known: new Set() };
  const entries = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;
  for (const [word, tag] of Object.entries(entries)) {
    if (word.includes(' ')) continue;
    lexicon.known.add(word);
    const tags = Array.isArray(tag) ? tag.join(',') : tag;
    if (/MaleName|FemaleName|FirstName/.test(tags)) lexicon.given.add(word);
    if (/MaleName|FemaleName|FirstName|LastName/.test(tags)) lexicon.any.add(word);
  }
  return lexicon;
}

/** A run of capitalised words ("Sarah Connor", "Mary-Jane O'Neil"), joined by single spaces. */
const CAPITALISED_RUN =
  /(?<![A-Za-z0-9_'’-])[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?: [A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*)*(?![A-Za-z0-9_])/g;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Dame|Lady|Lord)\.?$/;
const CUE_BEFORE = /(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord)\.?|\b[Nn]ame(?:'s| is| was)|\b[Nn]amed)\s+$/;

interface Candidate {
  run: Span;
  /** "Given-name Surname": the lexicon alone decides, compromise is not asked. */
  certain: boolean;
  /** A lexicon name or a cue: enough to keep a candidate past the compromise budget. */
  lexiconDecides: boolean;
}

function words(run: string): string[] {
  return run.split(' ');
}

/** Words that may precede a name in a capitalised run: greetings and sentence openers. */
const LEAD_WORDS = new Set([
  'dear',
  'hi',
  'hello',
  'hey',
  'thanks',
  'thank',
  'and',
  'but',
  'so',
  'while',
  'when',
  'if',
  'with',
  'for',
  'ask',
  'tell',
  'call',
  'meet',
  'uncle',
  'aunt',
  'cousin',
  'grandma',
  'grandpa',
  'coach',
  'professor',
  'doctor',
  'nurse',
  'officer',
  'captain',
  'father',
  'mother',
  'sister',
  'brother',
  'saint',
  'st',
]);

/** A capitalised word before a name that is not itself part of it: an opener, or an ordinary word compromise knows. */
function isLeadWord(word: string, names: Lexicon): boolean {
  const lower = word.toLowerCase();
  if (LEAD_WORDS.has(lower)) return true;
  const bare = lower.replace(/['’]s$/, '');
  return (names.known.has(lower) || names.known.has(bare)) && !names.any.has(bare);
}

function candidates(text: string, skip: (index: number) => boolean): Candidate[] {
  const names = lexiconNames();
  const found: Candidate[] = [];
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    let start = match.index;
    let parts = words(match[0]);
    // Leading honorifics and openers are context, not the name: "Dr Smith", "Dear Sarah".
    while (parts.length > 1 && (HONORIFIC.test(parts[0]!) || isLeadWord(parts[0]!, names))) {
      start += parts[0]!.length + 1;
      parts = parts.slice(1);
    }
    if (skip(start)) continue;
    const lower = parts.map((word) => word.toLowerCase().replace(/['’]s$/, ''));
    const cue = CUE_BEFORE.test(text.slice(Math.max(0, start - 16), start));
    const knownAt = lower.findIndex((word) => names.any.has(word));
    if (knownAt < 0 && !cue) continue;
    // "Django Oscar": a name after an unknown capitalised word is a product or an organisation.
    if (!cue && knownAt > 0 && !(names.any.has(lower[knownAt]!) && !names.given.has(lower[knownAt]!))) continue;
    // The name: the first word, then up to two words that are names or unknown to the lexicon (surnames).
    let length = 1;
    while (
      length < Math.min(3, parts.length) &&
      !/['’]s$/.test(parts[length - 1]!) &&
      (names.any.has(lower[length]!) || !names.known.has(lower[length]!))
    ) {
      length++;
    }
    const value = parts
      .slice(0, length)
      .join(' ')
      .replace(/['’]s$/, '');
    const sentenceStart = /(?:^|[.!?:]\s+|\n\s*(?:[-*•>]\s+|\d+[.)]\s+)?)$/.test(text.slice(Math.max(0, start - 8), start));
    const given = names.given.has(lower[0]!);
    const certain = cue || (given && (length >= 2 || !sentenceStart));
    found.push({ run: { start, end: start + value.length }, certain, lexiconDecides: certain || length > 1 });
  }
  return found;
}

/** A few words either side of the run, never across a sentence end or a line break. */
function windowAround(text: string, run: Span): Span {
  let from = run.start;
  for (let n = 0; n < CONTEXT_WORDS && from > 0; n++) {
    const space = text.lastIndexOf(' ', from - 2);
    const candidate = space < 0 ? 0 : space + 1;
    const between = text.slice(candidate, from);
    if (/[.!?:;\n]/.test(between.slice(0, -1)) || /\n/.test(between)) break;
    from = candidate;
  }
  let to = run.end;
  for (let n = 0; n < CONTEXT_WORDS && to < text.length; n++) {
    const space = text.indexOf(' ', to + 1);
    const candidate = space < 0 ? text.length : space;
    const between = text.slice(to, candidate);
    if (/[.!?;\n]/.test(between)) {
      const stop = between.search(/[.!?;\n]/);
      to += stop;
      break;
    }
    to = candidate;
  }
  return { start: from, end: Math.max(to, run.end) };
}

interface PersonJson {
  offset: { start: number; length: number };
}

/** compromise's verdicts per window text: the same sentence (quoted, repeated) is tagged once. */
const verdicts = new Map<string, Span[]>();
const MAX_CACHED = 10_000;

/** Person spans compromise finds in `window`, relative to it. */
function compromisePeople(window: string): Span[] {
  const cached = verdicts.get(window);
  if (cached) return cached;
  const people = (nlp(window).people().json({ offset: true }) as PersonJson[]).map((person) => ({
    start: person.offset.start,
    end: person.offset.start + person.offset.length,
  }));
  if (verdicts.size >= MAX_CACHED) verdicts.clear();
  verdicts.set(window, people);
  return people;
}

/** Name spans (absolute offsets) in `text`; `skip` excludes positions (e.g. inside code). */
export function findEnglishNames(
  text: string,
  skip: (index: number) => boolean = () => false,
  charsForCompromise = COMPROMISE_CHARS_PER_MESSAGE,
): Span[] {
  const found = candidates(text, skip);
  if (found.length === 0) return [];
  const spans: Span[] = [];
  let budget = charsForCompromise;
  let covered: Span | undefined;
  for (const candidate of found) {
    if (candidate.certain) {
      spans.push(candidate.run);
      continue;
    }
    if (covered && candidate.run.start >= covered.start && candidate.run.end <= covered.end) continue;
    const window = windowAround(text, candidate.run);
    if (window.end - window.start > budget) {
      if (candidate.lexiconDecides) spans.push(candidate.run);
      continue;
    }
    budget -= window.end - window.start;
    covered = window;
    // Keep only what lies inside a candidate run of this window.
    const runs = found.filter((other) => !other.certain && other.run.start >= window.start && other.run.end <= window.end);
    for (const person of compromisePeople(text.slice(window.start, window.end))) {
      const start = window.start + person.start;
      const end = window.start + person.end;
      for (const other of runs) {
        const from = Math.max(start, other.run.start);
        let to = Math.min(end, other.run.end);
        if (to <= from) continue;
        if (/['’]s$/.test(text.slice(from, to))) to -= 2;
        if (to - from >= 2) spans.push({ start: from, end: to });
      }
    }
  }
  return spans;
}

/** Forgets compromise's cached verdicts (for measurements). */
export function clearNameCache(): void {
  verdicts.clear();
}
