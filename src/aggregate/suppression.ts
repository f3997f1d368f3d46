/**
 * Which cells of a section are suppressed: primary suppression (below k), complementary suppression
 * within each partition, and children of a suppressed cell, solved together to a fixed point.
 *
 * A partition is a set of cells whose total is published (the section's N, or another cell). Once a
 * cell of a partition is hidden, the total minus the others would give it back, so more cells are
 * hidden — the smallest first — until the hidden cells of the partition together (their union of
 * conversations and participants) meet k again and there are at least two of them — or are all
 * empty (a cell with no conversations exposes no one, so empty cells are also left out of what
 * suppressPartition sees). Multi-label
 * partitions (the affective types, whose total is the "any type" cell) are treated the same way: it
 * over-protects a little, since subtraction does not recover a multi-label cell exactly.
 * `suppressPartition` (src/privacy/thresholds.ts) is applied to each partition first, so any rule it
 * adds holds here too; the loop here then carries decisions across partitions and parents.
 */
import { type CellCount, type KThresholds, meetsThresholds, suppressPartition } from '../privacy/thresholds.ts';
import type { StudyRow } from './rows.ts';
import type { Cell } from './summary-schema.ts';

/** What a cell counts: conversations (distinct keys) and their participants. */
export type Unit = Pick<StudyRow, 'key' | 'participant'>;

export interface CellSpec {
  id: string;
  rows: readonly Unit[];
  /** Hidden whenever this cell is. */
  parent?: string;
}

export interface PartitionSpec {
  cells: string[];
  /** The id of the total's cell; absent: the union of the cells, which is published (e.g. the section's N). */
  total?: string;
}

export type Decision = Pick<Cell, 'suppressed' | 'suppression_reason'>;

/** Distinct participants and distinct conversations (a union of multi-label cells counts each once). */
export function countOf(rows: readonly Unit[]): CellCount {
  return {
    participants: new Set(rows.map((row) => row.participant)).size,
    conversations: new Set(rows.map((row) => row.key)).size,
  };
}

export function solveSuppression(
  cells: readonly CellSpec[],
  partitions: readonly PartitionSpec[],
  k: KThresholds,
  /** Decisions made elsewhere (e.g. a group shared by several sections): applied as they are, never changed. */
  frozen: ReadonlyMap<string, Decision> = new Map(),
): Map<string, Decision> {
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const counts = new Map(cells.map((cell) => [cell.id, countOf(cell.rows)]));
  const decisions = new Map<string, Decision>();
  const hide = (id: string, reason: NonNullable<Decision['suppression_reason']>) => {
    if (frozen.has(id) || decisions.get(id)?.suppressed) return false;
    decisions.set(id, { suppressed: true, suppression_reason: reason });
    return true;
  };
  for (const cell of cells) {
    decisions.set(cell.id, frozen.get(cell.id) ?? { suppressed: false });
    if (!meetsThresholds(counts.get(cell.id)!, k)) hide(cell.id, 'below_k');
  }
  for (const partition of partitions) {
    // Empty cells hold no one (they are suppressed as below k all the same): left out so they do not force complements.
    const members = partition.cells.map((id) => ({ id, count: counts.get(id)! })).filter((m) => m.count.conversations > 0);
    const total =
      partition.total === undefined ? countOf(partition.cells.flatMap((id) => byId.get(id)!.rows)) : counts.get(partition.total);
    // suppressPartition's subtraction rule holds for exclusive partitions only (it rejects cells that
    // sum past the total); multi-label ones get its primary rule and the union rule below.
    const exclusive = total !== undefined && members.reduce((sum, m) => sum + m.count.conversations, 0) <= total.conversations;
    const marked = suppressPartition(members, k, exclusive ? { total } : {});
    marked.forEach((cell, index) => {
      if (cell.suppressed) hide(members[index]!.id, 'complementary');
    });
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const cell of cells) {
      if (cell.parent && decisions.get(cell.parent)?.suppressed && hide(cell.id, 'parent_suppressed')) changed = true;
    }
    for (const partition of partitions) {
      if (partition.total !== undefined && decisions.get(partition.total)?.suppressed) continue;
      if (complement(partition.cells)) changed = true;
    }
  }
  return decisions;

  function complement(ids: readonly string[]): boolean {
    let changedHere = false;
    for (;;) {
      const hidden = ids.filter((id) => decisions.get(id)?.suppressed);
      if (hidden.length === 0) return changedHere;
      const union = countOf(hidden.flatMap((id) => byId.get(id)!.rows));
      // Hidden cells that are all empty expose no one: nothing to protect by hiding more.
      if (union.conversations === 0 || (hidden.length >= 2 && meetsThresholds(union, k))) return changedHere;
      const next = ids
        .filter((id) => !frozen.has(id) && !decisions.get(id)?.suppressed)
        .sort((a, b) => compareCounts(counts.get(a)!, counts.get(b)!) || a.localeCompare(b))[0];
      if (next === undefined) return changedHere;
      hide(next, 'complementary');
      changedHere = true;
    }
  }
}

function compareCounts(a: CellCount, b: CellCount): number {
  return a.conversations - b.conversations || a.participants - b.participants;
}
