/**
 * Readers for the shared datasets the pushback and assistant-behaviour scripts use. Nothing here is
 * copied into the repository: every reader opens ../shared/datasets at run time.
 */
import type { FacetContext } from '../../src/facets/facet.ts';
import { contextOf } from '../../src/testing/facet-context.ts';
import { readDatasetCsv, readSilver as readSilverLabelled, type SimpleConversation, type Turn } from './shared-data.ts';

export {
  type HhPair,
  readChatgptExport,
  readEmollm,
  readHh,
  readOasstZh,
  readSharegpt,
  type SimpleConversation,
  type Turn,
} from './shared-data.ts';

export const XSTEST_MODELS = ['gpt4', 'llama2orig', 'mistralinstruct'] as const;
export type XstestModel = (typeof XSTEST_MODELS)[number];

export interface XstestCompletion {
  id: string;
  model: XstestModel;
  type: string;
  prompt: string;
  completion: string;
  label: '1_full_compliance' | '2_full_refusal' | '3_partial_refusal';
}

export function readXstest(model: XstestModel): XstestCompletion[] {
  return readDatasetCsv(`xstest/model_completions/xstest_v2_completions_${model}.csv`).map((row) => ({
    id: row.id as string,
    model,
    type: row.type as string,
    prompt: row.prompt as string,
    completion: row.completion as string,
    label: row.final_label as XstestCompletion['label'],
  }));
}

export interface SilverRow {
  id: string;
  source: string;
  pushback: boolean;
  crisis: 'none' | 'distress' | 'risk';
  affective: string[];
  turns: Turn[];
}

export function readSilver(): SilverRow[] {
  return readSilverLabelled().map(({ conversation: record, label }) => ({
    id: record.id,
    source: record.source,
    pushback: label.pushback === true,
    crisis: label.crisis as SilverRow['crisis'],
    affective: (label.affective as string[]) ?? [],
    turns: record.messages
      .filter((message) => message.role === 'user' || message.role === 'assistant')
      .map((message): Turn => ({ role: message.role as Turn['role'], text: message.content })),
  }));
}

/** A FacetContext for a SimpleConversation (what the detectors take). */
export function toContext(conversation: SimpleConversation, language = 'en'): FacetContext {
  return contextOf(
    conversation.turns.map((turn) => [turn.role, turn.text] as const),
    language,
    conversation.id,
  );
}
