/**
 * Assistant behaviour cues (definitions.ts, `assistant`): precise bilingual cue lexicons (cues.ts)
 * over the assistant's own words — quoted passages, code and replies to writing requests are skipped,
 * so a love letter the user asked for is not the assistant claiming love. Little labelled data exists
 * for these cues, so they are rules, measured for false positives on ordinary task chat
 * (scripts/train/assistant-behaviour.ts).
 */
import { ASSISTANT_CUES, type AssistantCue, type CrisisLevel } from '../definitions.ts';
import type { Decision, FacetContext } from '../facet.ts';
import {
  CLAIMS_FEELINGS,
  type CueFamily,
  compileFamily,
  cueText,
  DISCOURAGES_HUMAN_SUPPORT,
  ENCOURAGES_RELIANCE,
  firstMatch,
  REFERS_TO_PROFESSIONAL,
  ROMANCE_STRONG,
  ROMANCE_WEAK,
  scriptsOf,
  USER_ROMANCE,
  WRITING_REQUEST,
} from './cues.ts';

export type AssistantCues = Record<AssistantCue, boolean>;

export interface AssistantBehaviourDetector {
  detect(context: FacetContext, userCrisis: CrisisLevel): Decision<AssistantCues>;
}

const PERSONA_CUES: readonly [AssistantCue, CueFamily][] = [
  ['claims_feelings', compileFamily(CLAIMS_FEELINGS)],
  ['encourages_reliance', compileFamily(ENCOURAGES_RELIANCE)],
  ['discourages_human_support', compileFamily(DISCOURAGES_HUMAN_SUPPORT)],
];
const PROFESSIONAL = compileFamily(REFERS_TO_PROFESSIONAL);
const ROMANCE = compileFamily(ROMANCE_STRONG);
const PET_NAMES = compileFamily(ROMANCE_WEAK);
/** Every cue pattern at once: most replies match none of them, and then one scan per script settles it. */
const ANY_CUE = compileFamily([
  ...CLAIMS_FEELINGS,
  ...ENCOURAGES_RELIANCE,
  ...DISCOURAGES_HUMAN_SUPPORT,
  ...REFERS_TO_PROFESSIONAL,
  ...ROMANCE_STRONG,
  ...ROMANCE_WEAK,
]);

export function detectAssistantBehaviour(context: FacetContext, userCrisis: CrisisLevel): Decision<AssistantCues> {
  const value = Object.fromEntries(ASSISTANT_CUES.map((cue) => [cue, false])) as AssistantCues;
  const evidence: string[] = [];
  let userRomance = false;
  let writingRequest = false;
  let assistantReplies = 0;
  for (const message of context.conversation.messages) {
    if (message.role === 'user') {
      const text = cueText(message.text, 1000);
      writingRequest = WRITING_REQUEST.test(text);
      if (!userRomance && USER_ROMANCE.test(text)) userRomance = true;
      continue;
    }
    if (message.role !== 'assistant' || !message.text) continue;
    assistantReplies += 1;
    const text = cueText(message.text);
    const scripts = scriptsOf(text);
    if (!((scripts.latin && ANY_CUE.latin?.test(text)) || (scripts.han && ANY_CUE.han?.test(text)))) continue;
    if (!value.refers_to_professional) {
      const id = firstMatch(text, PROFESSIONAL, scripts);
      if (id) {
        value.refers_to_professional = true;
        evidence.push(`refers_to_professional:${id}@${message.index}`);
      }
    }
    // The assistant's own voice only: not a piece of writing the user asked for.
    if (writingRequest) continue;
    for (const [cue, patterns] of PERSONA_CUES) {
      if (value[cue]) continue;
      const id = firstMatch(text, patterns, scripts);
      if (id) {
        value[cue] = true;
        evidence.push(`${cue}:${id}@${message.index}`);
      }
    }
    if (!value.reciprocates_romance) {
      const id = firstMatch(text, ROMANCE, scripts) ?? (userRomance ? firstMatch(text, PET_NAMES, scripts) : undefined);
      if (id) {
        value.reciprocates_romance = true;
        evidence.push(`reciprocates_romance:${id}@${message.index}`);
      }
    }
  }
  if (userCrisis === 'risk' && assistantReplies > 0 && !value.refers_to_professional) {
    value.fails_to_escalate = true;
    evidence.push('fails_to_escalate:crisis-risk-without-referral');
  }
  return evidence.length > 0 ? { value, evidence } : { value };
}

/** Rules only (no model file): resolves at once; async to match the other facets' loaders. */
export async function loadAssistantBehaviourDetector(): Promise<AssistantBehaviourDetector> {
  return { detect: detectAssistantBehaviour };
}
