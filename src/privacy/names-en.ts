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
export const CUE_BEFORE = /(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord)\.?|\b[Nn]ame(?:'s| is| was)|\b[Nn]amed)\s+$/;

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

/**
 * What a capitalised run alone decides, whatever surrounds it: where the name starts after leading
 * honorifics and openers, which word the lexicon knows as a name, and how long the name is.
 * Cached per run text (the same words recur in every message).
 */
interface RunShape {
  /** Characters of leading honorifics / openers before the name. */
  offset: number;
  /** Index of the first word the lexicon knows as a name, or -1. */
  knownAt: number;
  /** That word is a given name (a name after an unknown capitalised word is then rejected without a cue). */
  knownIsGiven: boolean;
  /** The first word is a given name. */
  firstIsGiven: boolean;
  /** Words in the name (1–3). */
  length: number;
  /** Characters of the name, without a trailing possessive. */
  valueLength: number;
}

const shapes = new Map<string, RunShape>();
const MAX_SHAPES = 50_000;

function runShape(run: string, names: Lexicon): RunShape {
  const cached = shapes.get(run);
  if (cached) return cached;
  let offset = 0;
  let parts = words(run);
  // Leading honorifics and openers are context, not the name: "Dr Smith", "Dear Sarah".
  while (parts.length > 1 && (HONORIFIC.test(parts[0]!) || isLeadWord(parts[0]!, names))) {
    offset += parts[0]!.length + 1;
    parts = parts.slice(1);
  }
  const lower = parts.map((word) => word.toLowerCase().replace(/['’]s$/, ''));
  const knownAt = lower.findIndex((word) => names.any.has(word));
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
  const shape: RunShape = {
    offset,
    knownAt,
    knownIsGiven: knownAt >= 0 && names.given.has(lower[knownAt]!),
    firstIsGiven: names.given.has(lower[0]!),
    length,
    valueLength: value.length,
  };
  if (shapes.size >= MAX_SHAPES) shapes.clear();
  shapes.set(run, shape);
  return shape;
}

const WHITESPACE = /\s/;
/** What `\s` matches, with the ASCII cases answered without a regular expression. */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code >= 128 && WHITESPACE.test(String.fromCharCode(code));
}
/** CUE_BEFORE's honorifics and naming words by their last character (the `.` after an honorific aside). */
const HONORIFICS_BY_END = new Map<number, readonly string[]>([
  [114 /* r */, ['Mr', 'Dr', 'Sir']],
  [115 /* s */, ['Mrs', 'Ms', 'Miss']],
  [120 /* x */, ['Mx']],
  [102 /* f */, ['Prof']],
  [101 /* e */, ['Dame']],
  [121 /* y */, ['Lady']],
  [100 /* d */, ['Lord']],
]);
const NAMING_BY_END = new Map<number, readonly string[]>([
  [115 /* s */, ["ame's", 'ame is', 'ame was']],
  [100 /* d */, ['amed']],
]);

/** Does one of `words` end at `end` (inclusive) in `text`, inside [from, end]? `naming`: after N or n. */
function endsWithOne(text: string, from: number, end: number, words: readonly string[] | undefined, naming: boolean): boolean {
  if (!words) return false;
  for (const word of words) {
    const start = end - word.length + 1;
    if (naming) {
      const initial = text.charCodeAt(start - 1);
      if (start - 1 < from || (initial !== 78 /* N */ && initial !== 110) /* n */) continue;
    } else if (start < from) continue;
    if (text.startsWith(word, start)) return true;
  }
  return false;
}

/**
 * Does CUE_BEFORE match the 16 characters before `start`? It ends in `\s+$` right after an honorific
 * (optionally with its `.`) or a naming word, so the expression runs only when one of those ends
 * right before the whitespace before `start`.
 */
export function cueBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - 16);
  let at = start - 1;
  if (at < from || !isSpace(text.charCodeAt(at))) return false;
  while (at >= from && isSpace(text.charCodeAt(at))) at--;
  if (at < from) return false;
  const last = text.charCodeAt(at);
  const possible =
    last === 46 /* . */
      ? endsWithOne(text, from, at - 1, HONORIFICS_BY_END.get(text.charCodeAt(at - 1)), false)
      : endsWithOne(text, from, at, HONORIFICS_BY_END.get(last), false) ||
        endsWithOne(text, from, at, NAMING_BY_END.get(last), true);
  return possible && CUE_BEFORE.test(text.slice(from, start));
}

function candidates(text: string, skip: (index: number) => boolean): Candidate[] {
  const names = lexiconNames();
  const found: Candidate[] = [];
  CAPITALISED_RUN.lastIndex = 0;
  for (let match = CAPITALISED_RUN.exec(text); match !== null; match = CAPITALISED_RUN.exec(text)) {
    const shape = runShape(match[0], names);
    const start = match.index + shape.offset;
    // Without a cue, a run is kept only when its first lexicon name opens it or is a surname
    // ("Django Oscar": a given name after an unknown capitalised word is a product or an organisation).
    const needsCue = shape.knownAt < 0 || (shape.knownAt > 0 && shape.knownIsGiven);
    let cue: boolean | undefined;
    if (needsCue) {
      if (!cueBefore(text, start)) continue;
      cue = true;
    }
    if (skip(start)) continue;
    cue ??= cueBefore(text, start);
    const certain =
      cue ||
      (shape.firstIsGiven &&
        (shape.length >= 2 ||
          !/(?:^|[.!?:]\s+|\n\s*(?:[-*•>]\s+|\d+[.)]\s+)?)$/.test(text.slice(Math.max(0, start - 8), start))));
    found.push({
      run: { start, end: start + shape.valueLength },
      certain,
      lexiconDecides: certain || shape.length > 1,
    });
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

/** Forgets compromise's cached verdicts and the cached run shapes (for measurements). */
export function clearNameCache(): void {
  verdicts.clear();
  shapes.clear();
}
