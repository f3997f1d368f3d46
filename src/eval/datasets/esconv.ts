/**
 * ESConv (esconv/{valid,train}.jsonl): crowdworker help-seekers with a real personal problem talking to
 * trained supporters, read by the WildChat/dialogue importer (seeker = user, supporter = assistant).
 * Every dialogue is an affective exchange. The seeker rated their emotion intensity (1–5) before and
 * after; drop = initial − final. CC BY-NC: evaluation only.
 */
import type { ConversationSet, Loaded } from '../types.ts';
import { absent, asRecord, ingestConversations, type LoadOptions, licenceOf } from './common.ts';

const FOLDER = 'esconv';

export interface EsconvLabel {
  initial: number | null;
  final: number | null;
  /** initial − final, when both were reported. */
  drop: number | null;
  problem: string;
  emotion: string;
}

const intensity = (value: unknown): number | null => {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : null;
};

export function esconvLabel(meta: Record<string, unknown>): EsconvLabel {
  const seeker = asRecord(asRecord(meta.survey_score).seeker);
  const initial = intensity(seeker.initial_emotion_intensity);
  const final = intensity(seeker.final_emotion_intensity);
  return {
    initial,
    final,
    drop: initial !== null && final !== null ? initial - final : null,
    problem: typeof meta.problem_type === 'string' ? meta.problem_type : '',
    emotion: typeof meta.emotion_type === 'string' ? meta.emotion_type : '',
  };
}

export async function loadEsconv(options: LoadOptions, split: 'valid' | 'train'): Promise<Loaded<ConversationSet<EsconvLabel>>> {
  const file = `${FOLDER}/${split}.jsonl`;
  const missing = absent(options.root, FOLDER, [file]);
  if (missing) return missing;
  const { conversations, issues } = await ingestConversations(options.root, file, 'wildchat');
  return {
    kind: 'conversations',
    folder: FOLDER,
    name: `ESConv ${split}`,
    files: [file],
    licence: licenceOf(FOLDER),
    total: conversations.length + issues,
    items: conversations.map((conversation) => ({ conversation, label: esconvLabel(conversation.meta) })),
    ...(issues > 0 ? { note: `${issues} records the importer skipped` } : {}),
  };
}
