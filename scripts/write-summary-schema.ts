/**
 * Writes docs/summary.schema.json: the JSON Schema of the study part of summary.json, generated from
 * StudySummarySchema (src/aggregate/summary-schema.ts). Deterministic: run it after changing the
 * schema and commit the result (a test fails while the file is stale).
 *
 *   node --import tsx scripts/write-summary-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summarySchemaText } from '../src/aggregate/summary-schema.ts';

const target = fileURLToPath(new URL('../docs/summary.schema.json', import.meta.url));
writeFileSync(target, summarySchemaText());
console.log(`wrote ${target}`);
