/**
 * The embedded backend: every facet computed offline and deterministically by the shipped models
 * and rules. It is the default; LLM backends implement the same FacetBackend interface.
 */
import type { Conversation } from '../model.ts';
import { type AffectiveClassifier, loadAffectiveClassifier } from './affective/index.ts';
import { type AnthropomorphismDetector, loadAnthropomorphismDetector } from './anthropomorphism/index.ts';
import { type AssistantBehaviourDetector, loadAssistantBehaviourDetector } from './assistant-behaviour/index.ts';
import { type CrisisDetector, loadCrisisDetector } from './crisis/index.ts';
import { FACETS_VERSION, LONG_CONVERSATION_MIN_USER_MESSAGES, type Sentiment } from './definitions.ts';
import { type DisclosureModel, loadDisclosureModel } from './disclosure/index.ts';
import type { ConversationFacets, FacetContext, MessageFacetValues } from './facet.ts';
import { createLanguageDetector, type LanguageDetector } from './language.ts';
import { loadPushbackDetector, type PushbackDetector } from './pushback/index.ts';
import { loadSentimentModel, type SentimentModel } from './sentiment/index.ts';
import { sentimentChange } from './sentiment/sentiment-change.ts';

export interface MessageFacets {
  sentiment: Sentiment;
  emotional_disclosure: boolean;
  informational_disclosure: boolean;
}

export interface FacetBackend {
  /** e.g. 'embedded@1': stored with every facet row, printed in the report. */
  readonly id: string;
  classify(conversation: Conversation): Promise<ConversationFacets & { language: string }>;
}

export interface EmbeddedBackend extends FacetBackend {
  /** Synchronous form of classify (the embedded models need no I/O once loaded). */
  classifySync(conversation: Conversation): ConversationFacets & { language: string };
  /** Per-message facets of one text (used by the evaluation on sentence-level data sets). */
  messageFacets(text: string): MessageFacets;
  readonly parts: {
    language: LanguageDetector;
    sentiment: SentimentModel;
    disclosure: DisclosureModel;
    affective: AffectiveClassifier;
    pushback: PushbackDetector;
    crisis: CrisisDetector;
    anthropomorphism: AnthropomorphismDetector;
    assistantBehaviour: AssistantBehaviourDetector;
  };
}

/** Types of the first and the last third of a long conversation, for drift (e.g. counseling → companionship). */
function longConversationSegments(affective: AffectiveClassifier, userTexts: string[]): ConversationFacets['segments'] {
  if (userTexts.length < LONG_CONVERSATION_MIN_USER_MESSAGES) return null;
  const third = Math.floor(userTexts.length / 3);
  return {
    first: affective.classifyUserTexts(userTexts.slice(0, third)).affective.value,
    last: affective.classifyUserTexts(userTexts.slice(userTexts.length - third)).affective.value,
  };
}

let shared: Promise<EmbeddedBackend> | undefined;

/** Loads every model once per process. */
export function createEmbeddedBackend(): Promise<EmbeddedBackend> {
  shared ??= (async () => {
    const [language, sentiment, disclosure, affective, pushback, crisis, anthropomorphism, assistantBehaviour] =
      await Promise.all([
        createLanguageDetector(),
        loadSentimentModel(),
        loadDisclosureModel(),
        loadAffectiveClassifier(),
        loadPushbackDetector(),
        loadCrisisDetector(),
        loadAnthropomorphismDetector(),
        loadAssistantBehaviourDetector(),
      ]);
    const parts = { language, sentiment, disclosure, affective, pushback, crisis, anthropomorphism, assistantBehaviour };

    const messageFacets = (text: string): MessageFacets => {
      const disclosed = disclosure.disclosureValues(text);
      return {
        sentiment: sentiment.sentimentValue(text),
        emotional_disclosure: disclosed.emotional,
        informational_disclosure: disclosed.informational,
      };
    };

    const classifySync = (conversation: Conversation): ConversationFacets & { language: string } => {
      const userMessages = conversation.messages.filter((message) => message.role === 'user');
      const assistantMessages = conversation.messages.filter((message) => message.role === 'assistant');
      const context: FacetContext = {
        conversation,
        userMessages,
        assistantMessages,
        language: language.conversationLanguage(conversation),
      };
      const evidence: Record<string, string[]> = {};
      const note = (facet: string, items: string[] | undefined) => {
        if (items && items.length > 0) evidence[facet] = items;
      };
      const types = affective.classify(context);
      note('content_creation', types.content_creation.value ? types.content_creation.evidence : undefined);
      note('affective', types.affective.value.length > 0 ? types.affective.evidence : undefined);
      const pushed = pushback.detect(context);
      note('pushback', pushed.value.pushback ? pushed.evidence : undefined);
      const crisisLevel = crisis.detect(context);
      note('crisis', crisisLevel.value !== 'none' ? crisisLevel.evidence : undefined);
      const person = anthropomorphism.detect(context);
      note('anthropomorphism', person.value ? person.evidence : undefined);
      const cues = assistantBehaviour.detect(context, crisisLevel.value);
      note('assistant', Object.values(cues.value).some(Boolean) ? cues.evidence : undefined);
      const messages: MessageFacetValues[] = userMessages.map((message) => ({
        index: message.index,
        role: 'user',
        ...messageFacets(message.text),
      }));
      return {
        language: context.language,
        content_creation: types.content_creation.value,
        affective: types.affective.value,
        pushback: pushed.value.pushback,
        pushback_at: pushed.value.at,
        crisis: crisisLevel.value,
        anthropomorphism: person.value,
        assistant: cues.value,
        messages,
        sentiment_change: sentimentChange(messages.map((message) => message.sentiment)),
        segments: longConversationSegments(
          affective,
          userMessages.map((message) => message.text),
        ),
        evidence,
      };
    };

    return {
      id: `embedded@${FACETS_VERSION}`,
      parts,
      messageFacets,
      classifySync,
      classify: async (conversation) => classifySync(conversation),
    };
  })();
  return shared;
}
