/**
 * CPED valid (cped-zh/valid_split.csv): Chinese TV-series utterances with a sentiment column. The
 * series (TV_ID) travels with each item: the training scripts hold whole series out.
 */
import type { Polarity } from '../baselines.ts';
import type { Loaded, TextItem, TextSet } from '../types.ts';
import { absent, type LoadOptions, licenceOf, readCsv } from './common.ts';

const FOLDER = 'cped-zh';
const FILE = `${FOLDER}/valid_split.csv`;
const POLARITIES = new Set(['positive', 'negative', 'neutral']);

export interface CpedLabel {
  polarity: Polarity;
  series: string;
}

export function loadCped(options: LoadOptions): Loaded<TextSet<CpedLabel>> {
  const missing = absent(options.root, FOLDER, [FILE]);
  if (missing) return missing;
  const rows = readCsv(options.root, FILE);
  const items: TextItem<CpedLabel>[] = [];
  for (const row of rows) {
    const text = row.Utterance ?? '';
    const label = row.Sentiment ?? '';
    if (text.trim() === '' || !POLARITIES.has(label)) continue;
    items.push({ id: `cped:${row.Utterance_ID}`, text, label: { polarity: label as Polarity, series: row.TV_ID ?? '' } });
  }
  return {
    kind: 'texts',
    folder: FOLDER,
    name: 'CPED valid',
    files: [FILE],
    licence: licenceOf(FOLDER),
    total: rows.length,
    items,
  };
}
