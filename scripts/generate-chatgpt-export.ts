/**
 * Writes a seeded synthetic ChatGPT-format conversations.json of a requested size, streaming to
 * disk (one conversation in memory at a time). The shape follows the public export format: a
 * `mapping` tree per conversation with an empty root and a hidden system message, user/assistant
 * turns (2–40 messages), regenerated answers and edited prompts as branches, code and browsing
 * tool turns, English and Chinese text, and now and then a long message. Text comes from a small
 * built-in word list (no dataset is copied).
 *
 *   node --import tsx scripts/generate-chatgpt-export.ts --bytes 1e9 --out /tmp/conversations.json
 *   node --import tsx scripts/generate-chatgpt-export.ts --conversations 500 --seed 7 --out FILE
 *
 * `generateChatgptExport(options)` is the same thing for other scripts (the benchmark).
 */
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Rng } from '../src/testing/seeded-random.ts';

export interface GenerateOptions {
  out: string;
  /** Stop after the conversation that reaches this many bytes (approximate size). */
  bytes?: number;
  /** Exact number of conversations (wins over `bytes`). */
  conversations?: number;
  seed?: number;
  /** Called now and then with the bytes written so far. */
  onProgress?: (bytesWritten: number, conversations: number) => void;
}

export interface GenerateResult {
  bytes: number;
  conversations: number;
  messages: number;
}

const ENGLISH = (
  'I you we they it this that what why how when where can could would should feel think know want need ' +
  'help me with my work code project friend partner mother father job today yesterday tomorrow really very ' +
  'tired lonely happy anxious stressed worried excited sorry thanks please advice talk about relationship ' +
  'function error python javascript database query test build deploy server file data list value return ' +
  'again still maybe always never sometimes a the and or but so because if then also just not more less ' +
  'better worse new old good bad great small big first last next time day week year life home school'
).split(' ');
const CHINESE = (
  '我 你 他 我们 今天 明天 昨天 觉得 想 需要 帮助 工作 朋友 家人 关系 问题 代码 数据 为什么 怎么 ' +
  '很 非常 有点 累 开心 难过 担心 压力 谢谢 请 建议 学习 生活 时间 可以 应该 还是 但是 因为 所以'
).split(' ');

/** A pool of sentences made once per run, so writing a gigabyte is not a billion random picks. */
function sentencePool(rng: Rng, size: number): { english: string[]; chinese: string[] } {
  const english: string[] = [];
  const chinese: string[] = [];
  for (let i = 0; i < size; i++) {
    const words: string[] = [];
    const count = rng.between(4, 22);
    for (let w = 0; w < count; w++) words.push(rng.pick(ENGLISH));
    const text = words.join(' ');
    english.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}${rng.pick(['.', '.', '?', '!', '...'])}`);
    let zh = '';
    const zhCount = rng.between(3, 14);
    for (let w = 0; w < zhCount; w++) zh += rng.pick(CHINESE);
    chinese.push(`${zh}${rng.pick(['。', '？', '！'])}`);
  }
  return { english, chinese };
}

const CODE_SNIPPETS = [
  'def add(a, b):\n    return a + b\n\nprint(add(2, 3))',
  'const items = data.filter((x) => x.ok).map((x) => x.id);\nconsole.log(items);',
  'SELECT id, name FROM users WHERE created_at > NOW() - INTERVAL 7 DAY;',
  'for i in range(10):\n    if i % 2 == 0:\n        print(f"{i} is even")',
  'import pandas as pd\ndf = pd.read_csv("data.csv")\nprint(df.describe())',
];

interface Generator {
  rng: Rng;
  pool: { english: string[]; chinese: string[] };
}

function paragraph(gen: Generator, chinese: boolean, sentences: number): string {
  const source = chinese ? gen.pool.chinese : gen.pool.english;
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(gen.rng.pick(source));
  return parts.join(chinese ? '' : ' ');
}

function messageText(gen: Generator, role: 'user' | 'assistant', chinese: boolean): string {
  const { rng } = gen;
  if (rng.chance(0.01)) {
    // An occasional long message (a pasted document, a long answer): 5–60 KB.
    const paragraphs: string[] = [];
    const target = rng.between(5_000, 60_000);
    let length = 0;
    while (length < target) {
      const p = paragraph(gen, chinese, rng.between(5, 15));
      paragraphs.push(p);
      length += p.length;
    }
    return paragraphs.join('\n\n');
  }
  if (role === 'user') return paragraph(gen, chinese, rng.between(1, 4));
  const paragraphs: string[] = [];
  const count = rng.between(1, 5);
  for (let i = 0; i < count; i++) paragraphs.push(paragraph(gen, chinese, rng.between(2, 6)));
  if (rng.chance(0.15)) paragraphs.push(`\`\`\`python\n${rng.pick(CODE_SNIPPETS)}\n\`\`\``);
  return paragraphs.join('\n\n');
}

interface NodeRecord {
  id: string;
  message: Record<string, unknown> | null;
  parent: string | null;
  children: string[];
}

function makeMessage(
  id: string,
  role: string,
  time: number,
  content: Record<string, unknown>,
  extra: { recipient?: string; metadata?: Record<string, unknown>; name?: string | null } = {},
): Record<string, unknown> {
  return {
    id,
    author: { role, name: extra.name ?? null, metadata: {} },
    create_time: time,
    update_time: null,
    content,
    status: 'finished_successfully',
    end_turn: role === 'assistant' ? true : null,
    weight: 1,
    metadata: extra.metadata ?? {},
    recipient: extra.recipient ?? 'all',
  };
}

/** One conversation as a plain object, in the key order of real exports. */
function conversation(gen: Generator): { value: Record<string, unknown>; messages: number } {
  const { rng } = gen;
  const chinese = rng.chance(0.2);
  const start = 1_672_531_200 + rng.int(3 * 365 * 86_400) + rng.next();
  let time = start;
  const mapping: Record<string, NodeRecord> = {};
  const add = (parent: string | null, message: Record<string, unknown> | null, id = rng.uuid()): string => {
    mapping[id] = { id, message, parent, children: [] };
    if (parent !== null) mapping[parent]?.children.push(id);
    return id;
  };
  const root = add(null, null);
  const systemId = rng.uuid();
  let leaf = add(
    root,
    makeMessage(
      systemId,
      'system',
      time,
      { content_type: 'text', parts: [''] },
      { metadata: { is_visually_hidden_from_conversation: true } },
    ),
    systemId,
  );
  const model = rng.pick(['gpt-4o', 'gpt-4', 'text-davinci-002-render-sha', 'gpt-4o-mini', 'o1']);
  const visibleMessages = rng.between(2, 40);
  let messages = 0;
  while (messages < visibleMessages) {
    // user turn (sometimes edited: the old prompt stays as an abandoned sibling)
    time += rng.between(5, 600);
    if (rng.chance(0.04)) {
      const oldId = rng.uuid();
      add(leaf, makeMessage(oldId, 'user', time, { content_type: 'text', parts: [messageText(gen, 'user', chinese)] }), oldId);
      messages += 1;
    }
    const userId = rng.uuid();
    leaf = add(
      leaf,
      makeMessage(userId, 'user', time, { content_type: 'text', parts: [messageText(gen, 'user', chinese)] }),
      userId,
    );
    messages += 1;
    if (messages >= visibleMessages) break;

    // tool use before the answer: code interpreter or browsing
    if (rng.chance(0.06)) {
      const callId = rng.uuid();
      time += rng.between(1, 20);
      leaf = add(
        leaf,
        makeMessage(
          callId,
          'assistant',
          time,
          { content_type: 'code', language: 'unknown', text: rng.pick(CODE_SNIPPETS) },
          {
            recipient: 'python',
            metadata: { model_slug: model },
          },
        ),
        callId,
      );
      const outputId = rng.uuid();
      leaf = add(
        leaf,
        makeMessage(outputId, 'tool', time + 1, { content_type: 'execution_output', text: '5' }, { name: 'python' }),
        outputId,
      );
    } else if (rng.chance(0.04)) {
      const browseId = rng.uuid();
      time += rng.between(1, 20);
      leaf = add(
        leaf,
        makeMessage(
          browseId,
          'tool',
          time,
          {
            content_type: 'tether_browsing_display',
            result: paragraph(gen, false, 3),
            summary: null,
          },
          { name: 'browser' },
        ),
        browseId,
      );
      const quoteId = rng.uuid();
      leaf = add(
        leaf,
        makeMessage(
          quoteId,
          'tool',
          time + 1,
          {
            content_type: 'tether_quote',
            url: `https://example.org/${rng.hex(6)}`,
            domain: 'example.org',
            text: paragraph(gen, false, 2),
            title: 'Example page',
          },
          { name: 'browser' },
        ),
        quoteId,
      );
    }

    // assistant answer, sometimes regenerated (the earlier answer stays as a sibling)
    const answers = rng.chance(0.08) ? rng.between(2, 3) : 1;
    const parent = leaf;
    for (let a = 0; a < answers; a++) {
      time += rng.between(2, 90);
      const answerId = rng.uuid();
      leaf = add(
        parent,
        makeMessage(
          answerId,
          'assistant',
          time,
          { content_type: 'text', parts: [messageText(gen, 'assistant', chinese)] },
          { metadata: { model_slug: model, finish_details: { type: 'stop' } } },
        ),
        answerId,
      );
      messages += 1;
    }
  }
  const id = rng.uuid();
  const title = paragraph(gen, chinese, 1).slice(0, 48);
  return {
    value: {
      title,
      create_time: start,
      update_time: time,
      mapping,
      moderation_results: [],
      current_node: leaf,
      plugin_ids: null,
      conversation_id: id,
      conversation_template_id: null,
      gizmo_id: null,
      is_archived: false,
      default_model_slug: model,
      id,
    },
    messages,
  };
}

/** Writes the export; resolves when the file is complete on disk. */
export async function generateChatgptExport(options: GenerateOptions): Promise<GenerateResult> {
  if (options.conversations === undefined && options.bytes === undefined) throw new Error('give bytes or conversations');
  const rng = new Rng(options.seed ?? 1);
  const gen: Generator = { rng, pool: sentencePool(rng, 4000) };
  const stream = createWriteStream(options.out, { highWaterMark: 1 << 20 });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const write = async (text: string): Promise<void> => {
    if (!stream.write(text)) await Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), failed]);
  };
  const result: GenerateResult = { bytes: 0, conversations: 0, messages: 0 };
  const done = () =>
    options.conversations !== undefined
      ? result.conversations >= options.conversations
      : result.bytes >= (options.bytes as number);
  await write('[');
  result.bytes = 1;
  let lastReport = 0;
  while (!done()) {
    const { value, messages } = conversation(gen);
    const text = (result.conversations === 0 ? '' : ', ') + JSON.stringify(value);
    await write(text);
    result.bytes += Buffer.byteLength(text);
    result.conversations += 1;
    result.messages += messages;
    if (options.onProgress && result.bytes - lastReport > 50_000_000) {
      lastReport = result.bytes;
      options.onProgress(result.bytes, result.conversations);
    }
  }
  await write(']\n');
  result.bytes += 2;
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bytes: { type: 'string' },
      conversations: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  if (!values.out || (values.bytes === undefined && values.conversations === undefined)) {
    console.error('usage: generate-chatgpt-export.ts (--bytes N | --conversations N) --out FILE [--seed N]');
    process.exit(2);
  }
  const started = performance.now();
  const result = await generateChatgptExport({
    out: values.out,
    ...(values.bytes === undefined ? {} : { bytes: Number(values.bytes) }),
    ...(values.conversations === undefined ? {} : { conversations: Number(values.conversations) }),
    seed: Number(values.seed),
    onProgress: (bytes) => process.stderr.write(`\r${(bytes / 1e6).toFixed(0)} MB`),
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`\r${' '.repeat(30)}\r`);
  console.log(
    `${values.out}: ${result.bytes} bytes, ${result.conversations} conversations, ${result.messages} messages on all branches, ${seconds.toFixed(1)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
