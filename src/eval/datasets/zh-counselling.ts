/**
 * Chinese counselling dialogues, read by the WildChat/dialogue importer (client = user, counselor =
 * assistant): CPsyCounD (cpsycoun-zh/, LLM-reconstructed from case reports) and the SMILECHAT sample
 * (smilechat-sample/, ChatGPT-expanded from real help-seeking questions). Unlabelled: every dialogue is
 * an affective (counselling) exchange. With `quick`, CPsyCounD is subsampled deterministically to 1,000.
 */
import type { ConversationSet, Loaded } from '../types.ts';
import { absent, ingestConversations, type LoadOptions, licenceOf, note, subsample } from './common.ts';

export const CPSYCOUN_CAP = 1_000;

async function load(
  options: LoadOptions,
  folder: string,
  file: string,
  name: string,
  cap: number | undefined,
): Promise<Loaded<ConversationSet<null>>> {
  const missing = absent(options.root, folder, [file]);
  if (missing) return missing;
  const { conversations, issues } = await ingestConversations(options.root, file, 'wildchat');
  const chosen = subsample(conversations, options.quick ? cap : undefined, (conversation) => `${folder}:${conversation.id}`);
  const remark = note(
    chosen.length < conversations.length && `deterministic subsample of ${chosen.length} of ${conversations.length}`,
    issues > 0 && `${issues} records the importer skipped`,
  );
  return {
    kind: 'conversations',
    folder,
    name,
    files: [file],
    licence: licenceOf(folder),
    total: conversations.length,
    items: chosen.map((conversation) => ({ conversation, label: null })),
    ...(remark ? { note: remark } : {}),
  };
}

export function loadCpsycoun(options: LoadOptions): Promise<Loaded<ConversationSet<null>>> {
  return load(options, 'cpsycoun-zh', 'cpsycoun-zh/CPsyCounD_dialogues.jsonl', 'CPsyCounD', CPSYCOUN_CAP);
}

export function loadSmilechat(options: LoadOptions): Promise<Loaded<ConversationSet<null>>> {
  return load(options, 'smilechat-sample', 'smilechat-sample/smilechat_sample1500.jsonl', 'SMILECHAT sample', undefined);
}
