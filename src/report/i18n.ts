/**
 * Every UI string of the report and the dashboard, in English and Chinese. Numbers are formatted the
 * same way in both languages; only words change. Category keys (types, cues, reasons, metrics) map to labels.
 */
import { ZH, ZH_LABELS } from './i18n-zh.ts';

export type Lang = 'en' | 'zh';
export const LANGS = ['en', 'zh'] as const;

const en = {
  title: 'affectlens report',
  intro: 'Counts and shares only: this report holds no message text, titles or participant ids.',
  run: 'Run',
  backend: 'facet backend',
  suppressed: 'suppressed',
  tableBehind: 'Table behind the chart',
  category: 'category',
  share: 'share',
  interval: '95% interval',
  conversations: 'conversations',
  participants: 'participants',
  method: 'method',
  measure: 'measure',
  count: 'count',
  mean: 'mean',
  none: 'none',
  N: 'N',
  base: 'base',
  baseAll: 'all conversations',
  baseNcc: 'non-content-creation',
  anyAffective: 'any affective type',
  data: 'The data',
  totals: 'Totals',
  messages: 'messages',
  userMessages: 'user messages',
  bySource: 'Conversations by export format',
  byLanguage: 'Conversations by language (languages below the thresholds pooled as “other”)',
  prevalence: 'Type mix: how common affective use is',
  prevalenceNote: 'Share of conversations by affective type (multi-label), on two bases, with 95% intervals.',
  pushback: 'Pushback by type',
  pushbackNote: 'Share of conversations in which the assistant pushes back, by affective type, with 95% intervals.',
  reasons: 'Pushback reasons (base: the group’s pushback conversations)',
  reason: 'reason',
  group: 'group',
  sentiment: 'Sentiment change by type',
  sentimentNote:
    'Mean of (last three − first three) user-message sentiment, conversations with at least {min} user messages; bootstrap 95% intervals ({resamples} resamples).',
  sentimentAxis: 'mean sentiment change (−2 to 2)',
  long: 'Long conversations and drift',
  longNote:
    'Conversations with at least {min} user messages: their share, their type mix, and drift from advice, coaching or counseling (first third) to companionship (last third).',
  longShare: 'long conversations (base: all)',
  drift: 'drift to companionship',
  intensity: 'Intensity of use per participant',
  intensityNote:
    'Distribution over participants: the box spans the 25th–75th percentile, the tick is the median, the dot the mean, the line reaches the 90th percentile. No minimum or maximum is shown (an extreme is one person).',
  cues: 'Crisis, attachment and assistant-behaviour cues by type',
  cuesNote: 'Share of conversations in each group showing the cue.',
  topics: 'Topics per type',
  topicsNote: 'Clusters of what people bring, labelled only with terms used by at least k participants.',
  topicsOff: 'Topics were not computed for this run.',
  methods: 'Methods',
  definitions: 'Facet definitions',
  thresholds: 'Privacy thresholds',
  thresholdsText:
    'Every reported cell covers at least {ku} distinct participants and {kc} conversations. Smaller cells, and cells that would let one be recovered by subtraction, are shown as suppressed.',
  exclusions: 'Exclusions',
  exclusionsText: '{n} of {total} conversations are content creation and are excluded from the non-content-creation base.',
  population: 'Population',
  populationText: '{c} conversations from {p} pseudonymous participants; seed {seed}; generated {date}.',
  redaction: 'Personal data replaced by placeholders before storage (this run)',
  placeholder: 'placeholder',
  validation: 'Validation of the facets (npm run eval)',
  validationNone: 'No evaluation results were available for this run (run `npm run eval`).',
  validationMeta: 'Backend {backend}, commit {commit}, {date}.',
  facet: 'facet',
  metric: 'metric',
  value: 'value',
  baseline: 'baseline',
  dataset: 'dataset',
  limitations: 'Limitations',
  limAssoc: 'The figures are associations within the data: they do not show that a kind of use causes any change in well-being.',
  limNight: 'Night-time means 00:00–05:59 UTC; exports carry no time zone, so local night-time is not known.',
  limFacets: 'Facets are automatic classifications with known error rates (table above); small shares are the most affected.',
  limWeak: 'Weakest measured facet results',
  limSilver: 'Silver labels are careful LLM annotations, not ground truth.',
  limSuppression: 'Suppressed cells are withheld, not zero; with few participants most cells are suppressed.',
  dashboard: 'affectlens dashboard',
  source: 'source',
  from: 'from',
  to: 'to',
  type: 'type',
  all: 'all',
  apply: 'Apply',
  loading: 'loading…',
} as const;
export type UiKey = keyof typeof en;
export type Dict = Record<UiKey, string>;

const LABELS: Record<Lang, Record<string, string>> = {
  en: {
    interpersonal_advice: 'interpersonal advice',
    coaching: 'coaching',
    counseling: 'counseling',
    companionship: 'companionship',
    romantic_sexual_roleplay: 'romantic/sexual role-play',
    not_affective: 'not affective',
  },
  zh: ZH_LABELS,
};

export interface Dictionary {
  lang: Lang;
  /** A UI string, with {name} placeholders filled. */
  t(key: UiKey, values?: Record<string, string | number>): string;
  /** The display label of a category key (type, group, reason, cue, metric). */
  label(key: string): string;
}

export function dictionary(lang: Lang): Dictionary {
  const strings: Dict = lang === 'zh' ? ZH : en;
  return {
    lang,
    t: (key, values = {}) => strings[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)),
    label: (key) => LABELS[lang][key] ?? LABELS.en[key] ?? key.replace(/_/g, ' '),
  };
}
