/**
 * Property test of the streaming readers on mutated exports (seeded, so every run checks the same
 * cases): 1,000 mutated ChatGPT-format arrays through the ChatGPT importer and 500 mutated JSON
 * Lines files through readJsonLineRecords. For every case:
 *   - reading never throws and never hangs (the cases run in a worker thread; a watchdog ends it
 *     when one case takes more than CASE_LIMIT_MS);
 *   - every conversation whose bytes the mutation did not touch is still yielded, unchanged;
 *   - damage is never silent: an input that is no longer valid JSON, or one that lost a
 *     conversation, gives at least one issue.
 * A conversation's bytes, for "touched", include the separator before it (`, ` or the newline) for
 * deletions and insertions (an edit that leaves `:` before an element's `{` makes it a nested value);
 * a flipped byte in a JSON array's separator must not cost either neighbour.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { collect, memoryFile } from '../testing/import-helpers.ts';
import { Rng } from '../testing/seeded-random.ts';
import { chatgptImporter, mapChatgptConversation } from './chatgpt/index.ts';
import { DEFAULT_IMPORT_OPTIONS, type ImportIssue, type ImportOptions } from './importer.ts';
import { isRecord } from './normalize.ts';
import { type ElementMapper, readJsonLineRecords } from './record-readers.ts';

const JSON_CASES = 1000;
const JSONL_CASES = 500;
const CASE_LIMIT_MS = 5000;
const SEED = 20261122;

const WORDS = [
  'the',
  'I',
  'feel',
  'today',
  'help',
  'me',
  'with',
  'code',
  'why',
  'does',
  'it',
  'fail',
  'thanks',
  'lonely',
  'advice',
  'please',
  '你好',
  '我',
  '觉得',
  '今天',
  '很',
  '累',
  '谢谢',
  'café',
  'naïve',
  '😀',
  '{',
  '}',
  '[',
  ']',
  ',{"id":"fake"}',
  '"quoted"',
  'back\\slash',
  'tab\there',
  'line\nbreak',
  '],[',
  '{"mapping":{}}',
];

function sentence(rng: Rng): string {
  const words: string[] = [];
  const count = rng.between(1, 25);
  for (let i = 0; i < count; i++) words.push(rng.pick(WORDS));
  return words.join(' ');
}

// ---------------------------------------------------------------- inputs

interface Element {
  id: string;
  /** Byte range of the element itself. */
  start: number;
  end: number;
  /** Where the bytes that belong to it begin: the end of the previous element (the separator is its). */
  regionStart: number;
  /** How many messages the importer reads from it, unmutated. */
  messages: number;
  value: Record<string, unknown>;
}

interface Input {
  kind: 'json' | 'jsonl';
  bytes: Buffer;
  elements: Element[];
  /** Serializes one element (for wrong-type mutations that re-write an element). */
  separator: string;
}

function chatgptConversation(rng: Rng): Record<string, unknown> {
  const id = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
  const mapping: Record<string, unknown> = {};
  const time = 1_700_000_000 + rng.int(10_000_000);
  const nodeId = () => `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(12)}`;
  const root = nodeId();
  mapping[root] = { id: root, message: null, parent: null, children: [] };
  const system = nodeId();
  mapping[root] = { id: root, message: null, parent: null, children: [system] };
  mapping[system] = {
    id: system,
    message: {
      id: system,
      author: { role: 'system', name: null, metadata: {} },
      create_time: time,
      content: { content_type: 'text', parts: [''] },
      metadata: { is_visually_hidden_from_conversation: true },
      recipient: 'all',
    },
    parent: root,
    children: [],
  };
  let parent = system;
  const turns = rng.between(2, 10);
  for (let turn = 0; turn < turns; turn++) {
    const role = turn % 2 === 0 ? 'user' : 'assistant';
    const branches = role === 'assistant' && rng.chance(0.2) ? 2 : 1;
    let last = parent;
    for (let branch = 0; branch < branches; branch++) {
      const id2 = nodeId();
      const code = role === 'assistant' && rng.chance(0.15);
      mapping[id2] = {
        id: id2,
        message: {
          id: id2,
          author: { role, name: null, metadata: {} },
          create_time: time + turn * 30,
          content: code
            ? { content_type: 'code', language: 'python', text: sentence(rng) }
            : { content_type: 'text', parts: [sentence(rng)] },
          status: 'finished_successfully',
          metadata: role === 'assistant' ? { model_slug: 'gpt-4o' } : {},
          recipient: code ? 'python' : 'all',
        },
        parent,
        children: [],
      };
      ((mapping[parent] as { children: string[] }).children as string[]).push(id2);
      last = id2;
    }
    parent = last;
  }
  return {
    title: sentence(rng).slice(0, 40),
    create_time: time,
    update_time: time + 999,
    mapping,
    moderation_results: [],
    current_node: parent,
    id,
  };
}

function openAiRecord(rng: Rng): Record<string, unknown> {
  const messages: { role: string; content: string }[] = [];
  const count = rng.between(1, 8);
  for (let i = 0; i < count; i++) messages.push({ role: i % 2 === 0 ? 'user' : 'assistant', content: sentence(rng) });
  return { id: `rec-${rng.hex(24)}`, messages };
}

/** A trivial mapper for OpenAI-style records (the real importer is written elsewhere). */
const mapOpenAiRecord: ElementMapper = (value) => {
  if (!isRecord(value) || typeof value.id !== 'string' || !Array.isArray(value.messages)) {
    return { skip: 'wrong-shape', reason: 'not an {id, messages} record' };
  }
  const messages = value.messages.map((message: unknown) => {
    if (!isRecord(message) || typeof message.content !== 'string') throw new Error('message without text content');
    return { role: message.role === 'assistant' ? ('assistant' as const) : ('user' as const), text: message.content };
  });
  return { conversation: { id: value.id, messages } };
};

function countMessages(kind: Input['kind'], value: unknown): number {
  const result =
    kind === 'json' ? mapChatgptConversation(value) : (mapOpenAiRecord(value, {}) as ReturnType<typeof mapChatgptConversation>);
  assert.ok('conversation' in result);
  return result.conversation.messages.length;
}

function serialize(kind: Input['kind'], values: Record<string, unknown>[]): Input {
  const separator = kind === 'json' ? ', ' : '\n';
  const parts: Buffer[] = [];
  const elements: Element[] = [];
  let offset = 0;
  const push = (text: string) => {
    const bytes = Buffer.from(text);
    parts.push(bytes);
    offset += bytes.length;
  };
  if (kind === 'json') push('[');
  values.forEach((value, index) => {
    const regionStart = index === 0 ? offset : offset - (kind === 'json' ? Buffer.byteLength(separator) : 1);
    if (index > 0 && kind === 'json') push(separator);
    const start = offset;
    push(JSON.stringify(value));
    elements.push({
      id: String(value.id),
      start,
      end: offset,
      regionStart: kind === 'json' ? (index === 0 ? 1 : (elements[index - 1] as Element).end) : regionStart,
      messages: countMessages(kind, value),
      value,
    });
    if (kind === 'jsonl') push('\n');
  });
  if (kind === 'json') push(']\n');
  return { kind, bytes: Buffer.concat(parts), elements, separator };
}

// ---------------------------------------------------------------- mutations

interface Mutated {
  label: string;
  bytes: Buffer;
  /** Indexes of elements the mutation touched. */
  touched: Set<number>;
  maxRecordBytes: number;
}

/** Elements whose bytes (separator before them included) overlap the replaced range [from, to). */
function overlapping(input: Input, from: number, to: number): number[] {
  // The opening bracket belongs to every element of an array.
  if (input.kind === 'json' && from === 0) return input.elements.map((_, index) => index);
  const out: number[] = [];
  input.elements.forEach((element, index) => {
    // JSON Lines: the newline after a line is its too (removing it merges two lines).
    const end = input.kind === 'jsonl' ? element.end + 1 : element.end;
    if (element.regionStart < to && end > from) out.push(index);
  });
  return out;
}

/** The element (or, for the opening bracket, all elements) whose own bytes hold byte `at`. */
function ownBytes(input: Input, at: number): number[] {
  if (at === 0) return input.elements.map((_, index) => index);
  return input.elements.flatMap((element, index) => (element.start <= at && at < element.end ? [index] : []));
}

/** Elements an insertion before byte `at` lands in. */
function insertedInto(input: Input, at: number): number[] {
  const out: number[] = [];
  input.elements.forEach((element, index) => {
    const start = input.kind === 'jsonl' ? element.start : element.regionStart;
    const end = input.kind === 'jsonl' ? element.end + 1 : element.end;
    if (start <= at && at < end) out.push(index);
  });
  // Before the opening bracket: the file is no longer an array.
  if (input.kind === 'json' && at === 0) return input.elements.map((_, index) => index);
  return out;
}

const splice = (bytes: Buffer, from: number, to: number, insert: Buffer = Buffer.alloc(0)) =>
  Buffer.concat([bytes.subarray(0, from), insert, bytes.subarray(to)]);

const INVALID_UTF8 = [[0xff], [0xc3], [0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xbd]];

/** Wrong-typed replacements, by where they go in an element. */
function wrongType(rng: Rng, input: Input, index: number): { value: Record<string, unknown>; label: string } {
  const value = structuredClone((input.elements[index] as Element).value);
  if (input.kind === 'jsonl') {
    const choice = rng.int(4);
    if (choice === 0) value.id = 12345;
    else if (choice === 1) value.messages = { 0: 'x' };
    else if (choice === 2) (value.messages as unknown[])[0] = ['user', 'hi'];
    else ((value.messages as Record<string, unknown>[])[0] as Record<string, unknown>).content = { text: 'x' };
    return { value, label: `wrong-type-${choice}` };
  }
  const mapping = value.mapping as Record<string, Record<string, unknown>>;
  const node = mapping[rng.pick(Object.keys(mapping))] as Record<string, unknown>;
  const message = node.message as Record<string, unknown> | null;
  const choice = rng.int(8);
  if (choice === 0) value.mapping = Object.values(mapping);
  else if (choice === 1) value.current_node = 404;
  else if (choice === 2) node.parent = 42;
  else if (choice === 3) node.children = 'child';
  else if (choice === 4 && message) message.content = ['text', 1];
  else if (choice === 5 && message) message.author = 'user';
  else if (choice === 6 && message) (message.content as Record<string, unknown>).parts = 'a string, not an array';
  else value.id = 99;
  return { value, label: `wrong-type-${choice}` };
}

function mutate(rng: Rng, input: Input): Mutated {
  const { bytes } = input;
  const length = bytes.length;
  let maxRecordBytes = DEFAULT_IMPORT_OPTIONS.maxRecordBytes;
  const kind = rng.int(100);
  const touched = new Set<number>();
  const touch = (indexes: number[]) => {
    for (const index of indexes) touched.add(index);
  };
  const result = (label: string, out: Buffer): Mutated => ({ label, bytes: out, touched, maxRecordBytes });

  if (kind < 18) {
    const at = rng.int(length);
    touch(overlapping(input, at, length));
    return result('truncate', bytes.subarray(0, at));
  }
  if (kind < 36) {
    const out = Buffer.from(bytes);
    const flips = rng.between(1, 3);
    const separators = input.kind === 'json' && rng.chance(0.3);
    for (let i = 0; i < flips; i++) {
      // Some cases aim at the `, ` between two elements, which random positions rarely hit.
      const at = separators
        ? (input.elements[rng.between(1, input.elements.length - 1)] as Element).start - rng.between(1, 2)
        : rng.int(length);
      out[at] = (out[at] as number) ^ rng.between(1, 255);
      // A flipped separator byte must not cost the next element (only the element's own bytes count).
      touch(input.kind === 'json' ? ownBytes(input, at) : overlapping(input, at, at + 1));
    }
    return result('byte-flip', out);
  }
  if (kind < 50) {
    const from = rng.int(length);
    const to = Math.min(length, from + rng.between(1, 300));
    touch(overlapping(input, from, to));
    return result('delete-range', splice(bytes, from, to));
  }
  if (kind < 64) {
    const from = rng.int(length);
    const to = Math.min(length, from + rng.between(1, 300));
    touch(insertedInto(input, to));
    return result('duplicate-range', splice(bytes, to, to, bytes.subarray(from, to)));
  }
  if (kind < 76) {
    const index = rng.int(input.elements.length);
    const element = input.elements[index] as Element;
    const { value, label } = wrongType(rng, input, index);
    touched.add(index);
    return result(label, splice(bytes, element.start, element.end, Buffer.from(JSON.stringify(value))));
  }
  if (kind < 84) {
    const at = rng.int(length + 1);
    const depth = rng.pick([10_000, 3_000, 100_000]);
    const balanced = rng.chance(0.3);
    const nesting = '['.repeat(depth) + (balanced ? ']'.repeat(depth) : '');
    touch(insertedInto(input, at));
    return result(balanced ? 'deep-nesting-balanced' : 'deep-nesting', splice(bytes, at, at, Buffer.from(nesting)));
  }
  if (kind < 88) {
    const size = rng.between(2, 6) * 1024 * 1024;
    if (rng.chance(0.3)) maxRecordBytes = 1024 * 1024;
    if (rng.chance(0.5)) {
      // A valid huge message text inside one conversation.
      const index = rng.int(input.elements.length);
      const element = input.elements[index] as Element;
      const value = structuredClone(element.value);
      const huge = rng.chance(0.5) ? 'x'.repeat(size) : '好'.repeat(size / 3);
      if (input.kind === 'json') {
        const node = Object.values(value.mapping as Record<string, Record<string, unknown>>).find(
          (candidate) => isRecord(candidate.message) && (candidate.message.author as { role: string }).role === 'user',
        ) as { message: { content: { parts: string[] } } };
        node.message.content.parts = [huge];
      } else ((value.messages as Record<string, unknown>[])[0] as Record<string, unknown>).content = huge;
      touched.add(index);
      return result('huge-string-valid', splice(bytes, element.start, element.end, Buffer.from(JSON.stringify(value))));
    }
    const at = rng.int(length + 1);
    const raw = (rng.chance(0.5) ? '"' : '') + 'y'.repeat(size);
    touch(insertedInto(input, at));
    return result('huge-string-raw', splice(bytes, at, at, Buffer.from(raw)));
  }
  // invalid UTF-8: overwrite or insert a few bad sequences
  const out: Buffer[] = [];
  let previous = 0;
  const positions = Array.from({ length: rng.between(1, 3) }, () => rng.int(length)).sort((a, b) => a - b);
  const insert = rng.chance(0.5);
  for (const at of positions) {
    if (at < previous) continue;
    const sequence = Buffer.from(rng.pick(INVALID_UTF8));
    out.push(bytes.subarray(previous, at), sequence);
    if (insert) {
      previous = at;
      touch(insertedInto(input, at));
    } else {
      previous = Math.min(length, at + sequence.length);
      touch(overlapping(input, at, previous));
    }
  }
  out.push(bytes.subarray(previous));
  return result(insert ? 'invalid-utf8-insert' : 'invalid-utf8-overwrite', Buffer.concat(out));
}

// ---------------------------------------------------------------- checking one case

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/** Would a strict reader accept this input as it is? (If not, an issue is owed.) */
function isValidInput(kind: Input['kind'], bytes: Buffer, maxRecordBytes: number): boolean {
  let text: string;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    return false;
  }
  try {
    if (kind === 'json') {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) && value.every((element) => Buffer.byteLength(JSON.stringify(element)) <= maxRecordBytes);
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      JSON.parse(line);
      if (Buffer.byteLength(line) > maxRecordBytes) return false;
    }
    return true;
  } catch {
    return false;
  }
}

async function read(input: Input, bytes: Buffer, chunkSize: number, options: ImportOptions) {
  const file = memoryFile(input.kind === 'json' ? 'conversations.json' : 'records.jsonl', bytes, chunkSize);
  if (input.kind === 'json') return collect(chatgptImporter, file, options);
  const conversations = [];
  const issues: ImportIssue[] = [];
  for await (const record of readJsonLineRecords(file, options, mapOpenAiRecord)) {
    if (record.kind === 'conversation') {
      conversations.push(record.conversation);
      issues.push(...(record.warnings ?? []));
    } else issues.push(record.issue);
  }
  return { conversations, issues };
}

/** Returns what is wrong with this case, or undefined. */
async function checkCase(input: Input, mutated: Mutated, chunkSize: number): Promise<string | undefined> {
  const options = { ...DEFAULT_IMPORT_OPTIONS, maxRecordBytes: mutated.maxRecordBytes };
  let result: Awaited<ReturnType<typeof read>>;
  try {
    result = await read(input, mutated.bytes, chunkSize, options);
  } catch (error) {
    return `threw: ${(error as Error).stack}`;
  }
  const byId = new Map(result.conversations.map((conversation) => [conversation.id, conversation]));
  const problems: string[] = [];
  // Conversations not yielded although their id is still in the file: each must be accounted for.
  // (One whose id the mutation removed or renamed may be gone silently: a deleted line, two records
  // merged into one valid record, a flipped id byte.)
  let lost = 0;
  input.elements.forEach((element, index) => {
    const conversation = byId.get(element.id);
    if (!conversation && mutated.bytes.includes(`"${element.id}"`)) lost += 1;
    if (mutated.touched.has(index)) return;
    if (!conversation) problems.push(`untouched conversation #${index} (${element.start}–${element.end}) was not yielded`);
    else if (conversation.messages.length !== element.messages) {
      problems.push(`untouched conversation #${index} has ${conversation.messages.length} messages, not ${element.messages}`);
    }
  });
  const owed = lost > 0 || !isValidInput(input.kind, mutated.bytes, mutated.maxRecordBytes);
  if (owed && result.issues.length === 0) problems.push(`damage without any issue (${lost} conversations lost)`);
  if (lost > 0 && !result.issues.some((issue) => issue.severity === 'skipped'))
    problems.push(`${lost} conversations lost without a skipped issue`);
  return problems.length > 0 ? problems.join('; ') : undefined;
}

// ---------------------------------------------------------------- the worker: runs the cases

interface WorkerJob {
  kind: Input['kind'];
  cases: number;
  seed: number;
}

type WorkerMessage =
  | { type: 'start'; index: number; label: string }
  | { type: 'failure'; index: number; label: string; chunkSize: number; problem: string }
  | { type: 'done'; labels: Record<string, number>; slowestMs: number };

async function runCases(job: WorkerJob, post: (message: WorkerMessage) => void): Promise<void> {
  const setup = new Rng(job.seed);
  const bases: Input[] = [];
  for (let i = 0; i < 8; i++) {
    const count = setup.between(5, 8);
    const values = Array.from({ length: count }, () => (job.kind === 'json' ? chatgptConversation(setup) : openAiRecord(setup)));
    bases.push(serialize(job.kind, values));
  }
  const labels: Record<string, number> = {};
  let slowestMs = 0;
  for (let index = 0; index < job.cases; index++) {
    const rng = new Rng(job.seed * 7919 + index);
    const input = bases[index % bases.length] as Input;
    const mutated = mutate(rng, input);
    const chunkSize = mutated.bytes.length < 64_000 ? rng.pick([1, 2, 7, 64, 4096]) : rng.pick([4096, 65_536]);
    labels[mutated.label] = (labels[mutated.label] ?? 0) + 1;
    post({ type: 'start', index, label: mutated.label });
    const started = performance.now();
    const problem = await checkCase(input, mutated, chunkSize);
    const elapsed = performance.now() - started;
    slowestMs = Math.max(slowestMs, elapsed);
    if (elapsed > CASE_LIMIT_MS) {
      post({ type: 'failure', index, label: mutated.label, chunkSize, problem: `took ${Math.round(elapsed)} ms` });
    }
    if (problem) post({ type: 'failure', index, label: mutated.label, chunkSize, problem });
  }
  post({ type: 'done', labels, slowestMs });
}

/** Runs a job in a worker so a case that hangs (a busy loop) can be stopped and named. */
function runInWorker(job: WorkerJob): Promise<{ failures: WorkerMessage[]; done: WorkerMessage & { type: 'done' } }> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(source, { eval: true, workerData: job });
  return new Promise((resolve, reject) => {
    const failures: WorkerMessage[] = [];
    let current: { index: number; label: string; since: number } | undefined;
    const watchdog = setInterval(() => {
      if (current && performance.now() - current.since > CASE_LIMIT_MS * 2) {
        clearInterval(watchdog);
        void worker.terminate();
        reject(new Error(`${job.kind} case ${current.index} (${current.label}) hung for over ${CASE_LIMIT_MS * 2} ms`));
      }
    }, 250);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'start') current = { index: message.index, label: message.label, since: performance.now() };
      else if (message.type === 'failure') failures.push(message);
      else {
        clearInterval(watchdog);
        void worker.terminate();
        resolve({ failures, done: message });
      }
    });
    worker.on('error', (error) => {
      clearInterval(watchdog);
      reject(error);
    });
  });
}

if (!isMainThread && parentPort && (workerData as WorkerJob | undefined)?.cases) {
  const port = parentPort;
  void runCases(workerData as WorkerJob, (message) => port.postMessage(message));
}

if (isMainThread) {
  describe('readers under mutation (fuzz)', () => {
    for (const [kind, cases] of [
      ['json', JSON_CASES],
      ['jsonl', JSONL_CASES],
    ] as const) {
      it(`${cases} mutated ${kind === 'json' ? 'ChatGPT exports' : 'JSON Lines files'}: no throw, no hang, intact conversations kept, damage reported`, {
        timeout: 120_000,
      }, async (t) => {
        const started = performance.now();
        const { failures, done } = await runInWorker({ kind, cases, seed: SEED + (kind === 'json' ? 0 : 1) });
        t.diagnostic(
          `${kind}: ${cases} cases in ${Math.round(performance.now() - started)} ms, slowest ${Math.round(done.slowestMs)} ms; ${JSON.stringify(done.labels)}`,
        );
        assert.deepEqual(
          failures
            .slice(0, 5)
            .map((failure) =>
              failure.type === 'failure'
                ? `#${failure.index} ${failure.label} chunk ${failure.chunkSize}: ${failure.problem}`
                : '',
            ),
          [],
          `${failures.length} failing cases`,
        );
      });
    }
  });
}
