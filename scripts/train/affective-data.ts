/**
 * Readers for the datasets that train and check the affective facet (scripts/train/affective.ts,
 * scripts/train/affective-eval.ts). Every item is the user's side of one conversation. Nothing here
 * is written into the repository.
 */
import type { AffectiveType } from '../../src/facets/definitions.ts';
import {
  readDatasetCsv as csv,
  readChatgptExport,
  readDataset,
  readEmollm,
  readHh,
  readJsonl,
  readSilver,
  type Turn,
} from './shared-data.ts';

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

const userTexts = (turns: readonly Turn[]): string[] => turns.filter((turn) => turn.role === 'user').map((turn) => turn.text);

export const key = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);

/** JSON Lines; a few source lines carry invalid escapes: skipped. */
const jsonl = (relative: string): unknown[] => readJsonl(relative, { skipBad: true });

// ---- silver labels ---------------------------------------------------------------------------

export function silver(): Item[] {
  return readSilver({ skipBad: true }).map(({ conversation: row, label }) => {
    const types = label.affective as AffectiveType[];
    return {
      id: row.id,
      source: `silver:${row.source.split('/')[0]}`,
      user: row.messages.filter((m) => m.role === 'user').map((m) => m.content),
      affective: types.length > 0,
      types,
      contentCreation: label.content_creation as boolean,
    };
  });
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
  return (['aiwei', 'tiangou'] as const).flatMap((persona) =>
    readEmollm(persona).map((conversation) => ({
      id: `emollm-${conversation.id}`,
      source: 'emollm-roleplay-zh',
      user: userTexts(conversation.turns),
      affective: true,
    })),
  );
}

/** hh-rlhf harmless-base: the human turns of the chosen transcript. */
export function hhRlhf(): Item[] {
  return readHh().map((pair, i) => ({
    id: `hh-${i}`,
    source: 'hh-rlhf-harmless',
    user: userTexts(pair.chosen),
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

/** The real ChatGPT export: the current branch's user messages. */
export function chatgptExport(): Item[] {
  return readChatgptExport().map((conversation) => ({
    id: `chatgpt-export:${conversation.id}`,
    source: 'chatgpt-export',
    user: userTexts(conversation.turns),
    affective: false,
  }));
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
  const text = readDataset(relative).trim();
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
