/**
 * Topics with an LLM, over the privacy-instructed summaries of affective conversations:
 *   1. embed each distinct summary (the provider's embeddings endpoint; cached), l2-normalised;
 *   2. spherical k-means++ (src/topics/kmeans.ts, seeded) fitted on a seeded sample of ≤ 20,000,
 *      k ≈ √(n/2) ≤ n / (2·kConversations) as in the offline topics, and the same inside each
 *      top-level cluster big enough for two reportable parts (the second level);
 *   3. k-thresholds with complementary suppression among siblings (src/topics/suppress.ts);
 *   4. each remaining cluster named contrastively: a few summaries closest to its centroid (one per
 *      participant) vs the summaries of the nearest other sibling closest to it → a short name;
 *   5. a privacy auditor rates each name 1–5 for identifiability; below minAuditRating (default 4),
 *      or unrated, the cluster is withheld ('privacy-audit'), its sub-clusters with it.
 * Suppressed clusters are listed, never dropped, with no label and no counts. Documents are ordered
 * by key first, so the input order does not change the result.
 */
import { clusterCount, FIT_SAMPLE } from '../../topics/build-topics.ts';
import { nearest, sphericalKMeans } from '../../topics/kmeans.ts';
import { sampleIndices, TopicRandom } from '../../topics/random.ts';
import { type Cell, orderSiblings, suppressSiblings } from '../../topics/suppress.ts';
import type { SparseRows } from '../../topics/tfidf.ts';
import { createDirectoryCache } from '../llm/cache.ts';
import { createLimiter } from '../llm/limit.ts';
import { DEFAULT_RETRY_POLICY } from '../llm/retry.ts';
import { askJson, embedTexts, type TopicsContext } from './calls.ts';
import { AUDIT_PROMPT, auditAnswer, auditContent, NAMING_PROMPT, nameAnswer, namingContent, oneLine } from './prompts.ts';
import {
  emptyTopicsStats,
  type LlmTopicCluster,
  type LlmTopicDocument,
  type LlmTopicSuppressionReason,
  type LlmTopicsOptions,
  type LlmTopicsResult,
} from './types.ts';

const DEFAULT_TOP = 20;
const DEFAULT_SUB = 5;
const DEFAULT_SAMPLES = 6;
const DEFAULT_MIN_RATING = 4;
const DEFAULT_EMBED_BATCH = 64;
const MAX_ITERATIONS = 40;
const INITS = 3;

interface Group {
  /** Indices of the (sorted) documents in this cluster. */
  members: number[];
  /** Unit-length mean of the members' rows. */
  centroid: Float64Array;
  cell: Cell;
  children: Group[];
  name?: string;
  reason?: LlmTopicSuppressionReason;
}

/** Dense unit vectors as the sparse rows k-means takes; a zero (or missing) vector is an empty row. */
function denseRows(vectors: readonly (number[] | null)[], dimension: number): { rows: SparseRows; used: number[] } {
  const used: number[] = [];
  const rowStart = new Int32Array(vectors.length + 1);
  vectors.forEach((vector, i) => {
    const norm = vector ? Math.hypot(...vector) : 0;
    if (norm > 0) used.push(i);
    rowStart[i + 1] = (rowStart[i] as number) + (norm > 0 ? dimension : 0);
  });
  const features = new Int32Array(used.length * dimension);
  const values = new Float32Array(used.length * dimension);
  for (const i of used) {
    const vector = vectors[i] as number[];
    const norm = Math.hypot(...vector);
    const start = rowStart[i] as number;
    for (let f = 0; f < dimension; f++) {
      features[start + f] = f;
      values[start + f] = (vector[f] as number) / norm;
    }
  }
  return { rows: { rowStart, features, values, dimension }, used };
}

function meanDirection(rows: SparseRows, members: readonly number[]): Float64Array {
  const sum = new Float64Array(rows.dimension);
  for (const i of members) {
    for (let at = rows.rowStart[i] as number, end = rows.rowStart[i + 1] as number; at < end; at++) {
      sum[rows.features[at] as number] = (sum[rows.features[at] as number] as number) + (rows.values[at] as number);
    }
  }
  const norm = Math.hypot(...sum);
  if (norm > 0) for (let f = 0; f < sum.length; f++) sum[f] = (sum[f] as number) / norm;
  return sum;
}

function cosine(rows: SparseRows, i: number, direction: Float64Array): number {
  let sum = 0;
  for (let at = rows.rowStart[i] as number, end = rows.rowStart[i + 1] as number; at < end; at++) {
    sum += (rows.values[at] as number) * (direction[rows.features[at] as number] as number);
  }
  return sum;
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((sum, x, f) => sum + x * (b[f] as number), 0);

export async function buildLlmTopics(
  documents: readonly LlmTopicDocument[],
  options: LlmTopicsOptions,
): Promise<LlmTopicsResult> {
  const kUsers = Math.max(1, options.kUsers);
  const kConversations = Math.max(1, options.kConversations);
  const thresholds = { kUsers, kConversations };
  const seed = options.seed ?? 1;
  const topBound = options.topLevelClusters ?? DEFAULT_TOP;
  const subBound = options.subClusters ?? DEFAULT_SUB;
  const samples = Math.max(1, options.samples ?? DEFAULT_SAMPLES);
  const minRating = options.minAuditRating ?? DEFAULT_MIN_RATING;
  const stats = options.stats ?? emptyTopicsStats();
  const context: TopicsContext = {
    provider: options,
    cache: options.cache ?? createDirectoryCache(),
    limiter: createLimiter(options.concurrency ?? 4),
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    stats,
    ...(options.signal ? { signal: options.signal } : {}),
  };

  const sorted = [...documents].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : a.participant < b.participant ? -1 : a.participant > b.participant ? 1 : 0,
  );
  const texts = sorted.map((d) => oneLine(d.summary));
  const participantIndex = new Map<string, number>();
  const participantOf = sorted.map((d) => {
    if (!participantIndex.has(d.participant)) participantIndex.set(d.participant, participantIndex.size);
    return participantIndex.get(d.participant) as number;
  });

  const withText = texts.flatMap((text, i) => (text === '' ? [] : [i]));
  const embedded = await embedTexts(
    context,
    withText.map((i) => texts[i] as string),
    options.embedBatch ?? DEFAULT_EMBED_BATCH,
  );
  const vectors: (number[] | null)[] = sorted.map(() => null);
  withText.forEach((i, m) => {
    vectors[i] = embedded[m] as number[];
  });
  const { rows, used } = denseRows(vectors, embedded[0]?.length ?? 0);

  const random = new TopicRandom(seed);
  const fitted = new Set(sampleIndices(used.length, FIT_SAMPLE, random).map((m) => used[m] as number));
  const cellOf = (members: readonly number[]): Cell => ({
    conversations: members.length,
    participants: new Set(members.map((i) => participantOf[i] as number)),
  });
  const group = (members: number[]): Group => ({
    members,
    centroid: meanDirection(rows, members),
    cell: cellOf(members),
    children: [],
  });
  const split = (members: readonly number[], k: number): Group[] => {
    const fit = members.filter((i) => fitted.has(i));
    const model = sphericalKMeans(rows, fit.length > 0 ? fit : members, {
      k,
      random,
      maxIterations: MAX_ITERATIONS,
      inits: INITS,
    });
    const groups: number[][] = Array.from({ length: model.k }, () => []);
    for (const i of members) (groups[nearest(rows, i, model.centroids, model.k).cluster] as number[]).push(i);
    return groups.filter((g) => g.length > 0).map(group);
  };

  let top: Group[] = [];
  if (used.length > 0) {
    const k = clusterCount(used.length, topBound, kConversations);
    top = k >= 2 ? split(used, k) : [group(used)];
    for (const g of top) {
      const big = g.cell.conversations >= 2 * kConversations && g.cell.participants.size >= 2 * kUsers;
      const kSub = clusterCount(g.members.length, subBound, kConversations);
      if (big && kSub >= 2) g.children = split(g.members, kSub);
    }
  }

  const suppress = (siblings: Group[]) => {
    const hidden = suppressSiblings(
      siblings.map((g) => g.cell),
      thresholds,
    );
    siblings.forEach((g, i) => {
      if (!hidden[i]) return;
      const below = g.cell.participants.size < kUsers || g.cell.conversations < kConversations;
      g.reason = below ? 'below-threshold' : 'complementary';
    });
  };

  /** Up to `samples` distinct summaries of `members` closest to `direction`, one per participant. */
  const closest = (members: readonly number[], direction: Float64Array): string[] => {
    const ranked = members
      .map((i) => ({ i, s: cosine(rows, i, direction) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map(({ i }) => i);
    const picked: string[] = [];
    const seenParticipants = new Set<number>();
    for (const i of ranked) {
      if (picked.length >= samples) break;
      const text = texts[i] as string;
      if (seenParticipants.has(participantOf[i] as number) || picked.includes(text)) continue;
      seenParticipants.add(participantOf[i] as number);
      picked.push(text);
    }
    return picked;
  };

  const audits = new Map<string, Promise<number | null>>();
  const rate = (name: string) => {
    let pending = audits.get(name);
    if (!pending) {
      pending = askJson(context, AUDIT_PROMPT, auditContent(name), auditAnswer).then((answer) => answer?.rating ?? null);
      audits.set(name, pending);
    }
    return pending;
  };

  /** Names every visible sibling against its nearest other sibling, then audits the names. */
  const nameAndAudit = async (siblings: Group[]) => {
    await Promise.all(
      siblings.map(async (g) => {
        if (g.reason) return;
        const neighbour = siblings
          .filter((other) => other !== g)
          .map((other) => ({ other, s: dot(g.centroid, other.centroid) }))
          .sort((a, b) => b.s - a.s)[0]?.other;
        const content = namingContent(closest(g.members, g.centroid), neighbour ? closest(neighbour.members, g.centroid) : []);
        const answer = await askJson(context, NAMING_PROMPT, content, nameAnswer);
        if (answer === null) {
          stats.naming_failed += 1;
          g.reason = 'naming-failed';
          return;
        }
        stats.named += 1;
        const rating = await rate(answer.name);
        stats.audited += 1;
        if (rating === null || rating < minRating) {
          stats.audit_withheld += 1;
          g.reason = 'privacy-audit';
          return;
        }
        g.name = answer.name;
      }),
    );
  };

  suppress(top);
  await nameAndAudit(top);
  for (const g of top) {
    if (g.reason) continue;
    suppress(g.children);
    await nameAndAudit(g.children);
  }

  return {
    method: 'llm',
    clusters: publish(top, ''),
    documentsUsed: used.length,
    unassigned: sorted.length - used.length,
    description: describe(options, {
      seed,
      kUsers,
      kConversations,
      topBound,
      subBound,
      samples,
      minRating,
      fit: Math.min(used.length, FIT_SAMPLE),
    }),
    stats,
  };
}

/** Orders siblings (visible by size, then suppressed) and numbers them; a suppressed one shows nothing. */
function publish(groups: readonly Group[], prefix: string): LlmTopicCluster[] {
  const order = orderSiblings(groups, (group) => group.reason !== undefined);
  return order.map(({ group, hidden }, n): LlmTopicCluster => {
    const id = `${prefix}${n + 1}`;
    if (hidden) {
      return {
        id,
        label: [],
        conversations: 0,
        participants: 0,
        suppressed: true,
        suppressionReason: group.reason as LlmTopicSuppressionReason,
        children: [],
      };
    }
    return {
      id,
      label: [group.name as string],
      conversations: group.cell.conversations,
      participants: group.cell.participants.size,
      suppressed: false,
      children: publish(group.children, `${id}.`),
    };
  });
}

function describe(
  options: LlmTopicsOptions,
  o: {
    seed: number;
    kUsers: number;
    kConversations: number;
    topBound: number;
    subBound: number;
    samples: number;
    minRating: number;
    fit: number;
  },
): string {
  return (
    `llm-topics/1: privacy-instructed summaries (≤ 2 sentences, no names) of affective conversations, embedded with ` +
    `${options.embeddingModel}, l2; spherical k-means++ (seed ${o.seed}, ${INITS} seedings, ≤ ${MAX_ITERATIONS} iterations) ` +
    `fitted on ${o.fit} summaries; k ≈ √(n/2) ≤ n/(2·kConversations), ≤ ${o.topBound} top-level, ≤ ${o.subBound} inside each; ` +
    `named contrastively by ${options.model} (${NAMING_PROMPT.version}) from ≤ ${o.samples} summaries inside (one per ` +
    `participant) vs the nearest other cluster; a privacy auditor (${AUDIT_PROMPT.version}) rates each name 1–5 for ` +
    `identifiability, names below ${o.minRating} withheld; clusters below ${o.kUsers} participants or ${o.kConversations} ` +
    `conversations suppressed, with complementary suppression among siblings`
  );
}
