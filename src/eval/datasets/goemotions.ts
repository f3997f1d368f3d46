/**
 * GoEmotions dev (goemotions/dev.tsv): Reddit comments with 27 emotions + neutral, grouped into
 * polarity by the dataset's own sentiment_mapping.json:
 * - positive: a label of the positive group and none of the negative group (ambiguous labels may join);
 * - negative: the other way round;
 * - mixed: labels of both groups (left out of the polarity scores: no single gold polarity);
 * - ambiguous: only labels of the ambiguous group (surprise, curiosity, confusion, realization);
 * - neutral: only `neutral`.
 * The main score maps ambiguous → neutral: those emotions carry no valence, and on the facet's 5-point
 * scale a message without positive or negative tone is 0. A second score leaves ambiguous out.
 */
import type { Loaded, TextItem, TextSet } from '../types.ts';
import { absent, type LoadOptions, licenceOf, readJson, readText } from './common.ts';

const FOLDER = 'goemotions';
const FILE = `${FOLDER}/dev.tsv`;
const EMOTIONS = `${FOLDER}/emotions.txt`;
const MAPPING = `${FOLDER}/sentiment_mapping.json`;

export type GoEmotionsPolarity = 'positive' | 'negative' | 'neutral' | 'ambiguous' | 'mixed';

export function goEmotionsPolarity(names: readonly string[], mapping: Record<string, readonly string[]>): GoEmotionsPolarity {
  const groups = new Set<string>();
  for (const name of names) {
    for (const [group, members] of Object.entries(mapping)) if (members.includes(name)) groups.add(group);
  }
  const positive = groups.has('positive');
  const negative = groups.has('negative');
  if (positive && negative) return 'mixed';
  if (positive) return 'positive';
  if (negative) return 'negative';
  if (groups.has('ambiguous')) return 'ambiguous';
  return 'neutral';
}

export function loadGoEmotions(options: LoadOptions): Loaded<TextSet<GoEmotionsPolarity>> {
  const missing = absent(options.root, FOLDER, [FILE, EMOTIONS, MAPPING]);
  if (missing) return missing;
  const emotions = readText(options.root, EMOTIONS).trim().split('\n');
  const mapping = readJson(options.root, MAPPING) as Record<string, string[]>;
  const items: TextItem<GoEmotionsPolarity>[] = [];
  let total = 0;
  for (const line of readText(options.root, FILE).split('\n')) {
    const [text, labels, id] = line.split('\t');
    if (!text || !labels) continue;
    total += 1;
    const names = labels.split(',').map((label) => emotions[Number(label)] ?? 'neutral');
    items.push({ id: `goemotions:${id ?? total}`, text, label: goEmotionsPolarity(names, mapping) });
  }
  return {
    kind: 'texts',
    folder: FOLDER,
    name: 'GoEmotions dev',
    files: [FILE],
    licence: licenceOf(FOLDER),
    total,
    items,
  };
}
