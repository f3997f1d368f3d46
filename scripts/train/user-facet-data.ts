/**
 * Readers for the ../shared/datasets sets the user-side conversation facets (crisis,
 * anthropomorphism) train and evaluate on, each item as plain user / assistant turn texts.
 * Licences (see ../shared/datasets/README.md): `permissive` sets may train shipped weights; the
 * others are measured only. Nothing here is copied into the repository.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CrisisLevel } from '../../src/facets/definitions.ts';
import type { FacetContext } from '../../src/facets/facet.ts';
import type { Conversation } from '../../src/model.ts';

export const DATASETS = path.resolve(fileURLToPath(new URL('../../../shared/datasets', import.meta.url)));

export interface Item {
  id: string;
  /** Dataset folder (the silver rows keep their source's folder). */
  set: string;
  user: string[];
  assistant: string[];
}

export interface SilverItem extends Item {
  crisis: CrisisLevel;
  anthropomorphism: boolean;
  affective: string[];
  permissive: boolean;
}

export const PERMISSIVE_SETS = new Set([
  'counsel-chat',
  'claff-offmychest',
  'goemotions',
  'xstest',
  'cpsycoun-zh',
  'cped-zh',
  'smilechat-sample',
  'emollm-roleplay-zh',
  'hh-rlhf-harmless',
  'export-format-samples',
]);

function file(relative: string): string {
  return readFileSync(path.join(DATASETS, relative), 'utf8');
}

function jsonl(relative: string): unknown[] {
  return file(relative)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/** A stable fraction in [0, 1) from a string: the train / held-out split, the same on every run. */
export function stableFraction(key: string, salt = 'user-facets-v1'): number {
  const digest = createHash('sha256').update(`${salt}\0${key}`).digest();
  return digest.readUInt32BE(0) / 4294967296;
}

/** Text key for de-duplicating a raw item against the silver rows and across sets. */
export function textKey(item: Pick<Item, 'user'>): string {
  return (item.user[0] ?? '').replace(/\s+/g, ' ').trim().slice(0, 300).toLowerCase();
}

export function contextOf(item: Pick<Item, 'user' | 'assistant'>, language = 'en'): FacetContext {
  const messages = [];
  let index = 0;
  const turns = Math.max(item.user.length, item.assistant.length);
  for (let i = 0; i < turns; i++) {
    const user = item.user[i];
    if (user !== undefined) messages.push({ index: index++, role: 'user' as const, text: user });
    const assistant = item.assistant[i];
    if (assistant !== undefined) messages.push({ index: index++, role: 'assistant' as const, text: assistant });
  }
  const conversation = {
    id: 'x',
    key: '0'.repeat(64),
    source: 'openai-messages',
    participant: '0'.repeat(16),
    messages,
    origin: { file: 'dataset' },
    meta: {},
  } satisfies Conversation;
  return {
    conversation,
    userMessages: messages.filter((m) => m.role === 'user'),
    assistantMessages: messages.filter((m) => m.role === 'assistant'),
    language,
  };
}

export function loadSilver(): SilverItem[] {
  const labels = new Map<string, Record<string, unknown>>();
  for (const row of jsonl('silver-labels/labels.jsonl') as Record<string, unknown>[]) labels.set(String(row.id), row);
  const items: SilverItem[] = [];
  for (const row of jsonl('silver-labels/conversations.jsonl') as {
    id: string;
    source: string;
    messages: { role: string; content: string }[];
  }[]) {
    const label = labels.get(row.id);
    if (label === undefined) continue;
    const set = row.source.split('/')[0] as string;
    items.push({
      id: row.id,
      set,
      user: row.messages.filter((m) => m.role === 'user').map((m) => m.content),
      assistant: row.messages.filter((m) => m.role === 'assistant').map((m) => m.content),
      crisis: label.crisis as CrisisLevel,
      anthropomorphism: label.anthropomorphism === true,
      affective: (label.affective as string[] | undefined) ?? [],
      permissive: PERMISSIVE_SETS.has(set),
    });
  }
  return items;
}

/** Minimal RFC-4180 CSV reader (quoted fields with commas, quotes and newlines). */
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
          i++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
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
  const header = rows.shift() ?? [];
  return rows
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] as string])));
}

export interface CounselQuestion extends Item {
  topic: string;
}

/** counsel-chat: one item per unique question (title + text), with its site topic. */
export function loadCounselChat(): CounselQuestion[] {
  const seen = new Map<string, CounselQuestion>();
  for (const row of parseCsv(file('counsel-chat/counsel_chat_train_val.csv'))) {
    const id = row.questionID as string;
    if (seen.has(id)) continue;
    const text = `${row.questionTitle ?? ''}\n${row.questionText ?? ''}`.trim();
    seen.set(id, { id: `counsel-q-${id}`, set: 'counsel-chat', topic: row.topic ?? '', user: [text], assistant: [] });
  }
  return [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function dialogItems(relative: string, set: string, prefix: string, userRole: string): Item[] {
  return (jsonl(relative) as { id: string; dialog: { role: string; content: string }[] }[]).map((row, line) => ({
    id: `${prefix}-line-${line}`,
    set,
    user: row.dialog.filter((m) => m.role === userRole).map((m) => m.content),
    assistant: row.dialog.filter((m) => m.role !== userRole).map((m) => m.content),
  }));
}

export function loadCpsycoun(): Item[] {
  return dialogItems('cpsycoun-zh/CPsyCounD_dialogues.jsonl', 'cpsycoun-zh', 'cpsycound', 'client');
}

export function loadSmilechat(): Item[] {
  return dialogItems('smilechat-sample/smilechat_sample1500.jsonl', 'smilechat-sample', 'smilechat', 'client');
}

export function loadEmollm(): Item[] {
  const items: Item[] = [];
  for (const persona of ['aiwei', 'tiangou']) {
    const rows = JSON.parse(file(`emollm-roleplay-zh/${persona}.json`)) as {
      conversation: { input: string; output: string }[];
    }[];
    rows.forEach((row, i) => {
      items.push({
        id: `emollm-${persona}-${i}`,
        set: 'emollm-roleplay-zh',
        user: row.conversation.map((turn) => turn.input),
        assistant: row.conversation.map((turn) => turn.output),
      });
    });
  }
  return items;
}

/** "\n\nHuman: … \n\nAssistant: …" transcripts (the chosen side). */
export function loadHhRlhf(): Item[] {
  return (jsonl('hh-rlhf-harmless/harmless-base_test_dev.jsonl') as { chosen: string }[]).map((row, line) => {
    const user: string[] = [];
    const assistant: string[] = [];
    for (const part of row.chosen.split(/\n\n(?=Human:|Assistant:)/)) {
      if (part.startsWith('Human:')) user.push(part.slice(6).trim());
      else if (part.startsWith('Assistant:')) assistant.push(part.slice(10).trim());
    }
    return { id: `hh-dev-line-${line}`, set: 'hh-rlhf-harmless', user, assistant };
  });
}

/** The real ChatGPT export: the visible branch's text parts, root → current_node. */
export function loadChatgptExport(): Item[] {
  const conversations = JSON.parse(file('export-format-samples/chatgpt-real-export-pkuppens/conversations.json')) as {
    id: string;
    current_node: string;
    mapping: Record<
      string,
      { parent?: string | null; message?: { author?: { role?: string }; content?: { parts?: unknown[] } } | null }
    >;
  }[];
  return conversations.map((conversation) => {
    const user: string[] = [];
    const assistant: string[] = [];
    const branch: string[] = [];
    let node: string | null | undefined = conversation.current_node;
    while (node) {
      branch.push(node);
      node = conversation.mapping[node]?.parent;
    }
    for (const id of branch.reverse()) {
      const message = conversation.mapping[id]?.message;
      const text = (message?.content?.parts ?? []).filter((p): p is string => typeof p === 'string').join('\n');
      if (text.trim() === '') continue;
      if (message?.author?.role === 'user') user.push(text);
      else if (message?.author?.role === 'assistant') assistant.push(text);
    }
    return { id: `chatgpt-export-${conversation.id}`, set: 'export-format-samples', user, assistant };
  });
}

export function loadXstestPrompts(): (Item & { label: string; type: string })[] {
  return parseCsv(file('xstest/xstest_prompts.csv')).map((row) => ({
    id: `xstest-${row.id}`,
    set: 'xstest',
    user: [row.prompt as string],
    assistant: [],
    label: row.label as string,
    type: row.type as string,
  }));
}

// Evaluation-only sets (never trained on, never used to pick thresholds).

export function loadArenaHard(): Item[] {
  const items: Item[] = [];
  for (const version of ['arena-hard-v0.1', 'arena-hard-v2.0']) {
    for (const row of jsonl(`arena-hard-prompts/data/${version}/question.jsonl`) as {
      uid: string;
      prompt?: string;
      turns?: { content: string }[];
    }[]) {
      const prompt = row.prompt ?? row.turns?.[0]?.content ?? '';
      items.push({ id: `arena-${row.uid}`, set: 'arena-hard-prompts', user: [prompt], assistant: [] });
    }
  }
  return items;
}

export function loadOasstEnFirstTurns(): Item[] {
  return (
    jsonl('oasst1-en-val/original-data/en-validation.jsonl') as {
      message_id: string;
      parent_id: string | null;
      text: string;
      role: string;
    }[]
  )
    .filter((row) => row.parent_id === null && row.role === 'prompter')
    .map((row) => ({ id: `oasst-${row.message_id}`, set: 'oasst1-en-val', user: [row.text], assistant: [] }));
}

export function loadOasstZh(): Item[] {
  const rows = JSON.parse(file('oasst1-zh/data/oaast_sft_zh.json')) as {
    instruction: string;
    output: string;
    history?: [string, string][];
  }[];
  return rows.map((row, i) => ({
    id: `oasst-zh-${i}`,
    set: 'oasst1-zh',
    user: [...(row.history ?? []).map((turn) => turn[0]), row.instruction],
    assistant: [...(row.history ?? []).map((turn) => turn[1]), row.output],
  }));
}

export function loadAlpacaEval(): Item[] {
  const rows = JSON.parse(file('alpaca-eval/results/gpt4_1106_preview/model_outputs.json')) as { instruction: string }[];
  return rows.map((row, i) => ({ id: `alpaca-${i}`, set: 'alpaca-eval', user: [row.instruction], assistant: [] }));
}

export function loadBelle(): Item[] {
  const rows = jsonl('belle-eval-zh/eval/eval_set.json') as { question: string }[];
  return rows.map((row, i) => ({ id: `belle-${i}`, set: 'belle-eval-zh', user: [row.question], assistant: [] }));
}

export function loadAlignbench(): Item[] {
  return (jsonl('alignbench-zh/data/data_v1.1_release.jsonl') as { question_id: number; question: string }[]).map((row) => ({
    id: `alignbench-${row.question_id}`,
    set: 'alignbench-zh',
    user: [row.question],
    assistant: [],
  }));
}

export function loadSharegpt(): Item[] {
  return (
    jsonl('sharegpt-sample-en/sharegpt_sample_1000.jsonl') as { id: string; conversations: { from: string; value: string }[] }[]
  ).map((row) => ({
    id: `sharegpt-${row.id}`,
    set: 'sharegpt-sample-en',
    user: row.conversations.filter((m) => m.from === 'human').map((m) => m.value),
    assistant: row.conversations.filter((m) => m.from === 'gpt').map((m) => m.value),
  }));
}

export function metrics(pairs: readonly { predicted: boolean; actual: boolean }[]): {
  n: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
} {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { n: pairs.length, positives: tp + fn, precision: round(precision), recall: round(recall), f1: round(f1) };
}
