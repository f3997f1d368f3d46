/**
 * ChatGPT "Export data" conversations.json: an array of conversations, each a `mapping` tree of
 * message nodes. Regenerated answers and edited prompts make branches; the branch the user last
 * saw ends at `current_node`, so we walk parent links from there back to the root.
 * Hidden scaffolding (system prompts, custom instructions, tool calls addressed to a tool) is
 * dropped; non-text content (code, browsing, images, reasoning) is counted in meta, never
 * treated as user text.
 */
import type { ImportedConversation, ImportedMessage } from '../../model.ts';
import type { Importer } from '../importer.ts';
import { isRecord, normalizeRole, stringField, toIsoTimestamp } from '../normalize.ts';
import { type ElementResult, readJsonArrayRecords } from '../record-readers.ts';

/** Content types whose parts are text a person saw. */
const TEXT_CONTENT_TYPES = new Set(['text', 'multimodal_text']);

interface MappingNode {
  parent?: unknown;
  children?: unknown;
  message?: unknown;
}

/** Follows parent links from `current_node` to the root; returns root→leaf order or a reason. */
function visibleBranch(mapping: Record<string, unknown>, currentNode: string): string[] | string {
  const path: string[] = [];
  const visited = new Set<string>();
  let nodeId: string | undefined = currentNode;
  while (nodeId !== undefined) {
    if (visited.has(nodeId)) return `mapping has a cycle at node ${nodeId}`;
    visited.add(nodeId);
    const node: unknown = mapping[nodeId];
    if (!isRecord(node)) return `mapping has no node ${nodeId}`;
    path.push(nodeId);
    const parent: unknown = (node as MappingNode).parent;
    if (parent === null || parent === undefined) nodeId = undefined;
    else if (typeof parent === 'string') nodeId = parent;
    else return `node ${nodeId} has an invalid parent`;
  }
  return path.reverse();
}

/** The leaf to use when an (old) export has no current_node: the newest leaf. */
function newestLeaf(mapping: Record<string, unknown>): string | undefined {
  let best: string | undefined;
  let bestTime = -Infinity;
  for (const [id, node] of Object.entries(mapping)) {
    if (!isRecord(node)) continue;
    const children = node.children;
    if (Array.isArray(children) && children.length > 0) continue;
    const message = node.message;
    const time = isRecord(message) && typeof message.create_time === 'number' ? message.create_time : 0;
    if (time >= bestTime) {
      best = id;
      bestTime = time;
    }
  }
  return best;
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function mapChatgptConversation(value: unknown): ElementResult {
  if (!isRecord(value)) return { skip: 'wrong-shape', reason: 'element is not an object' };
  const id = stringField(value.conversation_id) ?? stringField(value.id);
  if (id === undefined) return { skip: 'wrong-shape', reason: 'conversation has no id' };
  const mapping = value.mapping;
  if (!isRecord(mapping)) return { skip: 'broken-tree', reason: 'conversation has no mapping object', conversationId: id };
  const current = typeof value.current_node === 'string' ? value.current_node : newestLeaf(mapping);
  if (current === undefined) return { skip: 'broken-tree', reason: 'mapping has no leaf node', conversationId: id };
  const branch = visibleBranch(mapping, current);
  if (typeof branch === 'string') return { skip: 'broken-tree', reason: branch, conversationId: id };

  const messages: ImportedMessage[] = [];
  const nonTextContent: Record<string, number> = {};
  const warnings: { code: 'unknown-role'; reason: string }[] = [];
  let hiddenMessages = 0;
  let toolCalls = 0;
  for (const nodeId of branch) {
    const message = (mapping[nodeId] as MappingNode).message;
    if (!isRecord(message)) continue; // the root node has no message
    const author = isRecord(message.author) ? message.author : {};
    const metadata = isRecord(message.metadata) ? message.metadata : {};
    const content = isRecord(message.content) ? message.content : {};
    const contentType = typeof content.content_type === 'string' ? content.content_type : 'unknown';
    const rawRole = author.role;
    if (metadata.is_visually_hidden_from_conversation === true) {
      hiddenMessages += 1;
      continue;
    }
    if (!TEXT_CONTENT_TYPES.has(contentType)) {
      increment(nonTextContent, contentType);
      continue;
    }
    const recipient = typeof message.recipient === 'string' ? message.recipient : 'all';
    if (rawRole === 'assistant' && recipient !== 'all') {
      toolCalls += 1; // an invisible call to a tool (browser, python, dalle)
      continue;
    }
    const texts: string[] = [];
    const attachments: string[] = [];
    for (const part of Array.isArray(content.parts) ? content.parts : []) {
      if (typeof part === 'string') texts.push(part);
      else if (isRecord(part)) {
        const partType = typeof part.content_type === 'string' ? part.content_type : 'object';
        attachments.push(partType);
        increment(nonTextContent, partType);
      }
    }
    const text = texts.join('\n');
    let role = normalizeRole(rawRole);
    if (role === 'system' && text.trim() === '') {
      hiddenMessages += 1;
      continue;
    }
    if (text.trim() === '' && attachments.length === 0) continue; // empty placeholder turns
    const meta: Record<string, unknown> = {};
    if (attachments.length > 0) meta.attachments = attachments;
    if (role === undefined) {
      warnings.push({ code: 'unknown-role', reason: `unknown author role "${String(rawRole)}" kept as system` });
      meta.sourceRole = String(rawRole);
      role = 'system';
    }
    const createdAt = toIsoTimestamp(message.create_time);
    const model = stringField(metadata.model_slug);
    messages.push({
      role,
      text,
      ...(createdAt === undefined ? {} : { createdAt }),
      ...(model === undefined ? {} : { model }),
      ...(Object.keys(meta).length === 0 ? {} : { meta }),
    });
  }
  const branchPoints = Object.values(mapping).filter(
    (node) => isRecord(node) && Array.isArray(node.children) && node.children.length > 1,
  ).length;
  const conversation: ImportedConversation = {
    id,
    messages,
    meta: { nonTextContent, hiddenMessages, toolCalls, branchPoints, nodes: Object.keys(mapping).length },
  };
  const title = stringField(value.title);
  if (title !== undefined) conversation.title = title;
  const createdAt = toIsoTimestamp(value.create_time);
  if (createdAt !== undefined) conversation.createdAt = createdAt;
  return { conversation, warnings };
}

export const chatgptImporter: Importer = {
  id: 'chatgpt',
  description: 'ChatGPT data export conversations.json (mapping tree; the visible branch is kept)',
  participantScope: 'file',
  detect({ name, head }) {
    const start = head.trimStart();
    if (!start.startsWith('[') && !start.startsWith('{')) return 0;
    if (!/"mapping"\s*:/.test(head)) return 0;
    const treeKeys = /"(current_node|parent|children)"\s*:/.test(head);
    return treeKeys ? (name.toLowerCase() === 'conversations.json' ? 0.95 : 0.9) : 0.5;
  },
  read(file, options) {
    return readJsonArrayRecords(file, options, {
      accept: (value) => isRecord(value) && 'mapping' in value,
      idHint: (headText) => /"conversation_id"\s*:\s*"([^"\\]{1,200})"/.exec(headText)?.[1],
      map: mapChatgptConversation,
    });
  },
};
