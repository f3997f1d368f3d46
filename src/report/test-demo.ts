/**
 * Test helper (not a test): runs `analyze` over the fictional demo export plus one planted export
 * whose text must never reach an aggregate output, into a temporary file store.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AnalyzeOptions, type AnalyzeSummary, analyze } from '../analyze.ts';
import { DuckDbStore } from '../store/duckdb/duckdb-store.ts';
import { chatgptConversation, tempDir } from '../testing/fixtures.ts';

export const DEMO_EXPORT = fileURLToPath(new URL('../../examples/demo-export', import.meta.url));
export const PLANTED_SENTENCE = 'my neighbour Quillon keeps the violet umbrella in the attic';
export const PLANTED_WORD = 'quillonesque';

export interface DemoRun {
  folder: string;
  db: string;
  out: string;
  summary: AnalyzeSummary;
}

/** Low thresholds (2 participants, 3 conversations) so the small demo shows numbers as well as suppressed cells. */
export async function analyzeDemo(options: Partial<Pick<AnalyzeOptions, 'lang' | 'evaluation'>> = {}): Promise<DemoRun> {
  const folder = tempDir('affectlens-report-');
  const planted = path.join(folder, 'planted');
  mkdirSync(planted, { recursive: true });
  const conversations = Array.from({ length: 2 }, (_, index) =>
    chatgptConversation(`planted-${index}`, 3, (turn) =>
      turn % 2 === 1 ? 'That sounds hard; I am here to listen.' : `I feel lonely tonight, ${PLANTED_SENTENCE}, ${PLANTED_WORD}.`,
    ),
  );
  writeFileSync(path.join(planted, 'conversations.json'), JSON.stringify(conversations));
  const db = path.join(folder, 'store.duckdb');
  const out = path.join(folder, 'out');
  const store = await DuckDbStore.open(db);
  try {
    const { summary } = await analyze([DEMO_EXPORT, planted], {
      store,
      out,
      participantKey: Buffer.alloc(32, 7),
      thresholds: { kUsers: 2, kConversations: 3 },
      ...options,
    });
    return { folder, db, out, summary };
  } finally {
    await store.close();
  }
}
