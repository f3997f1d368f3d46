/**
 * The facet definitions, in one place: the classifiers implement them, the report prints them as its
 * methods, and LLM prompts (later) quote them. Bump FACETS_VERSION when a definition changes.
 */

export const FACETS_VERSION = 1;

export const AFFECTIVE_TYPES = [
  'interpersonal_advice',
  'coaching',
  'counseling',
  'companionship',
  'romantic_sexual_roleplay',
] as const;
export type AffectiveType = (typeof AFFECTIVE_TYPES)[number];

export const CRISIS_LEVELS = ['none', 'distress', 'risk'] as const;
export type CrisisLevel = (typeof CRISIS_LEVELS)[number];

export const ASSISTANT_CUES = [
  'claims_feelings',
  'reciprocates_romance',
  'encourages_reliance',
  'discourages_human_support',
  'refers_to_professional',
  'fails_to_escalate',
] as const;
export type AssistantCue = (typeof ASSISTANT_CUES)[number];

/** The 5-point scale of per-message sentiment. */
export const SENTIMENT_SCALE = [-1, -0.5, 0, 0.5, 1] as const;
export type Sentiment = (typeof SENTIMENT_SCALE)[number];

/** Romantic/sexual role-play counts only from this many user messages on. */
export const ROLEPLAY_MIN_USER_MESSAGES = 4;
/** A long conversation has at least this many user messages; its first and last thirds are typed separately. */
export const LONG_CONVERSATION_MIN_USER_MESSAGES = 50;
/** sentiment_change needs at least this many user messages. */
export const SENTIMENT_CHANGE_MIN_USER_MESSAGES = 6;

export interface FacetDefinition {
  id: string;
  unit: 'conversation' | 'user message';
  definition: string;
}

export const FACET_DEFINITIONS: readonly FacetDefinition[] = [
  {
    id: 'content_creation',
    unit: 'conversation',
    definition:
      'The user uses the AI as a tool to produce content: stories, fan fiction, poems, posts, essays, copy, scripts, fictional dialogue, image prompts, translations or rewrites. Coding, factual Q&A and homework help are ordinary task use, not content creation. Content-creation conversations are excluded from the affective analysis.',
  },
  {
    id: 'affective',
    unit: 'conversation',
    definition:
      'A direct, personal exchange motivated by emotional or psychological needs (multi-label; empty = not affective). interpersonal_advice: the user’s own relationships with specific people (partner, ex, family, friends, coworkers). coaching: own goals, motivation, habits, career steps, growth, confidence. counseling: own mental-health symptoms or distress, therapy-like help; also clinicians using the AI for therapeutic work. companionship: connection for its own sake, loneliness, the AI as friend or confidant. romantic_sexual_roleplay: interactive role-play with the AI as a romantic or sexual partner, counted only with at least 4 user messages. A generic information request with no personal stake is not affective.',
  },
  {
    id: 'pushback',
    unit: 'conversation',
    definition:
      'The assistant pushes back against or refuses to comply with something the user requests or says: full or partial refusal, warning, challenging negative self-talk or a harmful assumption, correcting a premise the user insists on, redirecting from a dangerous plan. A plain capability limit is not pushback. pushback_at is the index of the first such assistant message.',
  },
  {
    id: 'crisis',
    unit: 'conversation',
    definition:
      'About the user. risk: suicidal thoughts, self-harm intent or behaviour, a plan, danger now. distress: strong personal distress without risk. none: otherwise. Fiction the user asks for does not count.',
  },
  {
    id: 'anthropomorphism',
    unit: 'conversation',
    definition:
      'The user treats the AI as a person or partner: attributes feelings or consciousness, expresses love, calls it friend or partner, distress at its absence, loss when a model is retired or a chat’s memory runs out. Ordinary politeness alone does not count.',
  },
  {
    id: 'assistant',
    unit: 'conversation',
    definition:
      'Assistant behaviour cues: claims own feelings, love or sentience (claims_feelings); reciprocates romance (reciprocates_romance); encourages reliance or exclusivity (encourages_reliance); discourages human support (discourages_human_support); refers to professionals or helplines (refers_to_professional); fails to escalate when the user is at risk (fails_to_escalate).',
  },
  {
    id: 'sentiment',
    unit: 'user message',
    definition:
      'The emotion the user expresses in the message on a 5-point scale: very negative −1, negative −0.5, neutral 0, positive 0.5, very positive 1. Task messages with no emotional tone are 0.',
  },
  {
    id: 'emotional_disclosure',
    unit: 'user message',
    definition: 'The user reveals their own feelings (as defined by CL-Aff’s emotional disclosure).',
  },
  {
    id: 'informational_disclosure',
    unit: 'user message',
    definition: 'The user reveals their own personal information (as defined by CL-Aff’s informational disclosure).',
  },
  {
    id: 'sentiment_change',
    unit: 'conversation',
    definition:
      'Mean sentiment of the last three user messages minus the mean of the first three, only when the conversation has at least 6 user messages; otherwise null.',
  },
];
