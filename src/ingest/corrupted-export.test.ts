/**
 * The full ingest stage on a damaged copy of a real ChatGPT export (built in memory, written to a
 * temp file): one conversation's mapping broken, one conversation cut in half further on, and the
 * file cut inside its last conversation. Every intact conversation must still come through.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { needsShared, sharedPath } from '../testing/shared-datasets.ts';
import type { ImportIssue } from './importer.ts';
import { IngestTally, ingest } from './ingest.ts';
import { readJsonArray } from './read-json-array.ts';

const REAL_EXPORT = 'export-format-samples/chatgpt-real-export-pkuppens/conversations.json';
const MISSING_NODE = 'missing-node-for-corruption-test';

interface Element {
  id: string;
  value: Record<string, unknown>;
  start: number;
  end: number;
}

interface IngestResult {
  ids: string[];
  issues: ImportIssue[];
  tally: IngestTally;
}

let tempDir = '';

async function ingestBytes(bytes: Buffer, name: string): Promise<IngestResult> {
  const file = path.join(tempDir, name, 'conversations.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  const result: IngestResult = { ids: [], issues: [], tally: new IngestTally() };
  for await (const event of ingest([file], { participantKey: Buffer.alloc(32, 7) })) {
    result.tally.add(event);
    if (event.kind === 'conversation') result.ids.push(event.conversation.id);
    else if (event.kind === 'issue') result.issues.push(event.issue);
  }
  return result;
}

async function elementsOf(bytes: Buffer): Promise<Element[]> {
  const elements: Element[] = [];
  async function* once() {
    yield bytes;
  }
  const accept = (value: unknown) => typeof value === 'object' && value !== null && 'mapping' in value;
  for await (const item of readJsonArray(once(), { maxElementBytes: 1 << 30, accept })) {
    assert.equal(item.kind, 'value');
    if (item.kind !== 'value') continue;
    const value = item.value as Record<string, unknown>;
    elements.push({ id: String(value.conversation_id ?? value.id), value, start: item.start, end: item.end });
  }
  return elements;
}

describe('ingest of a corrupted real ChatGPT export', needsShared(REAL_EXPORT), () => {
  let original: Buffer;
  let elements: Element[];
  let baseline: IngestResult;

  before(async () => {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'affectlens-corrupt-'));
    original = readFileSync(sharedPath(REAL_EXPORT));
    elements = await elementsOf(original);
    baseline = await ingestBytes(original, 'original');
  });
  after(() => {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it('reads the uncorrupted copy without skipping anything', () => {
    assert.ok(elements.length > 50);
    assert.deepEqual(baseline.tally.summary.skipped, 0);
    assert.ok(baseline.ids.length > 50);
  });

  it('keeps every intact conversation around a broken mapping and a conversation cut in half', async () => {
    // An early conversation whose current node's parent points to a node that does not exist.
    const brokenIndex = elements.findIndex(
      (element, index) => index > elements.length / 3 && baseline.ids.includes(element.id) && element.value.current_node,
    );
    const broken = elements[brokenIndex] as Element;
    const brokenValue = structuredClone(broken.value);
    const mapping = brokenValue.mapping as Record<string, { parent: unknown }>;
    (mapping[brokenValue.current_node as string] as { parent: unknown }).parent = MISSING_NODE;
    const brokenBytes = Buffer.from(JSON.stringify(brokenValue));

    // A conversation near the end loses its second half; the conversations after it follow as before.
    const cutIndex = elements.length - 5;
    const cut = elements[cutIndex] as Element;
    assert.ok(baseline.ids.includes(cut.id));
    const cutAt = cut.start + Math.floor((cut.end - cut.start) / 2);

    const corrupted = Buffer.concat([
      original.subarray(0, broken.start),
      brokenBytes,
      original.subarray(broken.end, cutAt),
      original.subarray(cut.end),
    ]);
    const cutStart = cut.start + brokenBytes.length - (broken.end - broken.start);
    assert.equal(corrupted.subarray(cutStart, cutStart + 10).toString(), original.subarray(cut.start, cut.start + 10).toString());

    const result = await ingestBytes(corrupted, 'cut-in-half');
    assert.deepEqual(
      result.ids,
      baseline.ids.filter((id) => id !== broken.id && id !== cut.id),
    );

    const brokenIssues = result.issues.filter((issue) => issue.code === 'broken-tree');
    assert.equal(brokenIssues.length, 1);
    assert.equal(brokenIssues[0]?.conversationId, broken.id);
    assert.equal(brokenIssues[0]?.severity, 'skipped');
    assert.match(brokenIssues[0]?.reason ?? '', new RegExp(MISSING_NODE));
    assert.equal(brokenIssues[0]?.position.byteOffset, broken.start);

    const damaged = result.issues.filter((issue) => issue.code !== 'broken-tree');
    assert.equal(damaged.length, 1, JSON.stringify(damaged));
    assert.ok(['invalid-json', 'truncated'].includes(damaged[0]?.code ?? ''), damaged[0]?.code);
    assert.equal(damaged[0]?.severity, 'skipped');
    assert.equal(damaged[0]?.position.byteOffset, cutStart);

    assert.equal(result.tally.summary.skipped, 2);
    assert.equal(result.tally.summary.conversations, baseline.ids.length - 2);
    assert.deepEqual(result.tally.summary.issues, { 'broken-tree': 1, [damaged[0]?.code as string]: 1 });
  });

  it('keeps every conversation before a truncation inside the last one and reports its offset', async () => {
    const last = elements[elements.length - 1] as Element;
    assert.ok(baseline.ids.includes(last.id));
    const corrupted = original.subarray(0, last.start + Math.floor((last.end - last.start) / 2));
    const result = await ingestBytes(corrupted, 'truncated');
    assert.deepEqual(
      result.ids,
      baseline.ids.filter((id) => id !== last.id),
    );
    assert.equal(result.issues.length, 1);
    assert.equal(result.issues[0]?.code, 'truncated');
    assert.equal(result.issues[0]?.severity, 'skipped');
    assert.equal(result.issues[0]?.position.byteOffset, last.start);
    assert.equal(result.issues[0]?.position.endOffset, corrupted.length);
    assert.equal(result.tally.summary.skipped, 1);
  });
});
