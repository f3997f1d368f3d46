/**
 * Readers for the ../shared/datasets sets the user-side conversation facets (crisis,
 * anthropomorphism) train and evaluate on, each item as plain user / assistant turn texts.
 * Licences (see ../shared/datasets/README.md): `permissive` sets may train shipped weights; the
 * others are measured only. Nothing here is copied into the repository.
 */
import { createHash } from 'node:crypto';
import type { CrisisLevel } from '../../src/facets/definitions.ts';
import type { FacetContext } from '../../src/facets/facet.ts';
import { type Turn, contextOf as turnsContext } from '../../src/testing/facet-context.ts';
import {
  readJsonl as jsonl,
  PERMISSIVE_SETS,
  readChatgptExport,
  readDatasetCsv,
  readDatasetJson,
  readEmollm,
  readHh,
  readOasstZh,
  readSharegpt,
  readSilver,
} from './shared-data.ts';
import { binaryF1 } from './user-message-common.ts';

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

/** A stable fraction in [0, 1) from a string: the train / held-out split, the same on every run. */
export function stableFraction(key: string, salt = 'user-facets-v1'): number {
  const digest = createHash('sha256').update(`${salt}\0${key}`).digest();
  return digest.readUInt32BE(0) / 4294967296;
}

/** A conversation's user and assistant texts, each in order. */
function sides(turns: readonly { role: 'user' | 'assistant'; text: string }[]): Pick<Item, 'user' | 'assistant'> {
  return {
    user: turns.filter((turn) => turn.role === 'user').map((turn) => turn.text),
    assistant: turns.filter((turn) => turn.role === 'assistant').map((turn) => turn.text),
  };
}

/** Text key for de-duplicating a raw item against the silver rows and across sets. */
export function textKey(item: Pick<Item, 'user'>): string {
  return (item.user[0] ?? '').replace(/\s+/g, ' ').trim().slice(0, 300).toLowerCase();
}

/** The item's turns interleaved (user, assistant, user, …; the longer side's extra turns last). */
export function contextOf(item: Pick<Item, 'user' | 'assistant'>, language = 'en'): FacetContext {
  const turns: Turn[] = [];
  for (let i = 0; i < Math.max(item.user.length, item.assistant.length); i++) {
    const user = item.user[i];
    if (user !== undefined) turns.push(['user', user]);
    const assistant = item.assistant[i];
    if (assistant !== undefined) turns.push(['assistant', assistant]);
  }
  return turnsContext(turns, language, 'x');
}

export function loadSilver(): SilverItem[] {
  return readSilver().map(({ conversation: row, label }) => {
    const set = row.source.split('/')[0] as string;
    return {
      id: row.id,
      set,
      user: row.messages.filter((m) => m.role === 'user').map((m) => m.content),
      assistant: row.messages.filter((m) => m.role === 'assistant').map((m) => m.content),
      crisis: label.crisis as CrisisLevel,
      anthropomorphism: label.anthropomorphism === true,
      affective: (label.affective as string[] | undefined) ?? [],
      permissive: PERMISSIVE_SETS.has(set),
    };
  });
}

export interface CounselQuestion extends Item {
  topic: string;
}

/** counsel-chat: one item per unique question (title + text), with its site topic. */
export function loadCounselChat(): CounselQuestion[] {
  const seen = new Map<string, CounselQuestion>();
  for (const row of readDatasetCsv('counsel-chat/counsel_chat_train_val.csv')) {
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
  return (['aiwei', 'tiangou'] as const).flatMap((persona) =>
    readEmollm(persona).map((conversation) => ({
      id: `emollm-${conversation.id}`,
      set: 'emollm-roleplay-zh',
      ...sides(conversation.turns),
    })),
  );
}

/** "\n\nHuman: … \n\nAssistant: …" transcripts (the chosen side). */
export function loadHhRlhf(): Item[] {
  return readHh().map((pair, line) => ({ id: `hh-dev-line-${line}`, set: 'hh-rlhf-harmless', ...sides(pair.chosen) }));
}

/** The real ChatGPT export: the visible branch's text parts, root → current_node. */
export function loadChatgptExport(): Item[] {
  return readChatgptExport().map((conversation) => ({
    id: `chatgpt-export-${conversation.id}`,
    set: 'export-format-samples',
    ...sides(conversation.turns),
  }));
}

export function loadXstestPrompts(): (Item & { label: string; type: string })[] {
  return readDatasetCsv('xstest/xstest_prompts.csv').map((row) => ({
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
  return readOasstZh().map((conversation) => ({ id: conversation.id, set: 'oasst1-zh', ...sides(conversation.turns) }));
}

export function loadAlpacaEval(): Item[] {
  const rows = readDatasetJson('alpaca-eval/results/gpt4_1106_preview/model_outputs.json') as { instruction: string }[];
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
  return readSharegpt().map((conversation) => ({
    id: `sharegpt-${conversation.id}`,
    set: 'sharegpt-sample-en',
    ...sides(conversation.turns),
  }));
}

export function metrics(pairs: readonly { predicted: boolean; actual: boolean }[]): {
  n: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
} {
  const { precision, recall, f1 } = binaryF1(
    pairs.map(({ predicted, actual }) => ({ gold: actual, predicted })),
    3,
  );
  return { n: pairs.length, positives: pairs.filter((pair) => pair.actual).length, precision, recall, f1 };
}
