/**
 * The real ChatGPT export (export-format-samples/chatgpt-real-export-pkuppens/): 192 conversations of
 * one person's task use, read by the ChatGPT importer: the natural non-affective baseline. 100 of them
 * carry silver labels (silver-labels/, id `chatgpt-export:<conversation id>`), joined here.
 */
import type { ConversationSet, Loaded } from '../types.ts';
import { absent, ingestConversations, type LoadOptions, licenceOf } from './common.ts';
import { readSilverLabels, type SilverLabel } from './silver-labels.ts';

const FOLDER = 'export-format-samples';
const FILE = `${FOLDER}/chatgpt-real-export-pkuppens/conversations.json`;
export const SILVER_PREFIX = 'chatgpt-export:';

export interface ChatgptExportLabel {
  silver?: SilverLabel;
}

export async function loadChatgptExport(options: LoadOptions): Promise<Loaded<ConversationSet<ChatgptExportLabel>>> {
  const missing = absent(options.root, FOLDER, [FILE]);
  if (missing) return missing;
  const { conversations, issues } = await ingestConversations(options.root, FILE, 'chatgpt');
  const silver = readSilverLabels(options);
  const items = conversations.map((conversation) => {
    const label = silver.get(`${SILVER_PREFIX}${conversation.id}`);
    return { conversation, label: label ? { silver: label } : {} };
  });
  const labelled = items.filter((item) => item.label.silver).length;
  return {
    kind: 'conversations',
    folder: FOLDER,
    name: 'ChatGPT export (real)',
    files: [FILE],
    licence: licenceOf(FOLDER),
    total: conversations.length + issues,
    items,
    note: `${labelled} with silver labels`,
  };
}
