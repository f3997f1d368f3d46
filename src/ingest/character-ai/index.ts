/**
 * Character.AI chats, in two shapes:
 *
 * (a) Data donations from the browser extension of the Stanford/CMU companion well-being study:
 *     per chat a participant id, the character and its messages. Messages the donor did not select
 *     arrive as `<message deleted>`; they are kept as `[message deleted]` placeholders (see chat.ts).
 *     A file is an array of chats, one chat object, or `{participant_id, chats: [...]}`.
 * (b) Community dumps ("CharacterAI Dumper" userscript, CAI Tools "Raw Dump"):
 *     `{info: {character: {name, external_id}}, histories: {histories: [{external_id, created,
 *     msgs: [{src: {name, is_human}, text, is_alternative}]}]}}`. The field names were checked
 *     against the userscript's and CAI Tools' source (they read `histories.histories[].msgs[]`,
 *     `src.is_human`, `src.name`, `text`, `external_id`, `created`); no real dump file was seen.
 *
 * A whole-file object (shapes `{chats}` and the dump) is parsed at once and mapped to several
 * conversations, so such a file must fit in `maxRecordBytes`.
 */
import type { Importer } from '../importer.ts';
import { isRecord } from '../normalize.ts';
import { type ElementResult, readJsonArrayRecords } from '../record-readers.ts';
import { type CharacterIdentity, characterOf, mapCharacterAiChat, participantOf } from './chat.ts';

const MESSAGE_LIST_KEYS = ['messages', 'turns', 'msgs'];
const CHAT_LIST_KEYS = ['chats', 'histories'];

/** The chat list of a whole-file object, if it is one: `{chats: [...]}`, `{histories: [...]}` or a dump. */
function chatListOf(value: Record<string, unknown>): unknown[] | undefined {
  for (const key of CHAT_LIST_KEYS) {
    const list = value[key];
    if (Array.isArray(list)) return list;
    if (isRecord(list) && Array.isArray(list.histories)) return list.histories; // the dump's histories.histories
  }
  return undefined;
}

/** Maps one top-level element: a chat, or a container of chats. `chatCount` numbers chats across the file. */
function mapElement(value: unknown, fileName: string, chatCount: { next: number }): ElementResult | ElementResult[] {
  if (!isRecord(value)) {
    chatCount.next += 1;
    return { skip: 'wrong-shape', reason: 'element is not an object' };
  }
  const chats = chatListOf(value);
  if (chats === undefined) {
    return mapCharacterAiChat(value, { character: {}, index: chatCount.next++, fileName });
  }
  // The dump keeps the character under info.character; a donation container may name it at the top.
  const info = isRecord(value.info) ? value.info : {};
  const character: CharacterIdentity = characterOf(value, characterOf(info));
  const participantId = participantOf(value);
  if (chats.length === 0) return { skip: 'empty-conversation', reason: 'the file holds a chat list with no chats' };
  return chats.map((chat, index) =>
    mapCharacterAiChat(chat, { ...(participantId === undefined ? {} : { participantId }), character, index, fileName }),
  );
}

/** `"key":` outside a JSON string, for any of the keys. */
function hasKey(head: string, keys: readonly string[]): boolean {
  return new RegExp(`(?<!\\\\)"(?:${keys.join('|')})"\\s*:`).test(head);
}

/** Keys that belong to other formats: ChatGPT, Claude, ShareGPT, OpenAI messages. */
function looksLikeOtherFormat(head: string): boolean {
  return (
    hasKey(head, ['mapping', 'chat_messages']) ||
    /"conversations"\s*:\s*\[\s*\{\s*"from"/.test(head) ||
    /"messages"\s*:\s*\[\s*\{\s*"role"/.test(head)
  );
}

export const characterAiImporter: Importer = {
  id: 'character-ai',
  description: 'Character.AI chats: study data donations (deleted messages kept as placeholders) and community dumps',
  participantScope: 'file',
  detect({ name, head }) {
    const start = head.trimStart();
    if (!start.startsWith('[') && !start.startsWith('{')) return 0;
    if (looksLikeOtherFormat(head)) return 0;
    if (hasKey(head, ['histories']) && hasKey(head, ['msgs']) && hasKey(head, ['is_human', 'src'])) return 0.9;
    if (!hasKey(head, MESSAGE_LIST_KEYS) || !hasKey(head, ['character', 'character_name', 'character_id', 'char'])) return 0;
    let score = 0.5;
    if (hasKey(head, ['participant', 'participant_id', 'donor_id', 'user_id'])) score += 0.2;
    if (hasKey(head, ['is_human', 'is_user', 'author', 'src'])) score += 0.1;
    if (head.includes('"<message deleted>"')) score += 0.15;
    if (/character|c\.?ai/i.test(name)) score += 0.05;
    return Math.min(score, 0.95);
  },
  read(file, options) {
    const chatCount = { next: 0 };
    return readJsonArrayRecords(file, options, {
      accept: (value) => isRecord(value) && [...MESSAGE_LIST_KEYS, ...CHAT_LIST_KEYS].some((key) => value[key] !== undefined),
      // `chat_id` names only a chat; `external_id` / `id` only when first, since messages and characters have them too.
      idHint: (headText) =>
        (/"chat_id"\s*:\s*"([^"\\]{1,200})"/.exec(headText) ??
          /^\s*\{\s*"(?:external_id|id)"\s*:\s*"([^"\\]{1,200})"/.exec(headText))?.[1],
      map: (value) => mapElement(value, file.name, chatCount),
    });
  },
};
