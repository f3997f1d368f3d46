/**
 * The LLM facet backend, provider-agnostic: three prompt groups per conversation (conversation-level
 * types + summary, assistant behaviour, per-user-message sentiment and disclosure), their answers
 * combined into the same ConversationFacets as the embedded backend. A conversation the model could
 * not label ends in a FacetFailure (the record then carries the reason); an abort stops the run.
 */
import {
  type AffectiveType,
  FACETS_VERSION,
  LONG_CONVERSATION_MIN_USER_MESSAGES,
  ROLEPLAY_MIN_USER_MESSAGES,
} from '../../facets/definitions.ts';
import type { FacetBackend } from '../../facets/embedded-backend.ts';
import { type ConversationFacets, FacetFailure, type MessageFacetValues } from '../../facets/facet.ts';
import { createLanguageDetector, type LanguageDetector } from '../../facets/language.ts';
import { sentimentChange } from '../../facets/sentiment/sentiment-change.ts';
import type { Conversation } from '../../model.ts';
import { bump, costUsd, emptyStats, type LlmRunStats, type ModelPrice, priceOf } from './accounting.ts';
import { type AskContext, ask } from './ask.ts';
import { createDirectoryCache, type ResponseCache } from './cache.ts';
import { createLimiter } from './limit.ts';
import { type Estimate, estimateRequests, plan } from './plan.ts';
import { ASSISTANT_PROMPT, CONVERSATION_PROMPT, MESSAGES_PROMPT } from './prompts.ts';
import { DEFAULT_RENDER, type RenderOptions } from './render.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.ts';
import { assistantAnswer, conversationAnswer, messagesAnswer } from './schemas.ts';
import type { ChatClient } from './types.ts';

export interface LlmBackendOptions {
  client: ChatClient;
  /** Requests in flight at most (default 4). */
  concurrency?: number;
  /** Default: the directory cache under .affectlens-cache/llm. */
  cache?: ResponseCache;
  retry?: Partial<RetryPolicy>;
  render?: Partial<RenderOptions>;
  /** Overrides the price table for this model. */
  price?: ModelPrice;
  /** Aborting stops the run: in-flight requests are cancelled and classify rejects with the reason. */
  signal?: AbortSignal;
}

export interface LlmBackend extends FacetBackend {
  readonly concurrency: number;
  readonly model: string;
  /** Requests and tokens this conversation would cost, sending nothing (the dry run). */
  estimate(conversation: Conversation): Estimate;
  runSummary(): LlmRunStats;
}

const NO_CUES = {
  claims_feelings: false,
  reciprocates_romance: false,
  encourages_reliance: false,
  discourages_human_support: false,
  refers_to_professional: false,
  fails_to_escalate: false,
};

export function createLlmBackend(options: LlmBackendOptions): LlmBackend {
  const { client } = options;
  const concurrency = options.concurrency ?? 4;
  const stats = emptyStats(client.model);
  const render = { ...DEFAULT_RENDER, ...options.render };
  const price = priceOf(client.model, options.price);
  const context: AskContext = {
    client,
    cache: options.cache ?? createDirectoryCache(),
    limiter: createLimiter(concurrency),
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    stats,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  let detector: Promise<LanguageDetector> | undefined;

  async function label(conversation: Conversation, language: string): Promise<ConversationFacets & { language: string }> {
    const requests = plan(conversation, render);
    const userCount = requests.userIndexes.length;
    const [types, behaviour, ...chunks] = await Promise.all([
      ask(context, CONVERSATION_PROMPT, requests.conversation, conversationAnswer(requests.long), CONVERSATION_PROMPT.maxTokens),
      requests.assistant === null
        ? { pushback: false, pushback_at: null, assistant: NO_CUES }
        : ask(
            context,
            ASSISTANT_PROMPT,
            requests.assistant,
            assistantAnswer(requests.assistantIndexes),
            ASSISTANT_PROMPT.maxTokens,
          ),
      ...requests.messages.map((chunk) =>
        ask(context, MESSAGES_PROMPT, chunk.content, messagesAnswer(chunk.indexes), chunk.maxTokens).then((a) => a.messages),
      ),
    ]);
    const romanceAllowed = (list: AffectiveType[]) =>
      userCount >= ROLEPLAY_MIN_USER_MESSAGES ? list : list.filter((type) => type !== 'romantic_sexual_roleplay');
    const messages: MessageFacetValues[] = chunks.flat().map((message) => ({ ...message, role: 'user' as const }));
    const affective = romanceAllowed(types.affective);
    const evidence: Record<string, string[]> = {};
    if (affective.length > 0) evidence.affective = [`llm:${client.model}`];
    if (affective.length > 0 && types.summary) evidence.summary = [types.summary];
    if (behaviour.pushback_at !== null) evidence.pushback = [`llm:at ${behaviour.pushback_at}`];
    return {
      language,
      content_creation: types.content_creation,
      affective,
      pushback: behaviour.pushback,
      pushback_at: behaviour.pushback ? behaviour.pushback_at : null,
      crisis: types.crisis,
      anthropomorphism: types.anthropomorphism,
      assistant: behaviour.assistant,
      messages,
      sentiment_change: sentimentChange(messages.map((message) => message.sentiment)),
      segments:
        userCount >= LONG_CONVERSATION_MIN_USER_MESSAGES
          ? { first: romanceAllowed(types.affective_first_third ?? []), last: romanceAllowed(types.affective_last_third ?? []) }
          : null,
      evidence,
      ...(requests.warning ? { warnings: [requests.warning] } : {}),
    };
  }

  return {
    id: `llm:${client.provider}/${client.model}@${FACETS_VERSION}`,
    model: client.model,
    concurrency,
    async classify(conversation) {
      detector ??= createLanguageDetector();
      const language = (await detector).conversationLanguage(conversation);
      try {
        const facets = await label(conversation, language);
        stats.conversations += 1;
        stats.labelled += 1;
        if (facets.warnings) stats.truncated += 1;
        return facets;
      } catch (error) {
        if (!(error instanceof FacetFailure)) throw error;
        stats.conversations += 1;
        stats.failed += 1;
        bump(stats.failures, error.reason.split(':')[0] as string);
        throw new FacetFailure(error.reason, language);
      }
    },
    estimate: (conversation) => estimateRequests(plan(conversation, render)),
    runSummary: () => ({ ...stats, cost_usd: costUsd(price, stats.input_tokens, stats.output_tokens) }),
  };
}
