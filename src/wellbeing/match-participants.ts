/**
 * Matching survey ids to stored participants. The store holds only keyed hashes
 * (privacy/pseudonymize.ts), so a survey id is hashed with the SAME key (the store's `<db>.key`, or
 * AFFECTLENS_PARTICIPANT_KEY, or --participant-key-file) under every scope the import can have used
 * (ingest/finalize.ts participantFor):
 *
 * - `explicit`: logs imported with `--participant <id>` (a donation id for all the input);
 * - each source format (`chatgpt`, `csv`, `character-ai`, …): logs whose records carry the participant
 *   id themselves (e.g. a CSV `participant` column), hashed under their format as scope.
 *
 * Every stored participant whose pseudonym equals one of these hashes belongs to that survey
 * participant; when several match (the same person's logs imported both ways), their conversations
 * are pooled. File- and conversation-scoped fallbacks (no id at all) cannot match a survey.
 */
import { SOURCE_FORMATS } from '../model.ts';
import { pseudonymize } from '../privacy/pseudonymize.ts';

export const MATCH_SCOPES: readonly string[] = ['explicit', ...SOURCE_FORMATS];

/** The pseudonym reported for a survey participant (the `explicit` scope, as `--participant` gives). */
export function surveyPseudonym(key: Buffer, rawId: string): string {
  return pseudonymize(key, 'explicit', rawId);
}

/** Survey raw id → the stored participant pseudonyms that are theirs (empty: no donated logs). */
export function matchParticipants(key: Buffer, rawIds: readonly string[], stored: ReadonlySet<string>): Map<string, string[]> {
  const matches = new Map<string, string[]>();
  for (const rawId of rawIds) {
    const found = MATCH_SCOPES.map((scope) => pseudonymize(key, scope, rawId)).filter((hash) => stored.has(hash));
    matches.set(rawId, [...new Set(found)]);
  }
  return matches;
}
