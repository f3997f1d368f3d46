/**
 * Up to `concurrency` facet records computed at once while they are written in input order: the
 * callers (write-facets, analyze) push each conversation's pending record and the window writes the
 * oldest one whenever it is full. With the embedded backend (concurrency 1) this is the plain loop.
 */
import type { FacetBackend } from '../facets/embedded-backend.ts';
import { type FacetRecord, type FailedFacetRecord, isFailedRecord } from '../facets/facet-record.ts';

export function concurrencyOf(backend: FacetBackend): number {
  const value = (backend as { concurrency?: unknown }).concurrency;
  return typeof value === 'number' && Number.isInteger(value) && value > 1 ? value : 1;
}

export interface OrderedWindow<T> {
  push(pending: Promise<T>): Promise<void>;
  drain(): Promise<void>;
}

export function createOrderedWindow<T>(size: number, write: (value: T) => Promise<void>): OrderedWindow<T> {
  const queue: Promise<T>[] = [];
  const flushOne = async () => write(await (queue.shift() as Promise<T>));
  return {
    async push(pending) {
      pending.catch(() => {}); // awaited in order below; keeps an early rejection from going unhandled
      queue.push(pending);
      while (queue.length >= size) await flushOne();
    },
    async drain() {
      while (queue.length > 0) await flushOne();
    },
  };
}

/** Labelled and failed conversations of a run, failures counted by reason code. */
export interface FacetOutcomes {
  labelled: number;
  failed: number;
  failures: Record<string, number>;
}

export function createOutcomeTally() {
  const outcomes: FacetOutcomes = { labelled: 0, failed: 0, failures: {} };
  return {
    outcomes,
    add(record: FacetRecord | FailedFacetRecord) {
      if (!isFailedRecord(record)) outcomes.labelled += 1;
      else {
        outcomes.failed += 1;
        const code = record.error.split(':')[0] as string;
        outcomes.failures[code] = (outcomes.failures[code] ?? 0) + 1;
      }
    },
  };
}

/** The backend's own run statistics (LLM tokens, cost, cascade routing), if it keeps any. */
export function backendRunSummary(backend: FacetBackend): unknown {
  const summary = (backend as { runSummary?: () => unknown }).runSummary;
  return typeof summary === 'function' ? summary.call(backend) : undefined;
}
