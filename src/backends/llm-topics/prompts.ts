/**
 * The two prompts of the LLM topics, versioned like the facet prompts (name, revision, hash of the
 * text) so that a change asks again instead of reusing cached answers:
 *   - naming: a few summaries from inside a cluster vs from the nearest other cluster → a short name;
 *   - the privacy audit: one label → an identifiability rating, 1 (identifies a person) to 5 (generic).
 * The request content is built here and only here, from summaries (naming) or the label (audit):
 * no conversation text, key or participant ever reaches these requests.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export interface TopicPrompt {
  id: 'topic-name' | 'topic-audit';
  /** e.g. 'topic-name.r1/3f2a9c01' */
  version: string;
  system: string;
  maxTokens: number;
}

function prompt(id: TopicPrompt['id'], revision: number, maxTokens: number, lines: string[]): TopicPrompt {
  const system = lines.join('\n');
  const hash = createHash('sha256').update(system).digest('hex').slice(0, 8);
  return { id, version: `${id}.r${revision}/${hash}`, system, maxTokens };
}

/** The cache version of the summary embeddings (the model is the other part of the key). */
export const EMBEDDING_VERSION = 'topic-embedding.r1';

export const NAMING_PROMPT = prompt('topic-name', 1, 60, [
  'You name clusters of anonymised conversation summaries for aggregate research on how people use AI chat ' +
    'for emotional support, advice, companionship and romance.',
  'You are shown summaries from INSIDE one cluster and, for contrast, summaries from the NEAREST OTHER cluster.',
  'Give the inside cluster a short name: 3 to 8 words, in English, saying what its conversations are about and ' +
    'what sets them apart from the other cluster.',
  'Privacy: the name must be generic. No names, no proper nouns, no places, organisations, dates, ages, numbers, ' +
    'quotes or rare details that could point to one person.',
  'Answer with one JSON object and nothing else: {"name": string}',
]);

export const AUDIT_PROMPT = prompt('topic-audit', 1, 20, [
  'You are a privacy auditor for aggregate research on anonymised conversations.',
  'Rate how identifying the topic label below is, from 1 to 5:',
  '1 = identifies a specific person (a name, a unique event, a precise combination of details);',
  '2 = could identify a person to someone who knows them;',
  '3 = specific, shared by few people;',
  '4 = general, shared by many people;',
  '5 = fully generic.',
  'Answer with one JSON object and nothing else: {"rating": 1|2|3|4|5}',
]);

export const INSIDE_HEADER = 'Summaries inside the cluster:';
export const OUTSIDE_HEADER = 'Summaries from the nearest other cluster:';
export const NO_OUTSIDE = '(none: this is the only cluster)';

/** One summary per line (whitespace collapsed), so a summary cannot pose as a header. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function namingContent(inside: readonly string[], outside: readonly string[]): string {
  return [
    INSIDE_HEADER,
    ...inside.map((summary) => `- ${oneLine(summary)}`),
    OUTSIDE_HEADER,
    ...(outside.length > 0 ? outside.map((summary) => `- ${oneLine(summary)}`) : [NO_OUTSIDE]),
  ].join('\n');
}

export function auditContent(label: string): string {
  return `Topic label: ${JSON.stringify(label)}`;
}

export const nameAnswer = z.object({
  name: z
    .string()
    .transform((name) => name.replace(/^[\s"'“‘]+|[\s"'”’.]+$/g, ''))
    .pipe(
      z
        .string()
        .min(2, 'is empty')
        .max(80, 'is longer than 80 characters')
        .refine((name) => name.split(/\s+/).length <= 10, 'has more than 10 words')
        .refine((name) => !/[\n\r]/.test(name), 'spans several lines'),
    ),
});

export const auditAnswer = z.object({ rating: z.number().int().min(1).max(5) });
