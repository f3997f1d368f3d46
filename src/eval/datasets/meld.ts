/** MELD dev (meld/dev_sent_emo.csv): Friends TV utterances with a sentiment column. GPL-3.0: evaluation only. */
import type { Polarity } from '../baselines.ts';
import type { Loaded, TextItem, TextSet } from '../types.ts';
import { absent, type LoadOptions, licenceOf, readCsv } from './common.ts';

const FOLDER = 'meld';
const FILE = `${FOLDER}/dev_sent_emo.csv`;
const POLARITIES = new Set(['positive', 'negative', 'neutral']);

export function loadMeld(options: LoadOptions): Loaded<TextSet<Polarity>> {
  const missing = absent(options.root, FOLDER, [FILE]);
  if (missing) return missing;
  const rows = readCsv(options.root, FILE);
  const items: TextItem<Polarity>[] = [];
  for (const row of rows) {
    const text = row.Utterance ?? '';
    const label = row.Sentiment ?? '';
    if (text.trim() === '' || !POLARITIES.has(label)) continue;
    items.push({ id: `meld:${row.Dialogue_ID}:${row.Utterance_ID}`, text, label: label as Polarity });
  }
  return {
    kind: 'texts',
    folder: FOLDER,
    name: 'MELD dev',
    files: [FILE],
    licence: licenceOf(FOLDER),
    total: rows.length,
    items,
  };
}
