import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { tempDir } from '../testing/fixtures.ts';
import { aggregateRows, writeAggregatesCsv, writeAggregatesParquet } from './export-aggregates.ts';

const study = {
  prevalence: {
    n_conversations: 40,
    all: {
      counseling: { conversations: 12, participants: 6, suppressed: false, share: { estimate: 0.3, low: 0.18, high: 0.45 } },
      coaching: { conversations: 2, participants: 1, suppressed: true, suppression_reason: 'below-threshold', share: null },
    },
  },
  topics: { clusters: [{ id: 't1', label: ['work'], conversations: 10, participants: 5, suppressed: false, children: [] }] },
};

it('flattens every cell, keeps suppressed cells with null values, and writes CSV and Parquet', async () => {
  const rows = aggregateRows(study);
  assert.deepEqual(
    rows.map((row) => [row.section, row.cell, row.measure, row.value, row.suppressed]),
    [
      ['prevalence', 'all/counseling', 'share.estimate', 0.3, false],
      ['prevalence', 'all/counseling', 'share.low', 0.18, false],
      ['prevalence', 'all/counseling', 'share.high', 0.45, false],
      ['prevalence', 'all/coaching', 'share', null, true],
    ],
  );
  const folder = tempDir();
  writeAggregatesCsv(rows, path.join(folder, 'a.csv'));
  assert.match(
    readFileSync(path.join(folder, 'a.csv'), 'utf8'),
    /^section,cell,measure,value,conversations,participants,suppressed\nprevalence,all\/counseling,share.estimate,0.3,12,6,false/,
  );
  const parquet = path.join(folder, 'a.parquet');
  await writeAggregatesParquet(rows, parquet);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(
    `SELECT count(*), count(value), sum(CASE WHEN suppressed THEN 1 ELSE 0 END) FROM '${parquet}'`,
  );
  assert.deepEqual(reader.getRows()[0]?.map(Number), [4, 3, 1]);
  connection.closeSync();
  instance.closeSync();
});
