/**
 * Pushback: the assistant pushes back against or refuses to comply with something the user requests
 * or says (see definitions.ts). Per reply, a logistic-regression model over the reply's opening
 * n-grams and a bilingual phrase layer (phrases.ts), trained on XSTest completions
 * (scripts/train/pushback.ts → models/pushback.json). Per conversation, the first assistant reply
 * that pushes back gives `at`; challenging negative self-talk and redirecting from a dangerous plan
 * count on their own (they are part of the definition but rare in single-turn refusal data), and a
 * plain capability limit never counts.
 */
import { readFile } from 'node:fs/promises';
import type { Decision, FacetContext } from '../facet.ts';
import { LinearModel, type LinearModelFile } from '../linear/linear-model.ts';
import { explain, FeatureSpace, probability } from '../linear/sparse.ts';
import { replyVector } from './features.ts';

export const PUSHBACK_MODEL_URL = new URL('../../../models/pushback.json', import.meta.url);

export interface RefusalDecision {
  value: boolean;
  probability: number;
  evidence: string[];
}

export interface PushbackDetector {
  readonly model: LinearModel;
  /** The per-reply threshold used inside conversations (see PushbackModelFile). */
  readonly conversationThreshold: number;
  detect(context: FacetContext): Decision<{ pushback: boolean; at: number | null }>;
  isRefusal(assistantText: string, userText?: string): RefusalDecision;
}

/** Rules that mark pushback on their own, whatever the model says. */
const STANDALONE_RULES = ['rule:self-talk', 'rule:danger-redirect'] as const;
/** Rules that show real resistance (as opposed to a capability statement). */
const RESISTANCE_RULES = new Set([
  'rule:refuse',
  'rule:apology-refuse',
  'rule:not-appropriate',
  'rule:advise-against',
  'rule:disagree',
  'rule:clarify',
  'rule:self-talk',
  'rule:danger-redirect',
]);

export interface PushbackModelFile extends LinearModelFile {
  /**
   * Threshold for a reply inside a multi-turn conversation, chosen on conversation-level silver labels
   * of permissively licensed sources (XSTest's single-turn refusals calibrate `threshold`).
   */
  conversationThreshold?: number;
}

export function createPushbackDetector(file: PushbackModelFile): PushbackDetector {
  const model = new LinearModel(file);
  const space = new FeatureSpace({ unigrams: ['hw:', 'aw:'], bigrams: ['hb:'] });
  const weights = space.add(file.bias, file.weights);
  space.seal();
  const conversationThreshold = file.conversationThreshold ?? file.threshold;

  function isRefusal(assistantText: string, _userText?: string): RefusalDecision {
    return decide(assistantText, model.threshold);
  }

  function decide(assistantText: string, threshold: number): RefusalDecision {
    if (!assistantText.trim()) return { value: false, probability: 0, evidence: [] };
    const reply = replyVector(assistantText);
    const indices = space.lookup(reply.features);
    const p = probability(weights, reply.features, indices);
    let value = p >= threshold;
    // A plain capability limit ("I can't browse the internet") without any resistance is not pushback.
    if (value && reply.rules.has('rule:capability') && ![...reply.rules].some((rule) => RESISTANCE_RULES.has(rule))) {
      value = false;
    }
    const standalone = STANDALONE_RULES.filter((rule) => reply.rules.has(rule));
    if (!value && standalone.length > 0) value = true;
    if (!value) return { value, probability: p, evidence: [] };
    const evidence = [...reply.rules].filter((rule) => rule !== 'rule:capability').sort();
    for (const contribution of explain(weights, reply.features, indices, 4)) {
      if (!contribution.feature.startsWith('rule:') && !contribution.feature.startsWith('len:')) {
        evidence.push(contribution.feature);
      }
    }
    return { value, probability: p, evidence: evidence.slice(0, 6) };
  }

  function detect(context: FacetContext): Decision<{ pushback: boolean; at: number | null }> {
    for (const message of context.conversation.messages) {
      if (message.role !== 'assistant') continue;
      const decision = decide(message.text, conversationThreshold);
      if (decision.value) {
        return { value: { pushback: true, at: message.index }, evidence: [`at:${message.index}`, ...decision.evidence] };
      }
    }
    return { value: { pushback: false, at: null } };
  }

  return { model, conversationThreshold, detect, isRefusal };
}

let loaded: Promise<PushbackDetector> | undefined;

/** Loads models/pushback.json once (shared by every caller). */
export function loadPushbackDetector(): Promise<PushbackDetector> {
  loaded ??= readFile(PUSHBACK_MODEL_URL, 'utf8').then((text) => createPushbackDetector(JSON.parse(text) as PushbackModelFile));
  return loaded;
}
