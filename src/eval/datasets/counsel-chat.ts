/**
 * Counsel Chat (counsel-chat/counsel_chat_train_val.csv): questions people asked licensed therapists,
 * one row per answer. Each unique question (title + text) becomes a one-message conversation; the
 * site topic travels as its label (e.g. depression, relationships, self-harm).
 */
import type { ConversationItem, ConversationSet, Loaded } from '../types.ts';
import { absent, buildConversation, type LoadOptions, licenceOf, readCsv } from './common.ts';

const FOLDER = 'counsel-chat';
const FILE = `${FOLDER}/counsel_chat_train_val.csv`;

export interface CounselChatLabel {
  topic: string;
  split: string;
}

export function loadCounselChat(options: LoadOptions): Loaded<ConversationSet<CounselChatLabel>> {
  const missing = absent(options.root, FOLDER, [FILE]);
  if (missing) return missing;
  const rows = readCsv(options.root, FILE);
  const seen = new Set<string>();
  const items: ConversationItem<CounselChatLabel>[] = [];
  for (const row of rows) {
    const id = row.questionID ?? '';
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    const text = [row.questionTitle ?? '', row.questionText ?? ''].filter((part) => part.trim() !== '').join('\n\n');
    const conversation = buildConversation(`counsel-chat:${id}`, [{ role: 'user', text }], 'csv', FILE);
    if (conversation) items.push({ conversation, label: { topic: row.topic ?? '', split: row.split ?? '' } });
  }
  return {
    kind: 'conversations',
    folder: FOLDER,
    name: 'counsel-chat questions',
    files: [FILE],
    licence: licenceOf(FOLDER),
    total: seen.size,
    items,
  };
}
