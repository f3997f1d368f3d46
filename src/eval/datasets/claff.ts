/**
 * CL-Aff "OffMyChest" (claff-offmychest/): Reddit sentences labelled for emotional and
 * informational self-disclosure. Only the training file is in the development snapshot.
 */
import type { Loaded, TextItem, TextSet } from '../types.ts';
import { absent, type LoadOptions, licenceOf, readCsv } from './common.ts';

const FOLDER = 'claff-offmychest';
const FILE = `${FOLDER}/labeled_training_set.csv`;

export interface DisclosureLabel {
  emotional: boolean;
  informational: boolean;
}

export function loadClaff(options: LoadOptions): Loaded<TextSet<DisclosureLabel>> {
  const missing = absent(options.root, FOLDER, [FILE]);
  if (missing) return missing;
  const rows = readCsv(options.root, FILE);
  const items: TextItem<DisclosureLabel>[] = [];
  for (const [index, row] of rows.entries()) {
    const text = row.full_text ?? '';
    if (text.trim() === '') continue;
    items.push({
      id: `claff:${row.sentenceid ?? index}`,
      text,
      label: { emotional: row.Emotional_disclosure === '1', informational: row.Information_disclosure === '1' },
    });
  }
  return {
    kind: 'texts',
    folder: FOLDER,
    name: 'CL-Aff train',
    files: [FILE],
    licence: licenceOf(FOLDER),
    total: rows.length,
    items,
  };
}
