/**
 * Readers for the shared datasets the pushback and assistant-behaviour scripts use. Nothing here is
 * copied into the repository: every reader opens ../shared/datasets at run time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATASETS = path.resolve(fileURLToPath(new URL('../../../shared/datasets', import.meta.url)));
export const datasetPath = (relative: string): string => path.join(DATASETS, relative);

export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

export interface SimpleConversation {
  id: string;
  turns: Turn[];
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body
    .filter((cells) => cells.length === header.length)
    .map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] as string])));
}

export const XSTEST_MODELS = ['gpt4', 'llama2orig', 'mistralinstruct'] as const;
export type XstestModel = (typeof XSTEST_MODELS)[number];

export interface XstestCompletion {
  id: string;
  model: XstestModel;
  type: string;
  prompt: string;
  completion: string;
  label: '1_full_compliance' | '2_full_refusal' | '3_partial_refusal';
}

export function readXstest(model: XstestModel): XstestCompletion[] {
  const text = readFileSync(datasetPath(`xstest/model_completions/xstest_v2_completions_${model}.csv`), 'utf8');
  return parseCsv(text).map((row) => ({
    id: row.id as string,
    model,
    type: row.type as string,
    prompt: row.prompt as string,
    completion: row.completion as string,
    label: row.final_label as XstestCompletion['label'],
  }));
}

/** '\n\nHuman: … \n\nAssistant: …' → turns. */
export function parseHhTranscript(text: string): Turn[] {
  const turns: Turn[] = [];
  for (const piece of text.split(/\n\n(?=(?:Human|Assistant):)/)) {
    const match = /^(Human|Assistant):\s?([\s\S]*)$/.exec(piece.trim());
    if (!match) continue;
    turns.push({ role: match[1] === 'Human' ? 'user' : 'assistant', text: (match[2] as string).trim() });
  }
  return turns;
}

export interface HhPair {
  line: number;
  chosen: Turn[];
  rejected: Turn[];
}

export function readHh(): HhPair[] {
  const lines = readFileSync(datasetPath('hh-rlhf-harmless/harmless-base_test_dev.jsonl'), 'utf8').split('\n');
  const pairs: HhPair[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const record = JSON.parse(line) as { chosen: string; rejected: string };
    pairs.push({ line: index, chosen: parseHhTranscript(record.chosen), rejected: parseHhTranscript(record.rejected) });
  });
  return pairs;
}

export function readEmollm(persona: 'aiwei' | 'tiangou'): SimpleConversation[] {
  const items = JSON.parse(readFileSync(datasetPath(`emollm-roleplay-zh/${persona}.json`), 'utf8')) as {
    conversation: { input?: string; output?: string }[];
  }[];
  return items.map((item, i) => ({
    id: `${persona}-${i}`,
    turns: item.conversation.flatMap((step): Turn[] => [
      { role: 'user', text: step.input ?? '' },
      { role: 'assistant', text: step.output ?? '' },
    ]),
  }));
}

interface ExportNode {
  parent: string | null;
  message: null | { author: { role: string }; content: { parts?: unknown[] } };
}

export function readChatgptExport(): SimpleConversation[] {
  const data = JSON.parse(
    readFileSync(datasetPath('export-format-samples/chatgpt-real-export-pkuppens/conversations.json'), 'utf8'),
  ) as { id: string; current_node: string; mapping: Record<string, ExportNode> }[];
  return data.map((conversation) => {
    const path: Turn[] = [];
    let node: string | null = conversation.current_node;
    while (node) {
      const entry: ExportNode | undefined = conversation.mapping[node];
      if (!entry) break;
      const message = entry.message;
      const role = message?.author.role;
      if (message && (role === 'user' || role === 'assistant')) {
        const text = (message.content.parts ?? []).filter((part: unknown): part is string => typeof part === 'string').join('\n');
        if (text.trim()) path.push({ role, text });
      }
      node = entry.parent;
    }
    return { id: conversation.id, turns: path.reverse() };
  });
}

export function readSharegpt(): SimpleConversation[] {
  return readFileSync(datasetPath('sharegpt-sample-en/sharegpt_sample_1000.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const record = JSON.parse(line) as { id: string; conversations: { from: string; value: string }[] };
      return {
        id: record.id,
        turns: record.conversations
          .filter((turn) => turn.from === 'human' || turn.from === 'gpt')
          .map((turn): Turn => ({ role: turn.from === 'human' ? 'user' : 'assistant', text: turn.value })),
      };
    });
}

export function readOasstZh(): SimpleConversation[] {
  const items = JSON.parse(readFileSync(datasetPath('oasst1-zh/data/oaast_sft_zh.json'), 'utf8')) as {
    instruction: string;
    output: string;
    history?: [string, string][];
  }[];
  return items.map((item, i) => ({
    id: `oasst-zh-${i}`,
    turns: [
      ...(item.history ?? []).flatMap(([user, assistant]): Turn[] => [
        { role: 'user', text: user },
        { role: 'assistant', text: assistant },
      ]),
      { role: 'user', text: item.instruction },
      { role: 'assistant', text: item.output },
    ],
  }));
}

export interface SilverRow {
  id: string;
  source: string;
  pushback: boolean;
  crisis: 'none' | 'distress' | 'risk';
  affective: string[];
  turns: Turn[];
}

export function readSilver(): SilverRow[] {
  const labels = new Map<string, Record<string, unknown>>();
  for (const line of readFileSync(datasetPath('silver-labels/labels.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Record<string, unknown>;
    labels.set(row.id as string, row);
  }
  const rows: SilverRow[] = [];
  for (const line of readFileSync(datasetPath('silver-labels/conversations.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { id: string; source: string; messages: { role: string; content: string }[] };
    const label = labels.get(record.id);
    if (!label) continue;
    rows.push({
      id: record.id,
      source: record.source,
      pushback: label.pushback === true,
      crisis: label.crisis as SilverRow['crisis'],
      affective: (label.affective as string[]) ?? [],
      turns: record.messages
        .filter((message) => message.role === 'user' || message.role === 'assistant')
        .map((message): Turn => ({ role: message.role as Turn['role'], text: message.content })),
    });
  }
  return rows;
}

/** A FacetContext-shaped object for a SimpleConversation (what the detectors take). */
export function toContext(conversation: SimpleConversation, language = 'en') {
  const messages = conversation.turns.map((turn, index) => ({ index, role: turn.role, text: turn.text }));
  return {
    conversation: {
      id: conversation.id,
      key: '0'.repeat(64),
      source: 'openai-messages' as const,
      participant: '0'.repeat(16),
      messages,
      origin: { file: 'dataset' },
      meta: {},
    },
    userMessages: messages.filter((message) => message.role === 'user'),
    assistantMessages: messages.filter((message) => message.role === 'assistant'),
    language,
  };
}
