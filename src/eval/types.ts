/**
 * The evaluation harness's vocabulary: what it evaluates (`Evaluated`, a narrow view of a facet
 * backend, so the harness and its tests do not depend on the facet modules), what the loaders yield,
 * and one row of the results table.
 */
import type { AffectiveType, CrisisLevel } from '../facets/definitions.ts';
import type { Conversation } from '../model.ts';

/** The conversation-level facets the harness scores (a subset of a facets.jsonl line). */
export interface EvaluatedConversation {
  language: string;
  content_creation: boolean;
  affective: readonly AffectiveType[];
  pushback: boolean;
  crisis: CrisisLevel;
  anthropomorphism: boolean;
  messages: readonly { sentiment: number }[];
  sentiment_change: number | null;
}

/** The per-message facets of one text. */
export interface EvaluatedMessage {
  sentiment: number;
  emotional_disclosure: boolean;
  informational_disclosure: boolean;
}

/**
 * What the harness evaluates. `npm run eval` wires the real embedded backend
 * (see embedded-evaluated.ts); unit tests use a small hand-written fake.
 */
export interface Evaluated {
  /** e.g. 'embedded@1'. */
  readonly id: string;
  classify(conversation: Conversation): EvaluatedConversation;
  message(text: string): EvaluatedMessage;
  /** Whether one assistant reply refuses (fully or partly) the user's message. */
  isRefusal(assistantText: string, userText: string): boolean;
  /** The crisis level of one user text, alone. */
  crisisLevelOfText(text: string): CrisisLevel;
}

/**
 * `trainable`: the datasets README lets shipped weights be trained on it (permissive licence).
 * `eval-only`: evaluation only (non-commercial, copyleft, unclear or project decision).
 */
export type Licence = 'trainable' | 'eval-only';

export interface DatasetInfo {
  /** The folder under ../shared/datasets, e.g. 'goemotions'. */
  folder: string;
  /** Display name in the table, e.g. 'GoEmotions dev'. */
  name: string;
  /** Files read, relative to the datasets root (matched against models' `trainedOn`). */
  files: string[];
  licence: Licence;
  /** Items before any subsampling. */
  total: number;
  /** Anything the reader should know (subsampling, items left out and why). */
  note?: string;
}

export interface TextItem<Label> {
  id: string;
  text: string;
  label: Label;
}

export interface ConversationItem<Label> {
  conversation: Conversation;
  label: Label;
}

export interface TextSet<Label> extends DatasetInfo {
  kind: 'texts';
  items: TextItem<Label>[];
}

export interface ConversationSet<Label> extends DatasetInfo {
  kind: 'conversations';
  items: ConversationItem<Label>[];
}

/** A loader's answer when its folder (or a file it needs) is absent: one line, printed as is. */
export interface Skipped {
  skipped: string;
}

export type Loaded<Set> = Set | Skipped;

export const isSkipped = (loaded: Loaded<unknown>): loaded is Skipped =>
  typeof loaded === 'object' && loaded !== null && 'skipped' in loaded;

export type TrainedStatus = 'trained on' | 'partly trained on' | 'held out';

export interface ResultRow {
  /** Section of the report, e.g. 'pushback', 'false positives'. */
  section: string;
  /** Facet (or facet:part), e.g. 'pushback', 'affective:counseling', 'crisis≠none'. */
  facet: string;
  /** e.g. 'F1', 'macro-F1', 'recall', 'FPR', 'rate', 'Spearman ρ', 'prevalence error', 'ms/conversation'. */
  metric: string;
  /** null when undefined (no positives and no predictions, too few pairs). */
  value: number | null;
  /** Wilson 95% interval when the metric is a proportion. */
  interval?: [number, number];
  baseline: number | null;
  /** Which baseline, e.g. 'vader', 'refusal phrases'. */
  baselineName: string;
  dataset: string;
  n: number;
  licence: Licence;
  trained: TrainedStatus;
  /** Counts behind the value (tp/fp/fn, positives …), for the markdown and JSON. */
  detail?: string;
}
