/**
 * Cluster labels: the terms whose mean TF-IDF in the cluster most exceeds their mean in the rest
 * (the rest of the corpus for a top-level cluster, the rest of the parent for a sub-cluster). Only
 * vocabulary terms can appear, so only terms used by at least k_users participants.
 */
import type { SparseRows } from './tfidf.ts';

/** Sum of the rows of each cluster: clusters × dimension (Float64Array, row-major). */
export function clusterSums(rows: SparseRows, members: readonly number[], cluster: Int32Array, k: number): Float64Array {
  const sums = new Float64Array(k * rows.dimension);
  members.forEach((i, m) => {
    const offset = (cluster[m] as number) * rows.dimension;
    for (let at = rows.rowStart[i] as number, end = rows.rowStart[i + 1] as number; at < end; at++) {
      const f = offset + (rows.features[at] as number);
      sums[f] = (sums[f] as number) + (rows.values[at] as number);
    }
  });
  return sums;
}

export interface LabelInput {
  /** clusterSums of the siblings. */
  sums: Float64Array;
  /** Rows in each sibling. */
  sizes: readonly number[];
  terms: readonly string[];
  count: number;
}

/** The label of sibling c: up to `count` terms with a positive score, best first (ties by term). */
export function distinctiveTerms(input: LabelInput, c: number): string[] {
  const dim = input.terms.length;
  const inside = input.sizes[c] as number;
  const outside = input.sizes.reduce((a, b) => a + b, 0) - inside;
  if (inside === 0) return [];
  const scored: { term: string; score: number }[] = [];
  for (let f = 0; f < dim; f++) {
    const own = input.sums[c * dim + f] as number;
    if (own === 0) continue;
    let other = 0;
    for (let s = 0; s < input.sizes.length; s++) if (s !== c) other += input.sums[s * dim + f] as number;
    const score = own / inside - (outside > 0 ? other / outside : 0);
    if (score > 0) scored.push({ term: input.terms[f] as string, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
  return scored.slice(0, input.count).map((entry) => entry.term);
}
