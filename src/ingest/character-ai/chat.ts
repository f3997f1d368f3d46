/**
 * One Character.AI chat (a donation chat, or one `histories` entry of a community dump) mapped to
 * an ImportedConversation. Field names are read liberally because the donation extension's exact
 * output is not public: every alias below comes from the project's format description or from the
 * community dump tools, never from a real donation.
 */
import type { ImportedConversation, ImportedMessage, Role } from '../../model.ts';
import { isRecord, normalizeRole, stringField, textFromContent, toIsoTimestamp } from '../normalize.ts';
import type { ElementResult, ElementWarning } from '../record-readers.ts';

/** What the donation extension writes for a message the donor chose not to share. */
export const DELETED_SOURCE_TEXT = '<message deleted>';
/** What we keep in its place, so turn counts and turn order stay true. */
export const DELETED_PLACEHOLDER = '[message deleted]';

export interface CharacterIdentity {
  name?: string;
  id?: string;
}

/** What the surrounding file tells about a chat: whose it is, with whom, and where it sits. */
export interface ChatContext {
  participantId?: string;
  character: CharacterIdentity;
  /** Used for the fallback id `<participant>:<character>:<index>` when the chat has no id. */
  index: number;
  fileName: string;
}

/** The first of `names` that is present (not undefined / null) on the record. */
export function firstField(record: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) if (record[name] !== undefined && record[name] !== null) return record[name];
  return undefined;
}

/** `character: "Luna"` or `character: {name, external_id}`, plus the flat name / id fields. */
export function characterOf(record: Record<string, unknown>, inherited: CharacterIdentity = {}): CharacterIdentity {
  const raw = firstField(record, ['character', 'char']);
  const nested = isRecord(raw) ? raw : {};
  const name =
    stringField(record.character_name) ??
    (typeof raw === 'string' ? raw : undefined) ??
    stringField(nested.name) ??
    inherited.name;
  const id = stringField(record.character_id) ?? stringField(firstField(nested, ['external_id', 'id'])) ?? inherited.id;
  return { ...(name === undefined ? {} : { name }), ...(id === undefined ? {} : { id }) };
}

export function participantOf(record: Record<string, unknown>): string | undefined {
  const raw = firstField(record, ['participant', 'participant_id', 'donor_id', 'user_id']);
  const id = isRecord(raw) ? stringField(firstField(raw, ['id', 'participant_id'])) : stringField(raw);
  return id === '' ? undefined : id;
}

/** Who wrote a message: an explicit human flag where the source has one, else a name. */
function authorOf(message: Record<string, unknown>): { isHuman?: boolean; name?: string } {
  const flag = firstField(message, ['is_human', 'is_user']);
  const raw = firstField(message, ['author', 'name', 'src']);
  const nested = isRecord(raw) ? raw : {};
  const nestedFlag = nested.is_human;
  const name = typeof raw === 'string' ? raw : (stringField(nested.name) ?? stringField(message.role));
  const isHuman = typeof flag === 'boolean' ? flag : typeof nestedFlag === 'boolean' ? nestedFlag : undefined;
  return { ...(isHuman === undefined ? {} : { isHuman }), ...(name === undefined ? {} : { name }) };
}

const sameName = (left: string | undefined, right: string | undefined) =>
  left !== undefined && right !== undefined && left.trim().toLowerCase() === right.trim().toLowerCase();

/**
 * Role from the author. A name that is neither the character nor a role word is the donor only
 * when the chat has exactly two authors and the other one is the character (a one-to-one chat).
 */
function roleOf(
  author: { isHuman?: boolean; name?: string },
  character: CharacterIdentity,
  donorName?: string,
): Role | undefined {
  if (author.isHuman !== undefined) return author.isHuman ? 'user' : 'assistant';
  if (sameName(author.name, character.name)) return 'assistant';
  if (sameName(author.name, donorName)) return 'user';
  return normalizeRole(author.name);
}

function onlyOtherAuthor(messages: unknown[], character: CharacterIdentity): string | undefined {
  if (character.name === undefined) return undefined;
  const names = new Set<string>();
  for (const message of messages) {
    const name = isRecord(message) ? authorOf(message).name : undefined;
    if (name !== undefined) names.add(name.trim().toLowerCase());
  }
  const others = [...names].filter((name) => !sameName(name, character.name));
  return names.size === 2 && others.length === 1 ? others[0] : undefined;
}

function textOf(message: Record<string, unknown>): string | undefined {
  return textFromContent(firstField(message, ['text', 'content', 'message']))?.text;
}

export function mapCharacterAiChat(chat: unknown, context: ChatContext): ElementResult {
  if (!isRecord(chat)) return { skip: 'wrong-shape', reason: `chat ${context.index} is not an object` };
  const participantId = participantOf(chat) ?? context.participantId;
  const character = characterOf(chat, context.character);
  const ownId = stringField(firstField(chat, ['external_id', 'chat_id', 'id']));
  const id =
    ownId !== undefined && ownId !== ''
      ? ownId
      : `${participantId ?? context.fileName}:${character.id ?? character.name ?? 'character'}:${context.index}`;
  const rawMessages = firstField(chat, ['messages', 'turns', 'msgs']);
  if (!Array.isArray(rawMessages)) return { skip: 'wrong-shape', reason: 'chat has no messages list', conversationId: id };

  const donorName = onlyOtherAuthor(rawMessages, character);
  const messages: ImportedMessage[] = [];
  const warnings: ElementWarning[] = [];
  const counts = { deletedMessages: 0, emptyMessages: 0, unreadableMessages: 0, alternativeMessages: 0 };
  rawMessages.forEach((message: unknown, position: number) => {
    const text = isRecord(message) ? textOf(message) : undefined;
    if (!isRecord(message) || text === undefined) {
      counts.unreadableMessages += 1;
      warnings.push({ code: 'wrong-shape', reason: `message ${position} has no readable text field; left out` });
      return;
    }
    const deleted = text.trim() === DELETED_SOURCE_TEXT;
    if (!deleted && text.trim() === '') {
      counts.emptyMessages += 1;
      return;
    }
    const meta: Record<string, unknown> = {};
    const author = authorOf(message);
    let role = roleOf(author, character, donorName);
    if (role === undefined) {
      // The author's name may be the donor's own name: it goes to meta only, never into the issue.
      warnings.push({ code: 'unknown-role', reason: `message ${position} has an unrecognised author; kept as system` });
      meta.sourceRole = author.name ?? 'none';
      role = 'system';
    }
    if (deleted) {
      counts.deletedMessages += 1;
      meta.placeholder = 'deleted';
    }
    // Dumps mark swipe candidates with is_alternative; whether these were shown is unconfirmed, so they are kept and marked.
    if (message.is_alternative === true) {
      counts.alternativeMessages += 1;
      meta.alternative = true;
    }
    const createdAt = toIsoTimestamp(firstField(message, ['created', 'timestamp', 'create_time', 'created_at']));
    messages.push({
      role,
      text: deleted ? DELETED_PLACEHOLDER : text,
      ...(createdAt === undefined ? {} : { createdAt }),
      ...(Object.keys(meta).length === 0 ? {} : { meta }),
    });
  });

  const conversation: ImportedConversation = { id, messages, meta: { character, ...counts } };
  const title = stringField(chat.title) ?? character.name;
  if (title !== undefined && title !== '') conversation.title = title;
  const createdAt =
    toIsoTimestamp(firstField(chat, ['created', 'created_at', 'create_time', 'timestamp'])) ?? messages[0]?.createdAt;
  if (createdAt !== undefined) conversation.createdAt = createdAt;
  if (participantId !== undefined) conversation.participantId = participantId;
  return { conversation, warnings };
}
