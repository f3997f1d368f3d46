/**
 * Features of the distress model: the user's words (uni- and bigrams, English and jieba-segmented
 * Chinese) plus named cue groups from a small hand-written bilingual lexicon (`cue:hopeless`) and a
 * first-person share bin (`fp:high`) — personal distress is told in the first person, task chat is not.
 * Only USER turns are read: the assistant's empathy must not make a conversation look distressed.
 */
import { addTextFeatures, type Features, normalizeFeatures } from '../linear/features.ts';
import { addTokenFeatures, checkpoint, namedKey, SparseVector } from '../linear/sparse.ts';
import { tokenize } from '../text/tokenize.ts';

/** Caps that keep the model fast on long pasted documents. */
export const MAX_MESSAGE_CHARS = 1200;
export const MAX_TOTAL_CHARS = 4800;

const CUE_GROUPS: Record<string, RegExp> = {
  hopeless:
    /\b(?:hopeless|hopelessness|worthless|pointless|no\s+hope|no\s+future|give\s+up\s+on\s+(?:life|everything)|what's\s+the\s+point)\b|绝望|没有希望|没希望|看不到希望|毫无意义|没有意义|没意义|一无是处|没用的人/,
  depressed:
    /\b(?:depressed|depression|depressive|miserable|numb|empty\s+inside|feel\s+empty|so\s+sad|deeply\s+sad|unhappy)\b|抑郁|郁闷|消沉|麻木|空虚|低落|提不起(?:劲|兴趣|精神)|难过|伤心|悲伤/,
  anxious:
    /\b(?:anxiety|anxious|panic|panicking|panic\s+attacks?|terrified|scared|afraid|fear|worried\s+sick|nervous\s+breakdown)\b|焦虑|恐慌|惊恐|害怕|恐惧|紧张|不安|心慌/,
  crying: /\b(?:cry|crying|cried|cries|tears|sobbing|weep|weeping)\b|哭|泪|流眼泪/,
  lonely:
    /\b(?:lonely|loneliness|alone|isolated|no\s+friends|no\s+one\s+(?:to\s+talk|cares|understands))\b|孤独|寂寞|孤单|没有朋友|没人(?:理解|在乎|关心)|一个人/,
  selfhate:
    /\b(?:hate\s+myself|i'm\s+a\s+failure|i\s+am\s+a\s+failure|disgusted\s+with\s+myself|ashamed|shame|guilt|guilty|useless|not\s+good\s+enough|self[- ]esteem)\b|讨厌自己|恨自己|自卑|羞耻|内疚|愧疚|自责|失败者|没用|废物/,
  overwhelmed:
    /\b(?:overwhelmed|can't\s+cope|cannot\s+cope|can't\s+take\s+it|can't\s+handle|breaking\s+down|breakdown|falling\s+apart|at\s+my\s+limit|exhausted|burn(?:ed|t)?\s*out|stressed|stress)\b|崩溃|撑不住|受不了|承受不了|压力(?:很|太|好)?大|喘不过气|心累|好累|太累|疲惫|扛不住/,
  grief:
    /\b(?:grief|grieving|passed\s+away|died|funeral|loss\s+of\s+my|lost\s+my\s+(?:mom|dad|mother|father|wife|husband|son|daughter|child|baby|friend))\b|去世|过世|离世|走了以后|葬礼|失去了/,
  trauma: /\b(?:trauma|traumatic|ptsd|abused|abuse|assaulted|raped|flashbacks?|nightmares?)\b|创伤|虐待|家暴|被打|性侵|噩梦|阴影/,
  sleep: /\b(?:insomnia|can't\s+sleep|cannot\s+sleep|not\s+sleeping|barely\s+sleep)\b|失眠|睡不着|整夜/,
  pain: /\b(?:unbearable|agony|suffering|torment|in\s+pain|hurts\s+so\s+much)\b|痛苦|煎熬|折磨|难受|心痛|心碎/,
};

const FIRST_PERSON = new Set([
  'i',
  "i'm",
  'im',
  'me',
  'my',
  'myself',
  "i've",
  "i'd",
  "i'll",
  'mine',
  '我',
  '我们',
  '我的',
  '自己',
]);

/**
 * A cheap gate before tokenising: does the user's text contain any distress cue at all? Without one,
 * the model is not run (long task chats cost no segmentation); trained-on scores are unaffected.
 */
export function hasDistressCue(userTexts: readonly string[]): boolean {
  const joined = userSample(userTexts).join('\n').normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'");
  for (const regex of Object.values(CUE_GROUPS)) if (regex.test(joined)) return true;
  return false;
}

function userSample(texts: readonly string[]): string[] {
  const sample: string[] = [];
  let total = 0;
  for (const text of texts) {
    if (total >= MAX_TOTAL_CHARS) break;
    const piece = text.slice(0, Math.min(MAX_MESSAGE_CHARS, MAX_TOTAL_CHARS - total));
    total += piece.length;
    sample.push(piece);
  }
  return sample;
}

/** Features of the user's side of a conversation (or of one post). */
export function distressFeatures(userTexts: readonly string[]): Features {
  const sample = userSample(userTexts);
  const features: Features = new Map();
  let tokens = 0;
  let firstPerson = 0;
  for (const text of sample) {
    const words = tokenize(text);
    tokens += words.length;
    for (const word of words) if (FIRST_PERSON.has(word)) firstPerson++;
    addTextFeatures(features, text, { prefix: 'u', maxTokens: 400 });
  }
  normalizeFeatures(features);
  const joined = sample.join('\n').normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'");
  let cues = 0;
  for (const [group, regex] of Object.entries(CUE_GROUPS)) {
    if (regex.test(joined)) {
      features.set(`cue:${group}`, 0.5);
      cues++;
    }
  }
  if (cues >= 3) features.set('cue:many', 0.5);
  const share = tokens === 0 ? 0 : firstPerson / tokens;
  features.set(share >= 0.08 ? 'fp:high' : share >= 0.03 ? 'fp:mid' : 'fp:low', 0.5);
  return features;
}

const scratch = new SparseVector();
const CUE_ENTRIES = Object.entries(CUE_GROUPS).map(([group, regex]) => [`cue:${group}`, regex] as const);

/**
 * distressFeatures() as a SparseVector (run-time form: same features, order and values), given the
 * lower-cased joined sample when the caller has it. Reused: read it before the next call.
 */
export function distressVector(userTexts: readonly string[], joinedSample?: string): SparseVector {
  checkpoint();
  const sample = userSample(userTexts);
  const vector = scratch.clear();
  let tokens = 0;
  let firstPerson = 0;
  for (const text of sample) {
    const words = tokenize(text);
    tokens += words.length;
    for (const word of words) if (FIRST_PERSON.has(word)) firstPerson++;
    addTokenFeatures(vector, words, 'uw:', 'ub:', 400);
  }
  vector.normalize();
  const joined = joinedSample ?? normalizedSample(sample);
  let cues = 0;
  for (const [name, regex] of CUE_ENTRIES) {
    if (regex.test(joined)) {
      vector.set(namedKey(name), -1, 0.5);
      cues++;
    }
  }
  if (cues >= 3) vector.set(namedKey('cue:many'), -1, 0.5);
  const share = tokens === 0 ? 0 : firstPerson / tokens;
  vector.set(namedKey(share >= 0.08 ? 'fp:high' : share >= 0.03 ? 'fp:mid' : 'fp:low'), -1, 0.5);
  return vector;
}

function normalizedSample(sample: readonly string[]): string {
  return sample.join('\n').normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'");
}

/** hasDistressCue() that also hands back the normalised sample (distressVector reads the same one). */
export function distressCueSample(userTexts: readonly string[]): string | undefined {
  const joined = normalizedSample(userSample(userTexts));
  for (const [, regex] of CUE_ENTRIES) if (regex.test(joined)) return joined;
  return undefined;
}
