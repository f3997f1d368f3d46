/**
 * The cascade: the embedded classifier screens every conversation; the LLM labels only those the
 * screen marks affective or uncertain (affective-gate probability within `uncertainBand` of its
 * threshold, on the log-odds scale) plus a seeded random audit sample of the rest. The audit sample
 * estimates how many affective conversations the screen missed (Wilson interval × screened-out count).
 */
import { readFileSync } from 'node:fs';
import type { EmbeddedBackend, FacetBackend } from '../../facets/embedded-backend.ts';
import type { Conversation } from '../../model.ts';
import type { LlmBackend } from '../llm/backend.ts';
import type { Estimate } from '../llm/plan.ts';
import { type CascadeStats, createCascadeTally } from './tally.ts';

export interface CascadeOptions {
  screen: EmbeddedBackend;
  llm: LlmBackend;
  /** Share of screened-out conversations sent anyway, to estimate what the screen misses (default 0.02). */
  auditRate?: number;
  seed?: number;
  /** Half-width of the uncertain band around the gate threshold, in log-odds (default 1). */
  uncertainBand?: number;
}

export type Route = 'affective' | 'uncertain' | 'audit' | 'screen';

export interface CascadeBackend extends FacetBackend {
  readonly concurrency: number;
  readonly model: string;
  route(conversation: Conversation): Route;
  /** The LLM cost of this conversation under the cascade (zero when the screen keeps it). */
  estimate(conversation: Conversation): Estimate & { sent: boolean };
  runSummary(): { cascade: CascadeStats; llm: ReturnType<LlmBackend['runSummary']> };
}

const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));

/** The shipped gate's decision threshold (models/affective-gate.json). */
export function gateThreshold(): number {
  const file = JSON.parse(readFileSync(new URL('../../../models/affective-gate.json', import.meta.url), 'utf8'));
  return (file as { threshold: number }).threshold;
}

/** A uniform draw in [0, 1) per (seed, conversation): the same on every run and in any order. */
export function auditDraw(seed: number, key: string): number {
  let hash = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 15), 2246822507) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 13), 3266489909) >>> 0;
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32;
}

export function createCascadeBackend(options: CascadeOptions): CascadeBackend {
  const { screen, llm } = options;
  const auditRate = options.auditRate ?? 0.02;
  const seed = options.seed ?? 1;
  const band = options.uncertainBand ?? 1;
  const threshold = logit(gateThreshold());
  const tally = createCascadeTally(auditRate);

  const screenOf = (conversation: Conversation) => {
    const facets = screen.classifySync(conversation);
    const userTexts = conversation.messages.filter((m) => m.role === 'user').map((m) => m.text);
    const gate = screen.parts.affective.classifyUserTexts(userTexts).gate;
    const route: Route =
      facets.affective.length > 0
        ? 'affective'
        : Math.abs(logit(gate) - threshold) < band
          ? 'uncertain'
          : auditDraw(seed, conversation.key) < auditRate
            ? 'audit'
            : 'screen';
    return { facets, route };
  };

  return {
    id: `cascade(${screen.id}+${llm.id})`,
    concurrency: llm.concurrency,
    model: llm.model,
    route: (conversation) => screenOf(conversation).route,
    async classify(conversation) {
      const { facets, route } = screenOf(conversation);
      if (route === 'screen') {
        tally.add(route);
        return { ...facets, evidence: { ...facets.evidence, cascade: ['screen'] } };
      }
      try {
        const labelled = await llm.classify(conversation);
        tally.add(route, labelled.affective.length > 0);
        return { ...labelled, evidence: { ...labelled.evidence, cascade: [`llm:${route}`] } };
      } catch (error) {
        if (!(error instanceof Error && error.name === 'AbortError')) tally.add(route, null);
        throw error;
      }
    },
    estimate(conversation) {
      const { route } = screenOf(conversation);
      tally.add(route);
      return route === 'screen'
        ? { requests: 0, inputTokens: 0, outputTokens: 0, sent: false }
        : { ...llm.estimate(conversation), sent: true };
    },
    runSummary: () => ({ cascade: tally.summary(), llm: llm.runSummary() }),
  };
}
