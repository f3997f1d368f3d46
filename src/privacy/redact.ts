/**
 * Redaction at import: personal data in message text is replaced by typed placeholders
 * (`[EMAIL]`, `[PHONE]`, …) before the text is stored, classified or sent anywhere.
 *
 * Detectors run one after another on the text as the previous ones left it, most specific first
 * (URL before e-mail before IP before ids before cards before phones …), so a span is claimed once.
 * Each is a regular expression plus a check (Luhn, the resident-id checksum, SSN ranges, digit
 * counts, a bare-origin rule for URLs) that keeps version numbers, dates, prices, hashes and order
 * numbers out. Text outside a redacted span is kept byte for byte; placeholders are never matched,
 * so redacting redacted text changes nothing. See docs/privacy.md for what is found and what is missed.
 */
import { COMPROMISE_CHARS_PER_MESSAGE, findEnglishNames, type Span } from './names-en.ts';
import { findChineseNames } from './names-zh.ts';
import { cardValid, cnResidentIdValid, digitCount, ipv4Redactable, ssnValid } from './pii-checks.ts';

export const PII_TYPES = ['URL', 'EMAIL', 'IP', 'ID', 'CARD', 'PHONE', 'HANDLE', 'ADDRESS', 'NAME'] as const;
export type PiiType = (typeof PII_TYPES)[number];

export type RedactionCounts = Partial<Record<PiiType, number>>;

export interface RedactResult {
  text: string;
  counts: RedactionCounts;
}

export interface Redactor {
  redact(text: string): RedactResult;
}

export interface RedactorOptions {
  /** The types to redact (default: all). */
  types?: readonly PiiType[];
  /**
   * Characters per message that compromise may tag for English names (default 100, ~1 ms);
   * 0 decides English names by compromise's name lexicon alone (faster, fewer names found).
   */
  compromiseCharsPerMessage?: number;
}

export function placeholder(type: PiiType): string {
  return `[${type}]`;
}

/** A placeholder already in the text: never matched, never counted. */
const PLACEHOLDER = new RegExp(`\\[(?:${PII_TYPES.join('|')})\\]`, 'g');

interface Detector {
  type: PiiType;
  /** Cheap test on the whole text; false skips the detector. */
  applies(text: string, facts: TextFacts): boolean;
  find(text: string, context: TextContext, facts: TextFacts): Span[];
}

/**
 * Character-class facts about one version of a text, each computed once on first use: several
 * detectors ask the same question ("any digit?"), and a text without the characters a detector's
 * patterns require cannot match them, so the detector is skipped without running its expressions.
 */
export class TextFacts {
  private digitCache: boolean | undefined;
  private upperCache: boolean | undefined;
  private hanCache: boolean | undefined;

  constructor(readonly text: string) {}

  /** Any ASCII digit (what `\d` matches). */
  get digit(): boolean {
    this.digitCache ??= /\d/.test(this.text);
    return this.digitCache;
  }

  /** Any A–Z. */
  get upper(): boolean {
    this.upperCache ??= /[A-Z]/.test(this.text);
    return this.upperCache;
  }

  /** Any CJK unified ideograph (U+4E00–U+9FFF). */
  get han(): boolean {
    this.hanCache ??= /[\u4e00-\u9fff]/.test(this.text);
    return this.hanCache;
  }
}

/** Per-text facts a detector may need: where fenced or inline code is. */
interface TextContext {
  inCode(index: number): boolean;
}

function codeRanges(text: string): Span[] {
  if (!text.includes('`')) return [];
  const ranges: Span[] = [];
  for (const match of text.matchAll(/```[\s\S]*?(?:```|$)|`[^`\n]+`/g))
    ranges.push({ start: match.index, end: match.index + match[0].length });
  return ranges;
}

function contextFor(text: string): TextContext {
  let ranges: Span[] | undefined;
  return {
    inCode(index) {
      ranges ??= codeRanges(text);
      return ranges.some((range) => index >= range.start && index < range.end);
    },
  };
}

/** Spans of every match of `pattern` that `keep` accepts; `keep` may narrow the span (return a Span). */
function regexSpans(text: string, pattern: RegExp, keep: (match: RegExpExecArray) => boolean | Span = () => true): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const verdict = keep(match);
    if (verdict === true) spans.push({ start: match.index, end: match.index + match[0].length });
    else if (verdict !== false) spans.push(verdict);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return spans;
}

// ---------------------------------------------------------------- URL
const URL_CHARS = '[^\\s<>"\'`\\[\\]{}|\\\\^\\u0080-\\uffff]';
const COMMON_TLDS =
  'com|org|net|edu|gov|io|dev|ai|app|co|me|info|biz|xyz|ly|gl|gg|tv|cc|nl|be|de|fr|uk|us|ca|au|cn|hk|tw|jp|kr|in|ru|es|it|ch|at|se|no|dk|fi|pl|br|mx|eu|site|online|store|tech|blog|page|link|sh|so|to|fm';
const URL_WITH_SCHEME = new RegExp(`\\b(?:https?|ftp)://${URL_CHARS}+`, 'gi');
const URL_NO_SCHEME = new RegExp(
  `(?<![\\w@./:-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${COMMON_TLDS})(?::\\d{2,5})?/${URL_CHARS}+`,
  'gi',
);

/** Drops trailing sentence punctuation and an unbalanced closing bracket from a URL match. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) break;
    if ('.,;:!?*'.includes(last)) end--;
    else if (last === ')') {
      const body = url.slice(0, end);
      if ((body.match(/\(/g)?.length ?? 0) < (body.match(/\)/g)?.length ?? 0)) end--;
      else break;
    } else break;
  }
  return url.slice(0, end);
}

/** A bare origin (scheme, host, port, at most "/") identifies no one; anything with a path, query, fragment or login may. */
function isBareOrigin(url: string): boolean {
  return /^(?:(?:https?|ftp):\/\/)?[^/?#@]+\/?$/i.test(url);
}

const urlDetector: Detector = {
  type: 'URL',
  applies: (text) => text.includes('/') && (text.includes('://') || /[a-z]\.[a-z]{2,}(?::\d+)?\//i.test(text)),
  find(text) {
    const keep = (match: RegExpExecArray): boolean | Span => {
      const url = trimUrl(match[0]);
      if (isBareOrigin(url)) return false;
      return { start: match.index, end: match.index + url.length };
    };
    return [...regexSpans(text, URL_WITH_SCHEME, keep), ...regexSpans(text, URL_NO_SCHEME, keep)];
  },
};

// ---------------------------------------------------------------- EMAIL
const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;
const emailDetector: Detector = {
  type: 'EMAIL',
  applies: (text) => text.includes('@'),
  find: (text) => regexSpans(text, EMAIL),
};

// ---------------------------------------------------------------- IP
const IP_HINT = /\d\.\d|:[\da-f]*:/i;
/** IP_HINT, after the cheap part: `\d\.\d` needs a digit and a dot, `:[\da-f]*:` a colon. */
export function ipMayAppear(text: string, facts: TextFacts): boolean {
  return ((facts.digit && text.includes('.')) || text.includes(':')) && IP_HINT.test(text);
}
const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?(?![\w:])/g;
const ipDetector: Detector = {
  type: 'IP',
  applies: ipMayAppear,
  find(text) {
    const spans = /\d\.\d/.test(text)
      ? regexSpans(
          text,
          IPV4,
          // "version 1.2.3.4" is a version, not an address.
          (match) =>
            ipv4Redactable(match[0]) &&
            !/(?:version|ver\.?|release|build|v)\s*$/i.test(text.slice(Math.max(0, match.index - 10), match.index)),
        )
      : [];
    if (text.includes('::') || /[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/i.test(text)) {
      spans.push(
        ...regexSpans(text, IPV6_CANDIDATE, (match) => {
          const value = match[0].replace(/%\w+$/, '');
          if (!isIPv6(value) || value === '::' || value === '::1') return false;
          // At least three groups and a digit: keeps C++ "a::b" and times like 12:30:45 out.
          return value.split(':').filter((group) => group !== '').length >= 3 && /\d/.test(value);
        }),
      );
    }
    return spans;
  },
};

function isIPv6(value: string): boolean {
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? all.length <= 7 : all.length === 8;
}

// ---------------------------------------------------------------- ID (national ids)
const CN_RESIDENT_ID = /(?<![\w-])[1-9]\d{5} ?\d{8} ?\d{3}[\dXx](?![\w-])/g;
const SSN_DASHED = /(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-]|\.\d)/g;
const SSN_CUED =
  /\b(?:SSN|social security(?: number)?)(?:\s*(?:is|was|#|:|no\.?|number)){0,2}\s*(\d{9}|\d{3} \d{2} \d{4})(?!\w)/gi;
const idDetector: Detector = {
  type: 'ID',
  applies: (_text, facts) => facts.digit,
  find(text) {
    const spans = regexSpans(text, CN_RESIDENT_ID, (match) => cnResidentIdValid(match[0].replace(/ /g, '')));
    spans.push(...regexSpans(text, SSN_DASHED, (match) => ssnValid(match[1]!, match[2]!, match[3]!)));
    spans.push(
      ...regexSpans(text, SSN_CUED, (match) => {
        const digits = match[1]!.replace(/ /g, '');
        if (!ssnValid(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5))) return false;
        const start = match.index + match[0].length - match[1]!.length;
        return { start, end: start + match[1]!.length };
      }),
    );
    return spans;
  },
};

// ---------------------------------------------------------------- CARD
const CARD = /(?<![\w+.,-])\d(?:[ -]?\d){12,18}(?![\w]|[.,-]\d)/g;
const cardDetector: Detector = {
  type: 'CARD',
  applies: (_text, facts) => facts.digit,
  find: (text) =>
    regexSpans(text, CARD, (match) => {
      const separators = match[0].match(/[ -]/g);
      // One kind of separator at most: "4111 1111-1111 1111" is not how anyone writes a card.
      if (separators && new Set(separators).size > 1) return false;
      return cardValid(match[0].replace(/[ -]/g, ''));
    }),
};

// ---------------------------------------------------------------- PHONE
const AFTER_NUMBER = '(?![\\w]|[.,/-]\\d)';
/** +CC then groups: +44 20 7946 0958, +1 (555) 010-0199, +86 138-0013-8000, +31 6-41047445. */
const PHONE_INTERNATIONAL = new RegExp(`(?<![\\w+)])\\+[1-9]\\d{0,2}(?:[ .-]?\\(?\\d{1,5}\\)?){1,6}${AFTER_NUMBER}`, 'g');
/** North American: (555) 010-0199, 555-010-0199, 555.010.0199, 1-800-555-0199. */
const PHONE_NANP = new RegExp(`(?<![\\w+.-])(?:1[ .-]?)?(?:\\(\\d{3}\\)[ .-]?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}${AFTER_NUMBER}`, 'g');
/** Chinese mobile: 13800138000, 138 0013 8000, 138-0013-8000. */
const PHONE_CN_MOBILE = new RegExp(`(?<![\\w+.-])1[3-9]\\d(?:[ -]?\\d{4}){2}${AFTER_NUMBER}`, 'g');
/** Trunk-prefixed national numbers: 010-12345678, 0755-1234567, (010) 12345678, 020 7946 0958, 06-49294092. */
const PHONE_TRUNK = new RegExp(`(?<![\\w+.,/-])(?:\\(0\\d{1,3}\\) ?|0\\d{1,3}[ -])\\d{3,4}[ -]?\\d{3,4}${AFTER_NUMBER}`, 'g');
const phoneDetector: Detector = {
  type: 'PHONE',
  applies: (_text, facts) => facts.digit,
  find(text) {
    const spans: Span[] = [];
    if (text.includes('+')) {
      spans.push(
        ...regexSpans(text, PHONE_INTERNATIONAL, (match) => {
          const digits = digitCount(match[0]);
          if (digits < 8 || digits > 15) return false;
          // Digits only as single characters (+1 2 3 4 5 6 7 8) are arithmetic, not a number.
          return /\d{2}/.test(match[0]);
        }),
      );
    }
    const claimed = (start: number) => spans.some((span) => start >= span.start && start < span.end);
    for (const pattern of [PHONE_NANP, PHONE_CN_MOBILE, PHONE_TRUNK]) {
      spans.push(
        ...regexSpans(text, pattern, (match) => {
          if (claimed(match.index)) return false;
          const digits = digitCount(match[0]);
          return digits >= 9 && digits <= 12;
        }),
      );
    }
    return spans;
  },
};

// ---------------------------------------------------------------- HANDLE
const HANDLE = /(?<![\w.@/\\`|${-])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@/(-]|\.\w)/g;
/** At-words that are code or markup, not people: decorators, annotations, JSDoc tags, CSS at-rules. */
const AT_WORDS = new Set(
  (
    'property staticmethod classmethod abstractmethod override overload param params returns return throws type typedef ' +
    'template example see link since deprecated author version todo ts-ignore media import keyframes font-face supports ' +
    'charset namespace page layer container tailwind apply use forward mixin include extend each if else function echo ' +
    'interface implementation end synthesize protocol objc dataclass pytest fixture login_required csrf_exempt api_view ' +
    'app router component injectable input output viewchild hostlistener ngmodule directive pipe autowired bean entity ' +
    'table column id test before after beforeeach aftereach getmapping postmapping requestmapping restcontroller ' +
    'controller service repository configuration springbootapplication suppresswarnings functionalinterface nullable ' +
    'nonnull notnull valid transactional slot props emit click submit everyone here channel all latest next types'
  ).split(' '),
);
const handleDetector: Detector = {
  type: 'HANDLE',
  applies: (text) => text.includes('@'),
  find: (text, context) =>
    regexSpans(text, HANDLE, (match) => {
      if (AT_WORDS.has(match[1]!.toLowerCase())) return false;
      if (/^\d+$/.test(match[1]!)) return false; // "@ 3 pm"-style counts and times
      if (context.inCode(match.index)) return false;
      // A decorator: alone at the start of a line.
      const lineStart = text.lastIndexOf('\n', match.index - 1) + 1;
      if (/^\s*$/.test(text.slice(lineStart, match.index)) && /^\s*(?:\n|$)/.test(text.slice(match.index + match[0].length))) {
        return false;
      }
      return true;
    }),
};

// ---------------------------------------------------------------- ADDRESS
const STREET_SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Crescent|Close|Alley';
const EN_ADDRESS = new RegExp(
  `(?<![\\w.,-])\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?\\s+(?:(?:[NSEW]\\.?|North|South|East|West)\\s+)?` +
    `(?:(?:\\p{Lu}[\\p{Ll}'’]+|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}(?:${STREET_SUFFIX})\\b` +
    `(?:,?\\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\\.?\\s*#?[A-Za-z0-9-]{1,6}\\b)?` +
    `(?:,\\s*\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+){0,2},?\\s+[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?\\b)?`,
  'gu',
);
const HAN = '\\p{Script=Han}';
const ZH_ADMIN = `(?:[${HAN}]{2,8}?(?:省|自治区))?(?:[${HAN}]{2,8}?市)?(?:[${HAN}]{1,8}?(?:区|县|旗|镇|乡))?`;
const ZH_NUM = '[0-9０-９一二三四五六七八九十百]';
const ZH_BUILDING = `(?:\\s*${ZH_NUM}{1,4}\\s*(?:号楼|栋|幢|座|期))?(?:\\s*${ZH_NUM}{1,3}\\s*单元)?(?:\\s*${ZH_NUM}{1,5}\\s*(?:室|房|号房))?`;
const ZH_ADDRESS = new RegExp(
  `${ZH_ADMIN}(?:` +
    `[${HAN}0-9]{1,12}?(?:大道|大街|路|街|巷|胡同|弄)\\s*${ZH_NUM}{1,5}(?:-\\d{1,5})?\\s*号(?:院)?${ZH_BUILDING}` +
    `|[${HAN}]{1,10}?(?:小区|花园|公寓|大厦|家园|苑|新村)\\s*${ZH_NUM}{1,4}\\s*(?:号楼|栋|幢|座)(?:\\s*${ZH_NUM}{1,3}\\s*单元)?(?:\\s*${ZH_NUM}{1,5}\\s*(?:室|房|号))?` +
    `)`,
  'gu',
);
const ZH_KEYWORD = /省|自治区|市|区|县|旗|镇|乡|大道|大街|路|街|巷|胡同|弄|小区|花园|公寓|大厦|家园|苑|新村/;
/** Characters that come before an address, not in it: 我住在… / 地址是… / 寄到… */
const ZH_LEAD = /[在到是住址于的从去往了和与跟我你他她们家叫过近边旁：:，,、。！？\s]/gu;

/** A leftmost match may start at the sentence (我住在北京市…): cut it after the last lead-in character. */
function trimChineseAddress(match: RegExpExecArray): Span | false {
  const value = match[0];
  const keyword = ZH_KEYWORD.exec(value);
  if (!keyword) return false;
  let cut = 0;
  for (const lead of value.slice(0, keyword.index).matchAll(ZH_LEAD)) cut = lead.index + lead[0].length;
  if (cut >= keyword.index) return false; // nothing names the place: "在路5号"
  return { start: match.index + cut, end: match.index + value.length };
}

const addressDetector: Detector = {
  type: 'ADDRESS',
  applies: (text, facts) => facts.digit || (facts.han && /[号栋幢]/.test(text)),
  find(text, _context, facts) {
    const spans: Span[] = [];
    if (facts.digit && /\d[A-Za-z]?\s+\S/.test(text)) spans.push(...regexSpans(text, EN_ADDRESS));
    if (facts.han && /[号栋幢座室]/.test(text)) spans.push(...regexSpans(text, ZH_ADDRESS, trimChineseAddress));
    return spans;
  },
};

// ---------------------------------------------------------------- NAME
const nameDetector = (charsForCompromise: number): Detector => ({
  type: 'NAME',
  applies: () => true,
  find(text, context, facts) {
    const spans = facts.upper ? findEnglishNames(text, (index) => context.inCode(index), charsForCompromise) : [];
    if (facts.han) spans.push(...findChineseNames(text));
    return spans;
  },
});

const DETECTORS: readonly Detector[] = [
  urlDetector,
  emailDetector,
  ipDetector,
  idDetector,
  cardDetector,
  phoneDetector,
  handleDetector,
  addressDetector,
];

/** Replaces the accepted spans (sorted, non-overlapping, never inside a placeholder) in one pass. */
function applySpans(text: string, spans: Span[], type: PiiType): { text: string; count: number } {
  if (spans.length === 0) return { text, count: 0 };
  const protectedSpans = regexSpans(text, PLACEHOLDER);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  let count = 0;
  for (const span of spans) {
    if (span.start < at || span.end <= span.start) continue;
    if (protectedSpans.some((p) => span.start < p.end && p.start < span.end)) continue;
    out += text.slice(at, span.start) + placeholder(type);
    at = span.end;
    count++;
  }
  return { text: out + text.slice(at), count };
}

const MAX_NAME_PASSES = 16;

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const enabled = new Set<PiiType>(options.types ?? PII_TYPES);
  const detectors = [...DETECTORS, nameDetector(options.compromiseCharsPerMessage ?? COMPROMISE_CHARS_PER_MESSAGE)].filter(
    (detector) => enabled.has(detector.type),
  );
  return {
    redact(input: string): RedactResult {
      let text = input;
      let facts = new TextFacts(text);
      const counts: RedactionCounts = {};
      for (const detector of detectors) {
        // Names run to a fixpoint: compromise sees a capped number of characters per pass, and a
        // name found in one pass frees the budget for the next, so stopping early would break idempotence.
        const passes = detector.type === 'NAME' ? MAX_NAME_PASSES : 1;
        for (let pass = 0; pass < passes; pass++) {
          if (!detector.applies(text, facts)) break;
          const result = applySpans(text, detector.find(text, contextFor(text), facts), detector.type);
          if (result.count === 0) break;
          text = result.text;
          facts = new TextFacts(text);
          counts[detector.type] = (counts[detector.type] ?? 0) + result.count;
        }
      }
      return { text, counts };
    },
  };
}

/** Adds one result's counts into a running total (for the run summary). */
export function addCounts(total: RedactionCounts, counts: RedactionCounts): RedactionCounts {
  for (const [type, count] of Object.entries(counts) as [PiiType, number][]) total[type] = (total[type] ?? 0) + count;
  return total;
}
