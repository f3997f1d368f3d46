/**
 * hh-rlhf harmless-base (hh-rlhf-harmless/): red-team conversations read by the transcript importer
 * (the `chosen` transcript). Mostly, not entirely, non-affective: its rates are reported, not called
 * false positives.
 */
import type { ConversationSet, Loaded } from '../types.ts';
import { absent, ingestConversations, type LoadOptions, licenceOf } from './common.ts';

const FOLDER = 'hh-rlhf-harmless';
const FILE = `${FOLDER}/harmless-base_test_dev.jsonl`;

export async function loadHhRlhf(options: LoadOptions): Promise<Loaded<ConversationSet<null>>> {
  const missing = absent(options.root, FOLDER, [FILE]);
  if (missing) return missing;
  const { conversations, issues } = await ingestConversations(options.root, FILE, 'transcript');
  return {
    kind: 'conversations',
    folder: FOLDER,
    name: 'hh-rlhf red-team',
    files: [FILE],
    licence: licenceOf(FOLDER),
    total: conversations.length + issues,
    items: conversations.map((conversation) => ({ conversation, label: null })),
    ...(issues > 0 ? { note: `${issues} records the importer skipped` } : {}),
  };
}
