/**
 * Ordinary (mostly non-affective) use: the sets that keep false positives honest. Each becomes
 * single- or multi-turn conversations (a reference answer joins as the assistant turn where the set
 * has one). Within a set, prompts are de-duplicated on their normalised user text; `loadOrdinaryUsePool`
 * de-duplicates across sets too (several sets share prompts: AlpacaEval holds the Self-Instruct,
 * Vicuna and oasst roots). They are NOT clean negatives (some "act as" templates are companionship by
 * design, a few prompts ask for personal advice): flags on them are an upper bound on false positives.
 * File layouts: each set's SOURCE.md.
 */
import type { SourceFormat } from '../../model.ts';
import type { ConversationItem, ConversationSet, Loaded } from '../types.ts';
import {
  absent,
  asRecord,
  asString,
  buildConversation,
  dedupe,
  ingestConversations,
  type LoadOptions,
  licenceOf,
  note,
  readCsv,
  readJson,
  readJsonLines,
  type Turn,
  userText,
} from './common.ts';

interface Raw {
  id: string;
  turns: Turn[];
  file: string;
}

type Reader = (options: LoadOptions) => Promise<{ raws: Raw[]; bad?: number }> | { raws: Raw[]; bad?: number };

export interface OrdinaryUseSet {
  folder: string;
  name: string;
  /** Files the reader needs (relative to the datasets root). */
  files: string[];
  read: Reader;
  /** The importer that reads the set, when one does (else the loader builds the turns). */
  format?: SourceFormat;
}

const user = (text: string): Turn => ({ role: 'user', text });
const assistant = (text: string): Turn => ({ role: 'assistant', text });
const withInput = (instruction: string, input: string) => (input.trim() === '' ? instruction : `${instruction}\n\n${input}`);

function jsonLines(options: LoadOptions, file: string, map: (record: Record<string, unknown>, index: number) => Raw | undefined) {
  const { records, bad } = readJsonLines(options.root, file);
  const raws: Raw[] = [];
  records.forEach((value, index) => {
    const raw = map(asRecord(value), index);
    if (raw) raws.push(raw);
  });
  return { raws, bad };
}

function arenaHard(options: LoadOptions) {
  const raws: Raw[] = [];
  for (const [version, answers] of [
    ['v0.1', 'gpt-4-0314'],
    ['v2.0', 'o3-mini-2025-01-31'],
  ] as const) {
    const answerFile = `arena-hard-prompts/data/arena-hard-${version}/model_answer/${answers}.jsonl`;
    const byUid = new Map<string, string>();
    for (const value of readJsonLines(options.root, answerFile).records) {
      const record = asRecord(value);
      const messages = Array.isArray(record.messages) ? record.messages : [];
      const reply = messages.map(asRecord).find((message) => message.role === 'assistant');
      const content = reply?.content;
      byUid.set(asString(record.uid), typeof content === 'string' ? content : asString(asRecord(content).answer));
    }
    const file = `arena-hard-prompts/data/arena-hard-${version}/question.jsonl`;
    raws.push(
      ...jsonLines(options, file, (record) => {
        const uid = asString(record.uid);
        return { id: `arena-hard:${uid}`, turns: [user(asString(record.prompt)), assistant(byUid.get(uid) ?? '')], file };
      }).raws,
    );
  }
  return { raws };
}

/** oasst1 message trees: from each English root, follow the best-ranked reply (rank 0, else the first). */
function oasstEnglish(options: LoadOptions) {
  const file = 'oasst1-en-val/original-data/en-validation.jsonl';
  const messages = readJsonLines(options.root, file).records.map(asRecord);
  const children = new Map<string, Record<string, unknown>[]>();
  for (const message of messages) {
    const parent = asString(message.parent_id);
    if (parent === '') continue;
    children.set(parent, [...(children.get(parent) ?? []), message]);
  }
  const rankOf = (message: Record<string, unknown>) =>
    typeof message.rank === 'number' ? message.rank : Number.POSITIVE_INFINITY;
  const raws: Raw[] = [];
  for (const root of messages) {
    if (root.parent_id !== null || root.role !== 'prompter' || root.lang !== 'en') continue;
    const turns: Turn[] = [];
    let node: Record<string, unknown> | undefined = root;
    while (node) {
      turns.push({ role: node.role === 'prompter' ? 'user' : 'assistant', text: asString(node.text) });
      const next: Record<string, unknown>[] = children.get(asString(node.message_id)) ?? [];
      node = [...next].sort((a, b) => rankOf(a) - rankOf(b))[0];
    }
    raws.push({ id: `oasst1-en:${asString(root.message_tree_id)}`, turns, file });
  }
  return { raws };
}

function oasstChinese(options: LoadOptions) {
  const file = 'oasst1-zh/data/oaast_sft_zh.json';
  const records = readJson(options.root, file);
  const raws: Raw[] = [];
  (Array.isArray(records) ? records : []).forEach((value, index) => {
    const record = asRecord(value);
    const turns: Turn[] = [];
    for (const pair of Array.isArray(record.history) ? record.history : []) {
      if (!Array.isArray(pair)) continue;
      turns.push(user(asString(pair[0])), assistant(asString(pair[1])));
    }
    turns.push(user(withInput(asString(record.instruction), asString(record.input))), assistant(asString(record.output)));
    raws.push({ id: `oasst1-zh:${index}`, turns, file });
  });
  return { raws };
}

function alpacaEval(options: LoadOptions) {
  const file = 'alpaca-eval/results/gpt4_1106_preview/model_outputs.json';
  const records = readJson(options.root, file);
  const raws = (Array.isArray(records) ? records : []).map((value, index): Raw => {
    const record = asRecord(value);
    return { id: `alpaca-eval:${index}`, turns: [user(asString(record.instruction)), assistant(asString(record.output))], file };
  });
  return { raws };
}

function selfInstruct(options: LoadOptions) {
  const raws: Raw[] = [];
  let bad = 0;
  for (const file of [
    'self-instruct-prompts/data/seed_tasks.jsonl',
    'self-instruct-prompts/human_eval/user_oriented_instructions.jsonl',
  ]) {
    const read = jsonLines(options, file, (record) => {
      const instance = asRecord(Array.isArray(record.instances) ? record.instances[0] : undefined);
      return {
        id: `self-instruct:${asString(record.id)}`,
        turns: [user(withInput(asString(record.instruction), asString(instance.input))), assistant(asString(instance.output))],
        file,
      };
    });
    raws.push(...read.raws);
    bad += read.bad;
  }
  return { raws, bad };
}

function mtBench(options: LoadOptions) {
  const raws: Raw[] = [];
  for (const bench of ['mt_bench', 'vicuna_bench']) {
    const base = `fastchat-mtbench/fastchat/llm_judge/data/${bench}`;
    const references = new Map<string, string[]>();
    for (const value of readJsonLines(options.root, `${base}/reference_answer/gpt-4.jsonl`).records) {
      const record = asRecord(value);
      const choice = asRecord(Array.isArray(record.choices) ? record.choices[0] : undefined);
      references.set(String(record.question_id), Array.isArray(choice.turns) ? choice.turns.map(asString) : []);
    }
    const file = `${base}/question.jsonl`;
    raws.push(
      ...jsonLines(options, file, (record) => {
        const id = String(record.question_id);
        const answers = references.get(id) ?? [];
        const turns: Turn[] = [];
        (Array.isArray(record.turns) ? record.turns : []).forEach((turn, index) => {
          turns.push(user(asString(turn)));
          if (answers[index]) turns.push(assistant(answers[index]));
        });
        return { id: `${bench}:${id}`, turns, file };
      }).raws,
    );
  }
  return { raws };
}

function instructionWild(options: LoadOptions) {
  const raws: Raw[] = [];
  let bad = 0;
  // data_v2/user_1.jsonl repeats seed_prompts_en.jsonl with type labels: not read twice.
  for (const file of [
    'instructionwild-prompts/data/seed_prompts_en.jsonl',
    'instructionwild-prompts/data/seed_prompts_ch.jsonl',
    'instructionwild-prompts/data_v2/user_2.jsonl',
    'instructionwild-prompts/data_v2/user_3.jsonl',
  ]) {
    const read = jsonLines(options, file, (record, index) => ({
      id: `instructionwild:${file.split('/').pop()}:${index}`,
      turns: [user(asString(record.instruction))],
      file,
    }));
    raws.push(...read.raws);
    bad += read.bad;
  }
  return { raws, bad };
}

function promptAnswerLines(prefix: string, file: string, prompt: string, answer: string) {
  return (options: LoadOptions) =>
    jsonLines(options, file, (record, index) => ({
      id: `${prefix}:${index}`,
      turns: [user(asString(record[prompt])), assistant(asString(record[answer]))],
      file,
    }));
}

function urs(options: LoadOptions) {
  const file = 'urs-user-queries/data/data_all.csv';
  const raws = readCsv(options.root, file).map(
    (row, index): Raw => ({
      id: `urs:${index}`,
      turns: [user(row.question ?? ''), assistant(row.reference_ans ?? '')],
      file,
    }),
  );
  return { raws };
}

const LLMZOO_LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'pt', 'zh'];
const llmzooFile = (language: string) => `llmzoo-multilingual-questions/llmzoo/eval/questions/multilingual/${language}100.jsonl`;

function llmzoo(options: LoadOptions) {
  const raws: Raw[] = [];
  for (const language of LLMZOO_LANGUAGES) {
    const file = llmzooFile(language);
    raws.push(
      ...jsonLines(options, file, (record) => ({
        id: `llmzoo:${language}:${String(record.id)}`,
        turns: [user(asString(record.query))],
        file,
      })).raws,
    );
  }
  return { raws };
}

export const ORDINARY_USE_SETS: readonly OrdinaryUseSet[] = [
  {
    folder: 'arena-hard-prompts',
    name: 'Arena-Hard prompts',
    files: ['arena-hard-prompts/data/arena-hard-v0.1/question.jsonl', 'arena-hard-prompts/data/arena-hard-v2.0/question.jsonl'],
    read: arenaHard,
  },
  {
    folder: 'oasst1-en-val',
    name: 'oasst1 EN val',
    files: ['oasst1-en-val/original-data/en-validation.jsonl'],
    read: oasstEnglish,
  },
  { folder: 'oasst1-zh', name: 'oasst1 ZH', files: ['oasst1-zh/data/oaast_sft_zh.json'], read: oasstChinese },
  {
    folder: 'alpaca-eval',
    name: 'AlpacaEval',
    files: ['alpaca-eval/results/gpt4_1106_preview/model_outputs.json'],
    read: alpacaEval,
  },
  {
    folder: 'self-instruct-prompts',
    name: 'Self-Instruct',
    files: ['self-instruct-prompts/data/seed_tasks.jsonl', 'self-instruct-prompts/human_eval/user_oriented_instructions.jsonl'],
    read: selfInstruct,
  },
  {
    folder: 'fastchat-mtbench',
    name: 'MT-Bench + Vicuna',
    files: [
      'fastchat-mtbench/fastchat/llm_judge/data/mt_bench/question.jsonl',
      'fastchat-mtbench/fastchat/llm_judge/data/vicuna_bench/question.jsonl',
    ],
    read: mtBench,
  },
  {
    folder: 'instructionwild-prompts',
    name: 'InstructionWild',
    files: ['instructionwild-prompts/data/seed_prompts_en.jsonl', 'instructionwild-prompts/data/seed_prompts_ch.jsonl'],
    read: instructionWild,
  },
  {
    folder: 'belle-eval-zh',
    name: 'BELLE eval ZH',
    files: ['belle-eval-zh/eval/eval_set.json'],
    read: promptAnswerLines('belle', 'belle-eval-zh/eval/eval_set.json', 'question', 'std_answer'),
  },
  {
    folder: 'alignbench-zh',
    name: 'AlignBench ZH',
    files: ['alignbench-zh/data/data_v1.1_release.jsonl'],
    read: promptAnswerLines('alignbench', 'alignbench-zh/data/data_v1.1_release.jsonl', 'question', 'reference'),
  },
  {
    folder: 'sharegpt-sample-en',
    name: 'ShareGPT sample',
    files: ['sharegpt-sample-en/sharegpt_sample_1000.jsonl'],
    format: 'sharegpt',
    read: () => ({ raws: [] }),
  },
  { folder: 'urs-user-queries', name: 'URS user queries', files: ['urs-user-queries/data/data_all.csv'], read: urs },
  {
    folder: 'llmzoo-multilingual-questions',
    name: 'LLMZoo (10 languages)',
    files: LLMZOO_LANGUAGES.map(llmzooFile),
    read: llmzoo,
  },
];

/** One ordinary-use set as conversations, de-duplicated on the user's text. */
export async function loadOrdinaryUse(set: OrdinaryUseSet, options: LoadOptions): Promise<Loaded<ConversationSet<null>>> {
  const missing = absent(options.root, set.folder, set.files);
  if (missing) return missing;
  let items: ConversationItem<null>[] = [];
  let bad = 0;
  let total: number;
  if (set.format) {
    const read = await ingestConversations(options.root, set.files[0] as string, set.format);
    items = read.conversations.map((conversation) => ({ conversation, label: null }));
    bad = read.issues;
    total = items.length + bad;
  } else {
    const read = await set.read(options);
    bad = read.bad ?? 0;
    total = read.raws.length + bad;
    for (const raw of read.raws) {
      const conversation = buildConversation(raw.id, raw.turns, 'csv', raw.file);
      if (conversation) items.push({ conversation, label: null });
    }
  }
  // Segments of a ShareGPT chat that start with the assistant carry no user text of their own to compare.
  const withUser = items.filter((item) => item.conversation.messages.some((message) => message.role === 'user'));
  const unique = dedupe(withUser, (item) => userText(item.conversation));
  const remark = note(
    unique.removed > 0 && `${unique.removed} duplicate prompts dropped`,
    withUser.length < items.length && `${items.length - withUser.length} without a user message dropped`,
    bad > 0 && `${bad} unreadable records skipped`,
  );
  return {
    kind: 'conversations',
    folder: set.folder,
    name: set.name,
    files: set.files,
    licence: licenceOf(set.folder),
    total,
    items: unique.items,
    ...(remark ? { note: remark } : {}),
  };
}

/** Every loaded ordinary-use set pooled, de-duplicated across sets on the user's text. */
export function poolOrdinaryUse(sets: readonly ConversationSet<null>[]): ConversationSet<null> {
  const seen = new Set<string>();
  const items: ConversationItem<null>[] = [];
  let total = 0;
  for (const set of sets) {
    total += set.items.length;
    items.push(...dedupe(set.items, (item) => userText(item.conversation), seen).items);
  }
  return {
    kind: 'conversations',
    folder: 'ordinary-use',
    name: 'ordinary use (pooled)',
    files: sets.flatMap((set) => set.files),
    licence: sets.every((set) => set.licence === 'trainable') ? 'trainable' : 'eval-only',
    total,
    items,
    note: `${sets.length} sets; ${total - items.length} prompts repeated across sets dropped`,
  };
}
