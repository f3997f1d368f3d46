/**
 * TF-IDF over the vocabulary: sublinear tf (1 + ln count), smoothed idf (ln((1 + n) / (1 + df)) + 1),
 * each document l2-normalised — so a dot product is a cosine. Stored as compressed sparse rows.
 */
import type { TermCounts, Vocabulary } from './vocabulary.ts';

export interface SparseRows {
  /** Row i spans [rowStart[i], rowStart[i + 1]) of features and values. */
  rowStart: Int32Array;
  features: Int32Array;
  values: Float32Array;
  /** Number of features (columns). */
  dimension: number;
}

export function tfidfRows(counts: TermCounts, vocabulary: Vocabulary): SparseRows {
  const n = counts.documents.length;
  const idf = Float64Array.from(vocabulary.documentFrequency, (df) => Math.log((1 + n) / (1 + df)) + 1);
  const rowStart = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (const id of (counts.documents[i] as TermCounts['documents'][number]).ids)
      if ((vocabulary.featureOf[id] as number) >= 0) total++;
    rowStart[i + 1] = total;
  }
  const features = new Int32Array(total);
  const values = new Float32Array(total);
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const { ids, counts: termCounts } = counts.documents[i] as TermCounts['documents'][number];
    pairs.length = 0;
    let norm = 0;
    for (let j = 0; j < ids.length; j++) {
      const feature = vocabulary.featureOf[ids[j] as number] as number;
      if (feature < 0) continue;
      const weight = (1 + Math.log(termCounts[j] as number)) * (idf[feature] as number);
      norm += weight * weight;
      pairs.push([feature, weight]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    let at = rowStart[i] as number;
    for (const [feature, weight] of pairs) {
      features[at] = feature;
      values[at] = weight * scale;
      at++;
    }
  }
  return { rowStart, features, values, dimension: vocabulary.terms.length };
}

/** Whether row i has any vocabulary term. */
export function rowIsEmpty(rows: SparseRows, i: number): boolean {
  return rows.rowStart[i] === rows.rowStart[i + 1];
}
