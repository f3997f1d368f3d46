/**
 * Spherical k-means on l2-normalised sparse rows (cosine similarity): k-means++ seeding with the
 * seeded generator (greedy: the best of 2 + ln k candidates per step), at most `maxIterations`
 * Lloyd steps, centroids on Float32Array re-normalised each step, several seedings keeping the
 * tightest. An emptied cluster is re-seeded with the row worst served by its centroid.
 */
import type { TopicRandom } from './random.ts';
import type { SparseRows } from './tfidf.ts';

export interface KMeansOptions {
  k: number;
  random: TopicRandom;
  /** Lloyd steps at most (default 40). */
  maxIterations?: number;
  /** Seedings, keeping the one with the highest total similarity (default 3). */
  inits?: number;
}

export interface KMeansResult {
  /** k × dimension, row-major, each centroid of unit length. */
  centroids: Float32Array;
  k: number;
  /** Cluster of each of the fitted rows, in the order given. */
  assignment: Int32Array;
  /** Sum over fitted rows of the cosine to their centroid (higher is tighter). */
  similarity: number;
}

/** Cosine of row i with centroid c. */
export function similarityTo(rows: SparseRows, i: number, centroids: Float32Array, c: number): number {
  const offset = c * rows.dimension;
  let sum = 0;
  for (let at = rows.rowStart[i] as number, end = rows.rowStart[i + 1] as number; at < end; at++) {
    sum += (rows.values[at] as number) * (centroids[offset + (rows.features[at] as number)] as number);
  }
  return sum;
}

/** The nearest centroid of row i (the lowest index on ties) and its cosine. */
export function nearest(
  rows: SparseRows,
  i: number,
  centroids: Float32Array,
  k: number,
): { cluster: number; similarity: number } {
  let cluster = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    const s = similarityTo(rows, i, centroids, c);
    if (s > best) {
      best = s;
      cluster = c;
    }
  }
  return { cluster, similarity: best };
}

function rowDot(rows: SparseRows, a: number, b: number): number {
  let i = rows.rowStart[a] as number;
  let j = rows.rowStart[b] as number;
  const endA = rows.rowStart[a + 1] as number;
  const endB = rows.rowStart[b + 1] as number;
  let sum = 0;
  while (i < endA && j < endB) {
    const fa = rows.features[i] as number;
    const fb = rows.features[j] as number;
    if (fa === fb) sum += (rows.values[i++] as number) * (rows.values[j++] as number);
    else if (fa < fb) i++;
    else j++;
  }
  return sum;
}

function setCentroidToRow(rows: SparseRows, i: number, centroids: Float32Array, c: number): void {
  const offset = c * rows.dimension;
  centroids.fill(0, offset, offset + rows.dimension);
  for (let at = rows.rowStart[i] as number, end = rows.rowStart[i + 1] as number; at < end; at++) {
    centroids[offset + (rows.features[at] as number)] = rows.values[at] as number;
  }
}

/** Greedy k-means++: squared Euclidean distance between unit vectors is 2 − 2·cosine. */
function seed(rows: SparseRows, members: readonly number[], k: number, random: TopicRandom): Float32Array {
  const n = members.length;
  const centroids = new Float32Array(k * rows.dimension);
  const distance = new Float64Array(n);
  const first = random.int(n);
  setCentroidToRow(rows, members[first] as number, centroids, 0);
  for (let m = 0; m < n; m++) distance[m] = Math.max(0, 2 - 2 * rowDot(rows, members[m] as number, members[first] as number));
  const trials = 2 + Math.floor(Math.log(k));
  const candidate = new Float64Array(n);
  const bestDistance = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let m = 0; m < n; m++) total += distance[m] as number;
    let bestPick = -1;
    let bestPotential = Number.POSITIVE_INFINITY;
    for (let t = 0; t < trials; t++) {
      let pick = 0;
      if (total > 0) {
        let target = random.next() * total;
        pick = n - 1;
        for (let m = 0; m < n; m++) {
          target -= distance[m] as number;
          if (target < 0) {
            pick = m;
            break;
          }
        }
      } else pick = random.int(n);
      let potential = 0;
      for (let m = 0; m < n; m++) {
        const d = Math.min(
          distance[m] as number,
          Math.max(0, 2 - 2 * rowDot(rows, members[m] as number, members[pick] as number)),
        );
        candidate[m] = d;
        potential += d;
      }
      if (potential < bestPotential) {
        bestPotential = potential;
        bestPick = pick;
        bestDistance.set(candidate);
      }
    }
    setCentroidToRow(rows, members[bestPick] as number, centroids, c);
    distance.set(bestDistance);
  }
  return centroids;
}

function lloyd(
  rows: SparseRows,
  members: readonly number[],
  k: number,
  centroids: Float32Array,
  maxIterations: number,
): KMeansResult {
  const n = members.length;
  const dim = rows.dimension;
  const assignment = new Int32Array(n).fill(-1);
  const fit = new Float64Array(n);
  const sizes = new Int32Array(k);
  let similarity = 0;
  for (let iteration = 0; iteration <= maxIterations; iteration++) {
    let changed = 0;
    similarity = 0;
    sizes.fill(0);
    for (let m = 0; m < n; m++) {
      const { cluster, similarity: s } = nearest(rows, members[m] as number, centroids, k);
      if (assignment[m] !== cluster) changed++;
      assignment[m] = cluster;
      fit[m] = s;
      similarity += s;
      sizes[cluster] = (sizes[cluster] as number) + 1;
    }
    if (changed === 0 || iteration === maxIterations) break;
    // An empty cluster takes the row its centroid serves worst (from the biggest cluster).
    for (let c = 0; c < k; c++) {
      if (sizes[c] !== 0) continue;
      let worst = -1;
      for (let m = 0; m < n; m++) {
        if ((sizes[assignment[m] as number] as number) > 1 && (worst < 0 || (fit[m] as number) < (fit[worst] as number)))
          worst = m;
      }
      if (worst < 0) break;
      sizes[assignment[worst] as number] = (sizes[assignment[worst] as number] as number) - 1;
      assignment[worst] = c;
      sizes[c] = 1;
      fit[worst] = 1;
    }
    centroids.fill(0);
    for (let m = 0; m < n; m++) {
      const i = members[m] as number;
      const offset = (assignment[m] as number) * dim;
      for (let at = rows.rowStart[i] as number, end = rows.rowStart[i + 1] as number; at < end; at++) {
        const f = offset + (rows.features[at] as number);
        centroids[f] = (centroids[f] as number) + (rows.values[at] as number);
      }
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let f = c * dim; f < (c + 1) * dim; f++) norm += (centroids[f] as number) ** 2;
      if (norm === 0) continue;
      const scale = 1 / Math.sqrt(norm);
      for (let f = c * dim; f < (c + 1) * dim; f++) centroids[f] = (centroids[f] as number) * scale;
    }
  }
  return { centroids, k, assignment, similarity };
}

/** Clusters the given rows (indices into `rows`, none empty) into min(k, rows) clusters. */
export function sphericalKMeans(rows: SparseRows, members: readonly number[], options: KMeansOptions): KMeansResult {
  const k = Math.max(1, Math.min(options.k, members.length));
  const inits = Math.max(1, options.inits ?? 3);
  let best: KMeansResult | undefined;
  for (let init = 0; init < inits; init++) {
    const result = lloyd(rows, members, k, seed(rows, members, k, options.random), options.maxIterations ?? 40);
    if (best === undefined || result.similarity > best.similarity + 1e-9) best = result;
  }
  return best as KMeansResult;
}
