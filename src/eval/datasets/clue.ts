/**
 * CLUEmotion valid (clue-emotion-zh/valid.jsonl): Weibo posts with one of 7 emotions, mapped to
 * polarity as the dataset's SOURCE.md suggests: sadness, disgust, anger, fear → negative; happiness,
 * like → positive; surprise (no valence, and the set has no neutral class) is left out. Only positive
 * and negative are scored: a neutral prediction counts as a miss.
 */
import type { Loaded, TextItem, TextSet } from '../types.ts';
import { absent, asRecord, asString, type LoadOptions, licenceOf, readJsonLines } from './common.ts';

const FOLDER = 'clue-emotion-zh';
const FILE = `${FOLDER}/valid.jsonl`;

export const CLUE_POLARITY: Record<string, 'positive' | 'negative' | undefined> = {
  sadness: 'negative',
  disgust: 'negative',
  anger: 'negative',
  fear: 'negative',
  happiness: 'positive',
  like: 'positive',
  surprise: undefined,
};

export function loadClue(options: LoadOptions): Loaded<TextSet<'positive' | 'negative'>> {
  const missing = absent(options.root, FOLDER, [FILE]);
  if (missing) return missing;
  const { records } = readJsonLines(options.root, FILE);
  const items: TextItem<'positive' | 'negative'>[] = [];
  let left = 0;
  for (const value of records) {
    const record = asRecord(value);
    const label = CLUE_POLARITY[asString(record.label)];
    const text = asString(record.content);
    if (label === undefined || text.trim() === '') {
      left += 1;
      continue;
    }
    items.push({ id: `clue:${String(record.id)}`, text, label });
  }
  return {
    kind: 'texts',
    folder: FOLDER,
    name: 'CLUEmotion valid',
    files: [FILE],
    licence: licenceOf(FOLDER),
    total: records.length,
    items,
    note: `${left} surprise posts left out (no polarity)`,
  };
}
