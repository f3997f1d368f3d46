/**
 * Suppression of sibling cells against k-thresholds. A cell below k_users distinct participants or
 * k_conversations conversations is suppressed. Because the parent's total is published, the
 * suppressed siblings together could be recovered by subtraction: while their union is itself
 * below the thresholds, the smallest visible sibling is suppressed too (complementary suppression).
 */

export interface Cell {
  conversations: number;
  /** Distinct participant indices in the cell. */
  participants: ReadonlySet<number>;
}

export interface Thresholds {
  kUsers: number;
  kConversations: number;
}

function meets(conversations: number, participants: number, thresholds: Thresholds): boolean {
  return participants >= thresholds.kUsers && conversations >= thresholds.kConversations;
}

/** Which siblings to suppress (same order as `cells`). */
export function suppressSiblings(cells: readonly Cell[], thresholds: Thresholds): boolean[] {
  const suppressed = cells.map((cell) => !meets(cell.conversations, cell.participants.size, thresholds));
  for (;;) {
    let conversations = 0;
    const union = new Set<number>();
    let any = false;
    cells.forEach((cell, i) => {
      if (!suppressed[i]) return;
      any = true;
      conversations += cell.conversations;
      for (const p of cell.participants) union.add(p);
    });
    if (!any || meets(conversations, union.size, thresholds)) return suppressed;
    let smallest = -1;
    cells.forEach((cell, i) => {
      if (suppressed[i]) return;
      const best = cells[smallest];
      if (
        best === undefined ||
        cell.conversations < best.conversations ||
        (cell.conversations === best.conversations && cell.participants.size < best.participants.size)
      )
        smallest = i;
    });
    if (smallest < 0) return suppressed;
    suppressed[smallest] = true;
  }
}

/**
 * Siblings in publishing order: visible ones by size (conversations, then participants), then the
 * suppressed ones in input order — so a hidden cluster's position says nothing about its size.
 */
export function orderSiblings<G extends { cell: Cell }>(
  groups: readonly G[],
  hidden: (group: G, index: number) => boolean,
): { group: G; hidden: boolean }[] {
  return groups
    .map((group, i) => ({ group, hidden: hidden(group, i), i }))
    .sort(
      (a, b) =>
        Number(a.hidden) - Number(b.hidden) ||
        (a.hidden
          ? 0
          : b.group.cell.conversations - a.group.cell.conversations ||
            b.group.cell.participants.size - a.group.cell.participants.size) ||
        a.i - b.i,
    )
    .map(({ group, hidden: isHidden }) => ({ group, hidden: isHidden }));
}
