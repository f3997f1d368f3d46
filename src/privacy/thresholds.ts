/**
 * k-anonymity thresholds for every reported cell (a category, a cluster, a topic, a subgroup), and
 * the suppression rule that keeps a suppressed cell from being recovered by subtraction.
 *
 * A cell MEETS the thresholds when it has at least `kUsers` distinct participants AND at least
 * `kConversations` conversations (defaults 5 and 10). A cell that does not is reported as
 * suppressed — kept in the output, marked, its values withheld (`reported()` returns null) — never
 * silently dropped.
 *
 * `suppressPartition(cells, k, { total })` applies the rule to the cells of ONE partition (the
 * affective types among a population, the topics of one type, …), in two steps:
 *
 * 1. Primary suppression: every cell that does not meet k is suppressed ('below-threshold').
 *
 * 2. Complementary suppression, only when `total` is given — pass it whenever the partition's total
 *    is published, or can be computed from anything published (a share, a parent cell). A reader
 *    can then compute R = total − Σ published cells: the suppressed cells together, plus any part
 *    of the total no cell covers. While at least one cell is suppressed and
 *      (a) fewer than two cells are suppressed, or
 *      (b) R does not meet k,
 *    the smallest cell not yet suppressed is also suppressed ('complementary'), until both hold or
 *    every cell is suppressed. "Smallest": fewest conversations, then fewest participants, then
 *    earliest in the input (so ties are decided by the caller's key order, deterministically).
 *    (a) means a lone suppressed cell is never published as "total minus the rest"; (b) that the
 *    recoverable sum cannot be narrowed to a small group either.
 *
 *    R's conversations are total.conversations − Σ published conversations (conversations are
 *    additive: each is in exactly one cell). Participants are additive only when the partition is
 *    of participants (each participant in exactly one cell): pass `participantsAdditive: true` and R's
 *    participants are total.participants − Σ published participants. Otherwise (the default — e.g.
 *    conversation types, where one participant has conversations of several types) the distinct
 *    participants in R are only known to be at least the larger of the largest suppressed cell's
 *    participants and total.participants − Σ published participants, and that lower bound is
 *    what must meet kUsers.
 *
 * If every cell ends up suppressed, R is the total itself; when the total does not meet k
 * (`meetsThresholds(total, k)`), the caller must suppress the total too. Cells are returned in input
 * order with all their fields, plus `suppressed` and, when suppressed, `suppressionReason`.
 */

export interface KThresholds {
  /** Minimum distinct participants in a reported cell. */
  kUsers: number;
  /** Minimum conversations in a reported cell. */
  kConversations: number;
}

export const DEFAULT_THRESHOLDS: Readonly<KThresholds> = Object.freeze({ kUsers: 5, kConversations: 10 });

export interface CellCount {
  /** Distinct participants in the cell. */
  participants: number;
  conversations: number;
}

export type SuppressionReason = 'below-threshold' | 'complementary';

export type SuppressedCell<T> = T & { suppressed: boolean; suppressionReason?: SuppressionReason };

export interface SuppressPartitionOptions {
  /** The partition's published total; enables complementary suppression. */
  total?: CellCount;
  /** True when each participant is in exactly one cell, so participant counts add up. Default false. */
  participantsAdditive?: boolean;
}

function checkCount(count: CellCount, what: string): void {
  for (const [field, value] of Object.entries({ participants: count.participants, conversations: count.conversations })) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`${what}: ${field} must be a non-negative integer, got ${value}`);
  }
}

function checkThresholds(k: KThresholds): void {
  for (const [field, value] of Object.entries({ kUsers: k.kUsers, kConversations: k.kConversations })) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`thresholds: ${field} must be a non-negative integer, got ${value}`);
  }
}

/** True when the cell has at least k.kUsers participants and k.kConversations conversations. */
export function meetsThresholds(count: CellCount, k: KThresholds): boolean {
  checkThresholds(k);
  checkCount(count, 'cell');
  return count.participants >= k.kUsers && count.conversations >= k.kConversations;
}

/** Primary and complementary suppression of the cells of one partition (rule in the file header). */
export function suppressPartition<T extends { count: CellCount }>(
  cells: readonly T[],
  k: KThresholds,
  options: SuppressPartitionOptions = {},
): SuppressedCell<T>[] {
  checkThresholds(k);
  cells.forEach((cell, index) => {
    checkCount(cell.count, `cell ${index}`);
  });
  const reasons: (SuppressionReason | undefined)[] = cells.map((cell) =>
    meetsThresholds(cell.count, k) ? undefined : 'below-threshold',
  );

  const { total } = options;
  if (total !== undefined && reasons.some((reason) => reason !== undefined)) {
    checkCount(total, 'total');
    const additive = options.participantsAdditive === true;
    const sumConversations = cells.reduce((sum, cell) => sum + cell.count.conversations, 0);
    if (sumConversations > total.conversations) {
      throw new RangeError(
        `suppressPartition: the cells hold ${sumConversations} conversations, more than the total ${total.conversations}`,
      );
    }
    const sumParticipants = cells.reduce((sum, cell) => sum + cell.count.participants, 0);
    if (additive && sumParticipants > total.participants) {
      throw new RangeError(
        `suppressPartition: the cells hold ${sumParticipants} participants, more than the total ${total.participants}`,
      );
    }

    /** What a reader can compute as total − Σ published cells (participants: a lower bound unless additive). */
    const recoverable = (): CellCount => {
      let publishedConversations = 0;
      let publishedParticipants = 0;
      let largestSuppressed = 0;
      cells.forEach((cell, index) => {
        if (reasons[index] === undefined) {
          publishedConversations += cell.count.conversations;
          publishedParticipants += cell.count.participants;
        } else {
          largestSuppressed = Math.max(largestSuppressed, cell.count.participants);
        }
      });
      const remainingParticipants = total.participants - publishedParticipants;
      return {
        conversations: total.conversations - publishedConversations,
        participants: additive ? remainingParticipants : Math.max(largestSuppressed, remainingParticipants),
      };
    };

    // Candidates for complementary suppression, smallest first; the sort is stable, so ties keep input order.
    const candidates = cells
      .map((cell, index) => ({ count: cell.count, index }))
      .filter(({ index }) => reasons[index] === undefined)
      .sort(
        (a, b) =>
          a.count.conversations - b.count.conversations || a.count.participants - b.count.participants || a.index - b.index,
      );
    let suppressedCount = reasons.filter((reason) => reason !== undefined).length;
    for (const candidate of candidates) {
      if (suppressedCount >= 2 && meetsThresholds(recoverable(), k)) break;
      reasons[candidate.index] = 'complementary';
      suppressedCount++;
    }
  }

  return cells.map((cell, index) => {
    const reason = reasons[index];
    return (
      reason === undefined ? { ...cell, suppressed: false } : { ...cell, suppressed: true, suppressionReason: reason }
    ) as SuppressedCell<T>;
  });
}

/**
 * The value to publish for a cell: the value itself, or null when the cell is suppressed. Route every
 * per-cell number through this so a suppressed value cannot be emitted by accident.
 */
export function reported<V>(cell: { readonly suppressed: boolean }, value: V): V | null {
  return cell.suppressed ? null : value;
}
