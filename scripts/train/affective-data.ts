/**
 * Readers for the datasets that train and check the affective facet (scripts/train/affective.ts,
 * scripts/train/affective-eval.ts). Every item is the user's side of one conversation. Nothing here
 * is written into the repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AffectiveType } from '../../src/facets/definitions.ts';

export const DATASETS = path.resolve(fileURLToPath(new URL('../../../shared/datasets', import.meta.url)));
const file = (relative: string) => path.join(DATASETS, relative);

export interface Item {
  id: string;
  /** Dataset (or silver-label source) it came from. */
  source: string;
  user: string[];
  /** Affective label when known: true/false; undefined = unknown. */
  affective?: boolean;
  types?: AffectiveType[];
  contentCreation?: boolean;
}

/** Deterministic [0,1) from a string (FNV-1a): the train/held-out split. */
export function unit(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // murmur3 finaliser: FNV's high bits mix poorly on short, similar ids
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

export const key = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);

function jsonl(relative: string): unknown[] {
  return readFileSync(file(relative), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return []; // a few source lines carry invalid escapes: skipped
      }
    });
}

/** A minimal RFC-4180 CSV parser (quoted fields with newlines). */
export function csv(relative: string): Record<string, string>[] {
  const text = readFileSync(file(relative), 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const header = rows[0] ?? [];
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// ---- silver labels ---------------------------------------------------------------------------

interface SilverLabel {
  id: string;
  source: string;
  content_creation: boolean;
  affective: AffectiveType[];
}

export function silver(): Item[] {
  const labels = new Map<string, SilverLabel>();
  for (const row of jsonl('silver-labels/labels.jsonl') as SilverLabel[]) labels.set(row.id, row);
  const items: Item[] = [];
  for (const row of jsonl('silver-labels/conversations.jsonl') as {
    id: string;
    source: string;
    messages: { role: string; content: string }[];
  }[]) {
    const label = labels.get(row.id);
    if (!label) continue;
    items.push({
      id: row.id,
      source: `silver:${row.source.split('/')[0]}`,
      user: row.messages.filter((m) => m.role === 'user').map((m) => m.content),
      affective: label.affective.length > 0,
      types: label.affective,
      contentCreation: label.content_creation,
    });
  }
  return items;
}

// ---- permissive sets -------------------------------------------------------------------------

export const COUNSEL_TOPIC_TYPES: Record<string, AffectiveType[]> = {
  relationships: ['interpersonal_advice'],
  marriage: ['interpersonal_advice'],
  'family-conflict': ['interpersonal_advice'],
  parenting: ['interpersonal_advice'],
  intimacy: ['interpersonal_advice'],
  'relationship-dissolution': ['interpersonal_advice', 'counseling'],
  'domestic-violence': ['interpersonal_advice', 'counseling'],
  'workplace-relationships': ['interpersonal_advice'],
  'social-relationships': ['interpersonal_advice'],
  'children-adolescents': ['interpersonal_advice'],
  depression: ['counseling'],
  anxiety: ['counseling'],
  trauma: ['counseling'],
  'grief-and-loss': ['counseling'],
  'self-esteem': ['counseling'],
  'self-harm': ['counseling'],
  'eating-disorders': ['counseling'],
  addiction: ['counseling'],
  'substance-abuse': ['counseling'],
  'sleep-improvement': ['counseling'],
  stress: ['counseling'],
  'anger-management': ['counseling'],
  diagnosis: ['counseling'],
  'military-issues': ['counseling'],
  lgbtq: ['counseling'],
  'human-sexuality': ['counseling'],
  spirituality: ['counseling'],
  'behavioral-change': ['coaching', 'counseling'],
};

export function counselChat(): Item[] {
  const seen = new Map<string, Item>();
  for (const row of csv('counsel-chat/counsel_chat_train_val.csv')) {
    const id = row.questionID ?? '';
    if (!id || seen.has(id)) continue;
    const text = [row.questionTitle, row.questionText].filter(Boolean).join('\n');
    seen.set(id, {
      id: `counsel-${id}`,
      source: 'counsel-chat',
      user: [text],
      affective: true,
      types: COUNSEL_TOPIC_TYPES[row.topic ?? ''],
    });
  }
  return [...seen.values()];
}

function clientDialogs(relative: string, source: string): Item[] {
  return (jsonl(relative) as { id: string; dialog: { role: string; content: string }[] }[]).map((row) => ({
    id: `${source}-${row.id}`,
    source,
    user: row.dialog.filter((m) => m.role === 'client').map((m) => m.content),
    affective: true,
  }));
}

export const cpsycoun = () => clientDialogs('cpsycoun-zh/CPsyCounD_dialogues.jsonl', 'cpsycoun-zh');
export const smilechat = () => clientDialogs('smilechat-sample/smilechat_sample1500.jsonl', 'smilechat-sample');

export function emollm(): Item[] {
  const items: Item[] = [];
  for (const name of ['aiwei', 'tiangou']) {
    const rows = JSON.parse(readFileSync(file(`emollm-roleplay-zh/${name}.json`), 'utf8')) as {
      conversation: { input: string }[];
    }[];
    rows.forEach((row, i) => {
      items.push({
        id: `emollm-${name}-${i}`,
        source: 'emollm-roleplay-zh',
        user: row.conversation.map((t) => t.input),
        affective: true,
      });
    });
  }
  return items;
}

/** "\n\nHuman: … \n\nAssistant: …" transcript → the human turns. */
export function humanTurns(transcript: string): string[] {
  return transcript
    .split(/\n\n(?=Human:|Assistant:)/)
    .filter((part) => part.startsWith('Human:'))
    .map((part) => part.slice('Human:'.length).trim());
}

export function hhRlhf(): Item[] {
  return (jsonl('hh-rlhf-harmless/harmless-base_test_dev.jsonl') as { chosen: string }[]).map((row, i) => ({
    id: `hh-${i}`,
    source: 'hh-rlhf-harmless',
    user: humanTurns(row.chosen),
    affective: false,
  }));
}

export function xstestPrompts(): Item[] {
  return csv('xstest/xstest_prompts.csv').map((row) => ({
    id: `xstest-${row.id}`,
    source: 'xstest',
    user: [row.prompt ?? ''],
    affective: false,
  }));
}

interface ExportNode {
  parent?: string | null;
  message?: { author: { role: string }; content: { content_type: string; parts?: unknown[] } } | null;
}

/** The real ChatGPT export: the current branch's user messages. */
export function chatgptExport(): Item[] {
  const conversations = JSON.parse(
    readFileSync(file('export-format-samples/chatgpt-real-export-pkuppens/conversations.json'), 'utf8'),
  ) as { id: string; current_node: string; mapping: Record<string, ExportNode> }[];
  return conversations.map((conversation) => {
    const user: string[] = [];
    let node: string | null | undefined = conversation.current_node;
    while (node) {
      const entry: ExportNode | undefined = conversation.mapping[node];
      const message = entry?.message;
      if (message?.author.role === 'user') {
        const text = (message.content.parts ?? []).filter((p) => typeof p === 'string').join('\n');
        if (text.trim()) user.unshift(text);
      }
      node = entry?.parent;
    }
    return { id: `chatgpt-export:${conversation.id}`, source: 'chatgpt-export', user, affective: false };
  });
}

/** CPED TV dialogues: each dialogue's most frequent speaker's lines (Chinese everyday talk, not help-seeking). */
export function cped(): Item[] {
  const dialogues = new Map<string, { speaker: string; text: string }[]>();
  for (const row of csv('cped-zh/valid_split.csv')) {
    const id = row.Dialogue_ID ?? '';
    const list = dialogues.get(id) ?? [];
    list.push({ speaker: row.Speaker ?? '', text: row.Utterance ?? '' });
    dialogues.set(id, list);
  }
  const items: Item[] = [];
  for (const [id, lines] of dialogues) {
    const counts = new Map<string, number>();
    for (const line of lines) counts.set(line.speaker, (counts.get(line.speaker) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const user = lines.filter((l) => l.speaker === top).map((l) => l.text);
    items.push({ id: `cped-${id}`, source: 'cped-zh', user, affective: false });
  }
  return items;
}

// ---- evaluation-only sets (measured, never trained on, never used for thresholds) -------------

function firstTurns(relative: string, source: string, field: string): Item[] {
  const text = readFileSync(file(relative), 'utf8').trim();
  const rows = (text.startsWith('[') ? JSON.parse(text) : jsonl(relative)) as Record<string, unknown>[];
  return rows.map((row, i) => {
    const value = row[field];
    const user = Array.isArray(value) ? value.map(String) : [String(value ?? '')];
    return { id: `${source}-${i}`, source, user, affective: false };
  });
}

export function evaluationSets(): Record<string, Item[]> {
  const oasstEn = jsonl('oasst1-en-val/original-data/en-validation.jsonl') as {
    message_id: string;
    parent_id: string | null;
    role: string;
    text: string;
  }[];
  const byParent = new Map<string, typeof oasstEn>();
  for (const m of oasstEn) if (m.parent_id) byParent.set(m.parent_id, [...(byParent.get(m.parent_id) ?? []), m]);
  const oasst: Item[] = oasstEn
    .filter((m) => m.parent_id === null)
    .map((root) => {
      // The first branch: prompter → assistant → prompter …
      const user: string[] = [];
      let node: (typeof oasstEn)[number] | undefined = root;
      while (node) {
        if (node.role === 'prompter') user.push(node.text);
        node = byParent.get(node.message_id)?.[0];
      }
      return { id: `oasst-${root.message_id}`, source: 'oasst1-en-val', user, affective: false };
    });
  const dedupe = (items: Item[]) => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const k = key(item.user[0]);
      if (!k || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  const sets: Record<string, Item[]> = {
    'arena-hard-prompts': [
      ...firstTurns('arena-hard-prompts/data/arena-hard-v0.1/question.jsonl', 'arena-hard', 'prompt'),
      ...firstTurns('arena-hard-prompts/data/arena-hard-v2.0/question.jsonl', 'arena-hard', 'prompt'),
    ],
    'oasst1-en-val': oasst,
    'oasst1-zh': firstTurns('oasst1-zh/data/oaast_sft_zh.json', 'oasst1-zh', 'instruction'),
    'alpaca-eval': firstTurns('alpaca-eval/results/gpt4_1106_preview/model_outputs.json', 'alpaca-eval', 'instruction'),
    'self-instruct': [
      ...firstTurns('self-instruct-prompts/human_eval/user_oriented_instructions.jsonl', 'self-instruct', 'instruction'),
      ...firstTurns('self-instruct-prompts/data/seed_tasks.jsonl', 'self-instruct', 'instruction'),
    ],
    'fastchat-mtbench': [
      ...firstTurns('fastchat-mtbench/fastchat/llm_judge/data/mt_bench/question.jsonl', 'mtbench', 'turns'),
      ...firstTurns('fastchat-mtbench/fastchat/llm_judge/data/vicuna_bench/question.jsonl', 'mtbench', 'turns'),
    ],
    'instructionwild-en': [
      ...firstTurns('instructionwild-prompts/data/seed_prompts_en.jsonl', 'instructionwild', 'instruction'),
      ...['user_1', 'user_2', 'user_3'].flatMap((n) =>
        firstTurns(`instructionwild-prompts/data_v2/${n}.jsonl`, 'instructionwild', 'instruction'),
      ),
    ],
    'instructionwild-zh': firstTurns('instructionwild-prompts/data/seed_prompts_ch.jsonl', 'instructionwild-zh', 'instruction'),
    'belle-eval-zh': firstTurns('belle-eval-zh/eval/eval_set.json', 'belle', 'question'),
    'alignbench-zh': firstTurns('alignbench-zh/data/data_v1.1_release.jsonl', 'alignbench', 'question'),
  };
  for (const name of Object.keys(sets)) sets[name] = dedupe(sets[name] as Item[]);
  return sets;
}

export function esconv(): Item[] {
  return ['train', 'valid'].flatMap((split) =>
    (jsonl(`esconv/${split}.jsonl`) as { dialog: { speaker: string; text: string }[] }[]).map((row, i) => ({
      id: `esconv-${split}-${i}`,
      source: 'esconv',
      user: row.dialog.filter((d) => d.speaker === 'usr').map((d) => d.text),
      affective: true,
    })),
  );
}
