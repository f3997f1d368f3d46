/**
 * silver-labels/: 660 conversations from sibling sets, each labelled with the facet definitions by an
 * LLM annotator (GUIDELINE.md). Conversations are read by the OpenAI-messages importer and joined to
 * labels.jsonl on id. Each row keeps its source's licence: esconv rows are CC BY-NC (evaluation only),
 * the others are permissive.
 */
import { AFFECTIVE_TYPES, type AffectiveType, CRISIS_LEVELS, type CrisisLevel } from '../../facets/definitions.ts';
import type { ConversationItem, ConversationSet, Licence, Loaded } from '../types.ts';
import { absent, asRecord, ingestConversations, type LoadOptions, licenceOf, readJsonLines } from './common.ts';

const FOLDER = 'silver-labels';
const CONVERSATIONS = `${FOLDER}/conversations.jsonl`;
const LABELS = `${FOLDER}/labels.jsonl`;

export interface SilverLabel {
  id: string;
  /** e.g. 'esconv/train.jsonl', 'counsel-chat'. */
  source: string;
  /** The source's dataset folder, e.g. 'esconv'. */
  sourceFolder: string;
  licence: Licence;
  language: string;
  content_creation: boolean;
  affective: AffectiveType[];
  pushback: boolean;
  crisis: CrisisLevel;
  anthropomorphism: boolean;
  /** mean(last3) − mean(first3) of the annotator's sentiments, when the conversation has ≥ 6 user messages. */
  sentimentChange: number | null;
  confidence: string;
}

const mean = (values: unknown): number | null => {
  if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === 'number')) return null;
  return (values as number[]).reduce((sum, value) => sum + value, 0) / values.length;
};

export function parseSilverLabel(value: unknown): SilverLabel | undefined {
  const record = asRecord(value);
  if (typeof record.id !== 'string') return undefined;
  const source = typeof record.source === 'string' ? record.source : '';
  const sourceFolder = source.split('/')[0] ?? '';
  const sentiment = asRecord(record.sentiment);
  const first = mean(sentiment.first3);
  const last = mean(sentiment.last3);
  const crisis = CRISIS_LEVELS.includes(record.crisis as CrisisLevel) ? (record.crisis as CrisisLevel) : 'none';
  return {
    id: record.id,
    source,
    sourceFolder,
    licence: licenceOf(sourceFolder),
    language: typeof record.language === 'string' ? record.language : '',
    content_creation: record.content_creation === true,
    affective: Array.isArray(record.affective)
      ? record.affective.filter((type): type is AffectiveType => AFFECTIVE_TYPES.includes(type as AffectiveType))
      : [],
    pushback: record.pushback === true,
    crisis,
    anthropomorphism: record.anthropomorphism === true,
    sentimentChange: first !== null && last !== null ? last - first : null,
    confidence: typeof record.confidence === 'string' ? record.confidence : '',
  };
}

/** labels.jsonl by conversation id (empty when the folder is absent). */
export function readSilverLabels(options: LoadOptions): Map<string, SilverLabel> {
  const labels = new Map<string, SilverLabel>();
  if (absent(options.root, FOLDER, [LABELS])) return labels;
  for (const value of readJsonLines(options.root, LABELS).records) {
    const label = parseSilverLabel(value);
    if (label) labels.set(label.id, label);
  }
  return labels;
}

export async function loadSilverLabels(options: LoadOptions): Promise<Loaded<ConversationSet<SilverLabel>>> {
  const missing = absent(options.root, FOLDER, [CONVERSATIONS, LABELS]);
  if (missing) return missing;
  const labels = readSilverLabels(options);
  const { conversations } = await ingestConversations(options.root, CONVERSATIONS, 'openai-messages');
  const items: ConversationItem<SilverLabel>[] = [];
  for (const conversation of conversations) {
    const label = labels.get(conversation.id);
    if (label) items.push({ conversation, label });
  }
  return {
    kind: 'conversations',
    folder: FOLDER,
    name: 'silver labels',
    files: [LABELS],
    // The set as a whole mixes licences; rows split by source carry their own.
    licence: 'eval-only',
    total: labels.size,
    items,
    ...(items.length < labels.size ? { note: `${labels.size - items.length} labels without a readable conversation` } : {}),
  };
}
