/**
 * The baselines printed beside every metric: the simplest thing a person would try first. They are
 * deliberately plain (a lexicon library, phrase and keyword lists written here, not tuned on the
 * data sets) so the table shows what the embedded models add.
 *
 * - sentiment (EN): vader-sentiment, compound ≥ 0.05 positive, ≤ −0.05 negative (VADER's own cut-offs).
 * - sentiment (ZH): a tiny hand-written polarity word list (about 40 words each way, simple negation).
 *   It is a strawman, labelled as such: no Chinese affect lexicon exists on npm.
 * - pushback: a refusal-phrase matcher on the assistant's text.
 * - affective / crisis / anthropomorphism / content creation: keyword lists on the user's text.
 * - disclosure: first-person pronoun (+ a feeling word for emotional disclosure).
 */
import { createRequire } from 'node:module';
import type { AffectiveType, CrisisLevel } from '../facets/definitions.ts';
import type { Conversation } from '../model.ts';

interface Vader {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}
const vader = createRequire(import.meta.url)('vader-sentiment') as Vader;

/** A word list written as 'a|b|c'. */
const list = (words: string): readonly string[] => words.split('|');

export type Polarity = 'positive' | 'negative' | 'neutral';

export const polarityOf = (value: number): Polarity => (value > 0 ? 'positive' : value < 0 ? 'negative' : 'neutral');

/** VADER's compound score in [−1, 1]. */
export function vaderCompound(text: string): number {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
}

/** VADER polarity as a signed number: 1, −1 or 0 (|compound| < 0.05). */
export function vaderPolarity(text: string): number {
  const compound = vaderCompound(text);
  return compound >= 0.05 ? 1 : compound <= -0.05 ? -1 : 0;
}

// ---- Chinese polarity word list (baseline only)
const ZH_POSITIVE = list(
  '开心|高兴|快乐|喜欢|爱|幸福|感谢|谢谢|棒|哈哈|满意|期待|温暖|美好|感动|欣慰|可爱|赞|不错|舒服|放心|顺利|成功|漂亮|好看|好吃|厉害|加油|祝福|恭喜|嘻嘻|甜|享受|轻松|愉快|' +
    '兴奋|骄傲|美|好玩|太好了',
);
const ZH_NEGATIVE = list(
  '难过|伤心|生气|讨厌|烦|痛苦|害怕|担心|失望|焦虑|孤独|累|哭|恶心|愤怒|委屈|郁闷|糟糕|后悔|可怜|恨|怕|崩溃|绝望|无聊|气死|心疼|难受|抑郁|烦躁|滚|混蛋|倒霉|惨|尴尬|无奈|' +
    '紧张|不安|吓|该死',
);
const ZH_NEGATORS = ['不', '没', '别', '不太', '没有', '不是'];

/** Signed count of list words (a negator right before a word flips it); −1, 0 or 1. */
export function zhWordListPolarity(text: string): number {
  let score = 0;
  const scan = (words: readonly string[], sign: number) => {
    for (const word of words) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(word, from);
        if (at < 0) break;
        const negated = ZH_NEGATORS.some((negator) => text.slice(Math.max(0, at - negator.length), at) === negator);
        score += negated ? -sign : sign;
        from = at + word.length;
      }
    }
  };
  scan(ZH_POSITIVE, 1);
  scan(ZH_NEGATIVE, -1);
  return Math.sign(score);
}

/** The per-message sentiment baseline: vader for text without Han characters, the word list otherwise. */
export function baselinePolarity(text: string): number {
  return /\p{Script=Han}/u.test(text) ? zhWordListPolarity(text) : vaderPolarity(text);
}

// ---- Phrase and keyword lists
const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** English entries match on word boundaries (case-insensitive); Chinese entries as substrings. */
function matcher(words: readonly string[]): (text: string) => boolean {
  const english = words.filter((word) => !/\p{Script=Han}/u.test(word));
  const chinese = words.filter((word) => /\p{Script=Han}/u.test(word));
  const pattern = english.length > 0 ? new RegExp(`\\b(?:${english.map(escapeRegExp).join('|')})\\b`, 'i') : undefined;
  return (text) => (pattern?.test(text.replace(/\u2019/g, "'")) ?? false) || chinese.some((word) => text.includes(word));
}

export const REFUSAL_PHRASES = list(
  "I can't|I cannot|I can't help|I won't|I will not|I'm not able to|I am not able to|I'm unable to|" +
    "I am unable to|I'm sorry, but|I apologize, but|As an AI|As a language model|" +
    "I don't think it's appropriate|not appropriate|I must decline|I'd rather not|against my|not ethical|" +
    "unethical|illegal|harmful|I can't assist|I'm not comfortable|抱歉|对不起|我不能|我无法|不能帮|作为一个AI|作为AI|作为一个人工智能|" +
    '不合适|违法',
);
const refusalMatch = matcher(REFUSAL_PHRASES);

export function refusalBaseline(assistantText: string): boolean {
  return refusalMatch(assistantText);
}

export const AFFECTIVE_KEYWORDS: Record<AffectiveType, readonly string[]> = {
  interpersonal_advice: list(
    'my boyfriend|my girlfriend|my husband|my wife|my partner|my ex|my mom|my dad|my mother|my father|' +
      'my parents|my friend|my best friend|my boss|my coworker|relationship|breakup|broke up|divorce|crush|' +
      '男朋友|女朋友|老公|老婆|前任|分手|父母|我妈|我爸|朋友|同事|领导|婚姻|恋爱|吵架|离婚|暗恋',
  ),
  coaching: list(
    'motivation|motivated|procrastinate|procrastination|my goal|my goals|confidence|self-esteem|my career|' +
      'stuck in my|discipline|拖延|自信|目标|动力|迷茫|职业规划|自律',
  ),
  counseling: list(
    "I feel|I'm feeling|feel sad|sad|depressed|depression|anxious|anxiety|panic|therapy|therapist|" +
      'stressed|overwhelmed|grief|trauma|hopeless|worthless|cry|crying|难过|焦虑|抑郁|压力|痛苦|崩溃|失眠|心理|伤心|哭|自卑|害怕',
  ),
  companionship: list(
    'lonely|loneliness|alone|no friends|talk to me|be my friend|keep me company|孤独|寂寞|陪我|聊聊天|没有朋友|一个人',
  ),
  romantic_sexual_roleplay: list(
    'be my girlfriend|be my boyfriend|kiss me|I love you|cuddle|babe|darling|做我女朋友|做我男朋友|亲亲|抱抱|宝贝|老公|老婆',
  ),
};
const affectiveMatchers = Object.entries(AFFECTIVE_KEYWORDS).map(
  ([type, words]) => [type as AffectiveType, matcher(words)] as const,
);

/** Keyword-list baseline for the affective types of a user's text (any match = that type). */
export function affectiveBaseline(userText: string): AffectiveType[] {
  return affectiveMatchers.filter(([, match]) => match(userText)).map(([type]) => type);
}

export const CRISIS_RISK_KEYWORDS = list(
  'suicide|suicidal|kill myself|end my life|take my own life|want to die|self-harm|self harm|cut myself|' +
    "cutting myself|hurt myself|overdose|don't want to live|自杀|轻生|不想活|想死|自残|割腕|结束生命|跳楼",
);
export const CRISIS_DISTRESS_KEYWORDS = list(
  "hopeless|can't take it anymore|can't go on|panic attack|breaking down|falling apart|miserable|" +
    'desperate|devastated|绝望|崩溃|受不了|撑不下去|痛苦|活着没意思',
);
const riskMatch = matcher(CRISIS_RISK_KEYWORDS);
const distressMatch = matcher(CRISIS_DISTRESS_KEYWORDS);

export function crisisBaseline(userText: string): CrisisLevel {
  if (riskMatch(userText)) return 'risk';
  if (distressMatch(userText)) return 'distress';
  return 'none';
}

export const ANTHROPOMORPHISM_KEYWORDS = list(
  'do you have feelings|do you feel|are you conscious|are you alive|are you real|I love you|love you|' +
    "my friend|my best friend|you are my friend|you're my friend|miss you|do you miss me|do you love me|" +
    'you understand me|你有感情|你有意识|你爱我|我爱你|想你|你是我的朋友|好朋友|你懂我|陪着我',
);
const anthropomorphismMatch = matcher(ANTHROPOMORPHISM_KEYWORDS);

export function anthropomorphismBaseline(userText: string): boolean {
  return anthropomorphismMatch(userText);
}

export const CONTENT_CREATION_KEYWORDS = list(
  'write a story|write me a story|write a poem|write a song|write an essay|write a blog|write a post|' +
    'write a script|write a letter|write a short story|lyrics|fan fiction|fanfic|translate|rewrite|' +
    'paraphrase|image prompt|midjourney|caption|slogan|写一首|写一篇|写一个故事|写首|写篇|翻译|改写|润色|文案|小说|作文|诗',
);
const contentMatch = matcher(CONTENT_CREATION_KEYWORDS);

export function contentCreationBaseline(userText: string): boolean {
  return contentMatch(userText);
}

const FIRST_PERSON = matcher(['I', "I'm", 'Im', "I've", "I'd", 'me', 'my', 'mine', 'myself', '我']);
const FEELING_WORDS = matcher(
  list(
    'feel|felt|feeling|happy|sad|angry|upset|love|hate|scared|afraid|anxious|lonely|hurt|proud|ashamed|' +
      'glad|excited|worried|depressed|miss|cry|cried|sobbing|grateful|frustrated|jealous|embarrassed|guilty|' +
      'heartbroken|难过|开心|害怕|感觉|觉得|伤心',
  ),
);

/** Emotional disclosure baseline: a first-person pronoun and a feeling word in the same text. */
export function emotionalDisclosureBaseline(text: string): boolean {
  return FIRST_PERSON(text) && FEELING_WORDS(text);
}

/** Informational disclosure baseline: any first-person pronoun. */
export function informationalDisclosureBaseline(text: string): boolean {
  return FIRST_PERSON(text);
}

const userText = (conversation: Conversation) =>
  conversation.messages
    .filter((message) => message.role === 'user')
    .map((message) => message.text)
    .join('\n');

/** The conversation-level baselines, all from the same lists. */
export interface BaselineConversation {
  content_creation: boolean;
  affective: AffectiveType[];
  pushback: boolean;
  crisis: CrisisLevel;
  anthropomorphism: boolean;
  /** vader / word-list sentiment change (mean of the last three minus the first three), ≥ 6 user messages. */
  sentiment_change: number | null;
}

export function baselineConversation(conversation: Conversation): BaselineConversation {
  const text = userText(conversation);
  const users = conversation.messages.filter((message) => message.role === 'user');
  let sentimentChange: number | null = null;
  if (users.length >= 6) {
    const scores = users.map((message) =>
      /\p{Script=Han}/u.test(message.text) ? zhWordListPolarity(message.text) : vaderCompound(message.text),
    );
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    sentimentChange = mean(scores.slice(-3)) - mean(scores.slice(0, 3));
  }
  return {
    content_creation: contentCreationBaseline(text),
    affective: affectiveBaseline(text),
    pushback: conversation.messages.some((message) => message.role === 'assistant' && refusalBaseline(message.text)),
    crisis: crisisBaseline(text),
    anthropomorphism: anthropomorphismBaseline(text),
    sentiment_change: sentimentChange,
  };
}
