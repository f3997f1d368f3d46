/**
 * Intervals for the study's shares and means, and the rule that picks the method.
 *
 * Rule: when the base of a share or mean has more than CLUSTER_RULE_CONVERSATIONS_PER_PARTICIPANT
 * (1.5) conversations per participant on average, its conversations are not independent enough for
 * Wilson (or a plain bootstrap): the interval is a cluster bootstrap by participant
 * (`cluster-bootstrap`). Otherwise a share gets a Wilson interval (`wilson`) and a mean a bootstrap
 * over conversations (`bootstrap`). Bootstraps use 1,000 resamples and a seed derived from the
 * study seed and the cell's id, so every cell is reproducible and independent of the others' order.
 */
import { bootstrapInterval, clusterBootstrapMean, clusterBootstrapProportion } from '../stats/bootstrap.ts';
import { wilsonInterval } from '../stats/proportion-interval.ts';
import { distinctParticipants, type StudyRow } from './rows.ts';

export const CLUSTER_RULE_CONVERSATIONS_PER_PARTICIPANT = 1.5;
export const BOOTSTRAP_RESAMPLES = 1000;
export const CONFIDENCE = 0.95;

export type IntervalMethod = 'wilson' | 'cluster-bootstrap' | 'bootstrap';

export interface Estimate {
  estimate: number | null;
  low: number | null;
  high: number | null;
  method: IntervalMethod | null;
}

export function isClustered(base: readonly StudyRow[]): boolean {
  const participants = distinctParticipants(base);
  return participants > 0 && base.length / participants > CLUSTER_RULE_CONVERSATIONS_PER_PARTICIPANT;
}

/** A per-cell seed: the study seed mixed with an FNV-1a hash of the cell's id. */
export function cellSeed(seed: number, id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
}

function byParticipant<T>(rows: readonly StudyRow[], init: () => T, add: (acc: T, row: StudyRow) => void): T[] {
  const groups = new Map<string, T>();
  for (const row of rows) {
    let acc = groups.get(row.participant);
    if (acc === undefined) {
      acc = init();
      groups.set(row.participant, acc);
    }
    add(acc, row);
  }
  return [...groups.keys()].sort().map((participant) => groups.get(participant)!);
}

/** The share of `base` for which `hit` holds. */
export function shareInterval(base: readonly StudyRow[], hit: (row: StudyRow) => boolean, seed: number, id: string): Estimate {
  if (base.length === 0) return { estimate: null, low: null, high: null, method: null };
  if (isClustered(base)) {
    const clusters = byParticipant(
      base,
      () => ({ successes: 0, n: 0 }),
      (acc, row) => {
        acc.n++;
        if (hit(row)) acc.successes++;
      },
    );
    const result = clusterBootstrapProportion(clusters, options(seed, id));
    return { estimate: result.estimate, low: result.low, high: result.high, method: 'cluster-bootstrap' };
  }
  const successes = base.filter(hit).length;
  const result = wilsonInterval(successes, base.length, CONFIDENCE);
  return { estimate: result.estimate, low: result.low, high: result.high, method: 'wilson' };
}

/** The mean of `value` over `rows` (every row must have a finite value). */
export function meanInterval(rows: readonly StudyRow[], value: (row: StudyRow) => number, seed: number, id: string): Estimate {
  if (rows.length === 0) return { estimate: null, low: null, high: null, method: null };
  if (isClustered(rows)) {
    const clusters = byParticipant(
      rows,
      () => ({ sum: 0, n: 0 }),
      (acc, row) => {
        acc.n++;
        acc.sum += value(row);
      },
    );
    const result = clusterBootstrapMean(clusters, options(seed, id));
    return { estimate: result.estimate, low: result.low, high: result.high, method: 'cluster-bootstrap' };
  }
  const mean = (sample: readonly number[]) => sample.reduce((sum, x) => sum + x, 0) / sample.length;
  const result = bootstrapInterval(rows.map(value), mean, options(seed, id));
  return { estimate: result.estimate, low: result.low, high: result.high, method: 'bootstrap' };
}

function options(seed: number, id: string) {
  return { resamples: BOOTSTRAP_RESAMPLES, seed: cellSeed(seed, id), confidence: CONFIDENCE };
}
