/**
 * What every training script shares for reading ../shared/datasets: the folder (the evaluation
 * harness's default root), text / JSON / JSON Lines / CSV readers, the permissive-source list and the
 * silver labels joined to their conversations. Nothing here is copied into the repository: every
 * reader opens ../shared/datasets at run time.
 */
import path from 'node:path';
import { DEFAULT_DATASETS_ROOT, readText, stableHash, TRAINABLE_FOLDERS } from '../../src/eval/datasets/common.ts';

export const DATASETS = DEFAULT_DATASETS_ROOT;
export const datasetPath = (relative: string): string => path.join(DATASETS, relative);

/** A dataset file's text (a leading byte-order mark removed). */
export const readDataset = (relative: string): string => readText(DATASETS, relative);

export const readDatasetJson = (relative: string): unknown => JSON.parse(readDataset(relative));

/**
 * JSON Lines, blank lines skipped. A line that does not parse throws, unless `skipBad` (a few source
 * files carry lines with invalid escapes): then it is left out.
 */
export function readJsonl(relative: string, { skipBad = false } = {}): unknown[] {
  return readDataset(relative)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      if (!skipBad) return [JSON.parse(line) as unknown];
      try {
        return [JSON.parse(line) as unknown];
      } catch {
        return [];
      }
    });
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines); rows of the wrong width are left out. */
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

export const readDatasetCsv = (relative: string): Record<string, string>[] => parseCsv(readDataset(relative));

/**
 * Licences per ../shared/datasets/README.md: these sets may train shipped weights; the others are
 * measured only.
 */
export const PERMISSIVE_SETS: ReadonlySet<string> = TRAINABLE_FOLDERS;

/** A stable number in [0, 1) for a key: deterministic splits by group (thread, dialogue). */
export const bucket = stableHash;

export interface SilverConversation {
  id: string;
  /** e.g. 'esconv/train.jsonl', 'counsel-chat'. */
  source: string;
  messages: { role: string; content: string }[];
}

/**
 * silver-labels/: each conversation of conversations.jsonl that has a row in labels.jsonl (joined on
 * id), in the conversations' order, with its raw label row.
 */
export function readSilver(options: { skipBad?: boolean } = {}): {
  conversation: SilverConversation;
  label: Record<string, unknown>;
}[] {
  const labels = new Map<string, Record<string, unknown>>();
  for (const row of readJsonl('silver-labels/labels.jsonl', options) as Record<string, unknown>[]) {
    labels.set(String(row.id), row);
  }
  return (readJsonl('silver-labels/conversations.jsonl', options) as SilverConversation[]).flatMap((conversation) => {
    const label = labels.get(conversation.id);
    return label === undefined ? [] : [{ conversation, label }];
  });
}

// ---- conversations as user / assistant turns ---------------------------------------------------

export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

export interface SimpleConversation {
  id: string;
  turns: Turn[];
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

/** hh-rlhf harmless-base test/dev: each pair's chosen and rejected transcripts as turns. */
export function readHh(): HhPair[] {
  const lines = readDataset('hh-rlhf-harmless/harmless-base_test_dev.jsonl').split('\n');
  const pairs: HhPair[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const record = JSON.parse(line) as { chosen: string; rejected: string };
    pairs.push({ line: index, chosen: parseHhTranscript(record.chosen), rejected: parseHhTranscript(record.rejected) });
  });
  return pairs;
}

/** EmoLLM role-play: each step's input (user) and output (assistant). */
export function readEmollm(persona: 'aiwei' | 'tiangou'): SimpleConversation[] {
  const items = readDatasetJson(`emollm-roleplay-zh/${persona}.json`) as {
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
  parent?: string | null;
  message?: { author?: { role?: string }; content?: { parts?: unknown[] } } | null;
}

/** The real ChatGPT export: the visible branch's user and assistant text parts, root → current_node. */
export function readChatgptExport(): SimpleConversation[] {
  const data = readDatasetJson('export-format-samples/chatgpt-real-export-pkuppens/conversations.json') as {
    id: string;
    current_node: string;
    mapping: Record<string, ExportNode>;
  }[];
  return data.map((conversation) => {
    const branch: Turn[] = [];
    let node: string | null | undefined = conversation.current_node;
    while (node) {
      const entry: ExportNode | undefined = conversation.mapping[node];
      if (!entry) break;
      const message = entry.message;
      const role = message?.author?.role;
      if (message && (role === 'user' || role === 'assistant')) {
        const text = (message.content?.parts ?? [])
          .filter((part: unknown): part is string => typeof part === 'string')
          .join('\n');
        if (text.trim()) branch.push({ role, text });
      }
      node = entry.parent;
    }
    return { id: conversation.id, turns: branch.reverse() };
  });
}

/** The ShareGPT sample: human and gpt turns. */
export function readSharegpt(): SimpleConversation[] {
  return (
    readJsonl('sharegpt-sample-en/sharegpt_sample_1000.jsonl') as {
      id: string;
      conversations: { from: string; value: string }[];
    }[]
  ).map((record) => ({
    id: record.id,
    turns: record.conversations
      .filter((turn) => turn.from === 'human' || turn.from === 'gpt')
      .map((turn): Turn => ({ role: turn.from === 'human' ? 'user' : 'assistant', text: turn.value })),
  }));
}

/** OASST1 zh SFT rows: the history pairs, then the instruction and its output. */
export function readOasstZh(): SimpleConversation[] {
  const items = readDatasetJson('oasst1-zh/data/oaast_sft_zh.json') as {
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
