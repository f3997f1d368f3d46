/** Topics over real questions (counsel-chat): one document per question, each asker a distinct participant. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readCsv } from '../eval/datasets/common.ts';
import { needsShared, SHARED_DATASETS } from '../testing/shared-datasets.ts';
import { buildTopics, type TopicDocument } from './build-topics.ts';

const FILE = 'counsel-chat/counsel_chat_train_val.csv';

it('finds labelled topics in counsel-chat questions', needsShared(FILE), (t) => {
  // The CSV has one row per therapist answer: keep the first row of each questionID.
  const documents = new Map<string, TopicDocument>();
  for (const row of readCsv(SHARED_DATASETS, FILE)) {
    const id = row.questionID ?? '';
    if (id === '' || documents.has(id)) continue;
    const text = [row.questionTitle ?? '', row.questionText ?? ''].join('\n');
    documents.set(id, { key: `counsel-chat:${id}`, participant: `asker:${id}`, text });
  }
  const started = performance.now();
  const result = buildTopics([...documents.values()], { seed: 1, kUsers: 5, kConversations: 10 });
  t.diagnostic(
    `${documents.size} questions, ${result.documentsUsed} used, vocabulary ${result.vocabulary}, ${Math.round(performance.now() - started)} ms`,
  );
  for (const c of result.clusters) {
    t.diagnostic(`${c.id} (${c.suppressed ? 'suppressed' : `${c.conversations} q`}): ${c.label.join(', ')}`);
  }
  const visible = result.clusters.filter((c) => !c.suppressed);
  assert.ok(visible.length >= 3);
  assert.ok(visible.every((c) => c.label.length > 0));
});
