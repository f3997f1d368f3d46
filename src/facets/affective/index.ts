/**
 * content_creation and affective (multi-label), as defined in ../definitions.ts.
 *
 * affective is two-stage:
 *  1. the gate — "is this a direct, personal exchange motivated by emotional or psychological needs?" —
 *     a logistic regression over the user's words plus bilingual cue features (models/affective-gate.json),
 *     its threshold set so that ≤ ~1% of held-out ordinary (permissive) chats pass;
 *  2. the types among affective conversations — one-vs-rest logistic regressions
 *     (models/affective-types.json) plus rules: companionship from loneliness / AI-as-friend cues,
 *     romantic_sexual_roleplay only from romance cues in user messages and ≥ ROLEPLAY_MIN_USER_MESSAGES.
 *
 * content_creation is rule-based (write/compose a story, poem, post…; translate/rewrite; image prompts;
 * a request for code is not content). A content-creation conversation keeps its affective label only
 * when the user also speaks about their own feelings or situation ("write a letter to my ex, I can't
 * get over her" is both); a plain fiction request ("a story about a lonely girl") is not affective.
 */
import { readFileSync } from 'node:fs';
import { AFFECTIVE_TYPES, type AffectiveType, ROLEPLAY_MIN_USER_MESSAGES } from '../definitions.ts';
import type { Decision, FacetContext } from '../facet.ts';
import type { LinearModelFile } from '../linear/linear-model.ts';
import { explain, FeatureSpace, probability, type SparseVector, type SparseWeights } from '../linear/sparse.ts';
import { AFFECT_CUES, contentRules, matchCues } from './cues.ts';
import { affectiveVector, type CueHits, cueHits, viewOf } from './features.ts';

/** Types decided by a model (the rest are rules). */
export const MODELLED_TYPES = ['interpersonal_advice', 'coaching', 'counseling', 'companionship'] as const;
export type ModelledType = (typeof MODELLED_TYPES)[number];

export interface AffectiveTypesFile {
  id: string;
  version: number;
  trainedOn: string[];
  models: Record<ModelledType, LinearModelFile>;
  validation?: Record<string, number>;
}

export interface AffectiveResult {
  content_creation: Decision<boolean>;
  affective: Decision<AffectiveType[]>;
}

export interface AffectiveDetail extends AffectiveResult {
  /** Gate probability (stage 1). */
  gate: number;
  /** Type probabilities (stage 2), computed only when the gate passes or a rule fires. */
  types: Partial<Record<ModelledType, number>>;
}

export interface AffectiveClassifier {
  classify(context: FacetContext): AffectiveResult;
  /** The same from the user's messages alone (for training scripts and evaluation). */
  classifyUserTexts(userTexts: readonly string[]): AffectiveDetail;
}

/** Cues that show the user's own situation or feelings (keeps a content request affective). */
const PERSONAL_CUES = new Set(['feel-1p', 'life-1p', 'help-seek', 'lonely', 'mental-health']);
const COMPANION_RULE_CUES = ['lonely', 'companion-ai'];

interface Model {
  weights: SparseWeights;
  threshold: number;
}

function featureEvidence(model: Model, vector: SparseVector, indices: Int32Array, top = 4): string[] {
  return explain(model.weights, vector, indices, top).map((c) => c.feature.replace(/^u(?=[wb]:)/, ''));
}

const ROMANCE_CUES = AFFECT_CUES.filter((cue) => cue.id === 'romance');

export function romanceRule(userTexts: readonly string[]): number {
  const romance = ROMANCE_CUES;
  let messages = 0;
  for (const text of userTexts) if (romance.some((cue) => cue.pattern.test(text))) messages += 1;
  return messages;
}

// Outside the classifier's closure, so that the parsed model files are not kept alive by it.
function modelIn(space: FeatureSpace, file: LinearModelFile): Model {
  return { weights: space.add(file.bias, file.weights), threshold: file.threshold };
}

function typeModelsIn(space: FeatureSpace, typesFile: AffectiveTypesFile): (readonly [ModelledType, Model])[] {
  return MODELLED_TYPES.map((type) => [type, modelIn(space, typesFile.models[type])] as const);
}

export function createAffectiveClassifier(gateFile: LinearModelFile, typesFile: AffectiveTypesFile): AffectiveClassifier {
  // The gate and the type models read the same features: one dictionary, one lookup per feature.
  const space = new FeatureSpace({ unigrams: ['uw:'], bigrams: ['ub:'] });
  const gate = modelIn(space, gateFile);
  const typeModels = typeModelsIn(space, typesFile);
  space.seal();

  function classifyUserTexts(userTexts: readonly string[]): AffectiveDetail {
    const view = viewOf(userTexts);
    // content_creation: rules on the first user messages (a conversation that starts as a request).
    const contentEvidence = new Set<string>();
    for (const text of view.user.slice(0, 3)) for (const id of contentRules(text)) contentEvidence.add(id);
    const contentCreation = contentEvidence.size > 0;

    const hits: CueHits = cueHits(view);
    const features = affectiveVector(view, hits);
    const indices = space.lookup(features);
    const gateProbability = probability(gate.weights, features, indices);
    const romanceMessages = romanceRule(view.user);
    const romance = view.userCount >= ROLEPLAY_MIN_USER_MESSAGES && romanceMessages >= 2;
    const personal = hits.all.some((id) => PERSONAL_CUES.has(id));
    let gatePassed = gateProbability >= gate.threshold;
    const evidence: string[] = [];
    if (gatePassed && contentCreation && !personal) gatePassed = false;

    const types: AffectiveType[] = [];
    const probabilities: Partial<Record<ModelledType, number>> = {};
    if (gatePassed) {
      evidence.push(`gate:${gateProbability.toFixed(2)}`, ...featureEvidence(gate, features, indices));
      let best: ModelledType = 'counseling';
      let bestMargin = Number.NEGATIVE_INFINITY;
      for (const [type, model] of typeModels) {
        const p = probability(model.weights, features, indices);
        probabilities[type] = p;
        const margin = p - model.threshold;
        if (margin > bestMargin) {
          bestMargin = margin;
          best = type;
        }
        if (p >= model.threshold) types.push(type);
      }
      if (types.length === 0) types.push(best);
      if (!types.includes('companionship') && COMPANION_RULE_CUES.every((id) => hits.all.includes(id))) {
        types.push('companionship');
        evidence.push('rule:lonely+ai-friend');
      }
      for (const type of types) {
        const model = typeModels.find(([t]) => t === type)?.[1];
        if (model) evidence.push(...featureEvidence(model, features, indices, 2).map((f) => `${type}:${f}`));
      }
    }
    if (romance) {
      types.push('romantic_sexual_roleplay');
      evidence.push(`rule:romance-cues(${romanceMessages} msgs)`);
    }
    const ordered = AFFECTIVE_TYPES.filter((type) => types.includes(type));
    return {
      content_creation: contentCreation ? { value: true, evidence: [...contentEvidence] } : { value: false },
      affective: ordered.length > 0 ? { value: ordered, evidence: [...new Set(evidence)] } : { value: [] },
      gate: gateProbability,
      types: probabilities,
    };
  }

  return {
    classifyUserTexts,
    classify(context: FacetContext): AffectiveResult {
      const { content_creation, affective } = classifyUserTexts(context.userMessages.map((message) => message.text));
      return { content_creation, affective };
    },
  };
}

function readModel<T>(id: string): T {
  return JSON.parse(readFileSync(new URL(`../../../models/${id}.json`, import.meta.url), 'utf8')) as T;
}

let cached: Promise<AffectiveClassifier> | undefined;

/** The shipped classifier (models/affective-gate.json, models/affective-types.json), loaded once. */
export function loadAffectiveClassifier(): Promise<AffectiveClassifier> {
  cached ??= Promise.resolve().then(() =>
    createAffectiveClassifier(readModel<LinearModelFile>('affective-gate'), readModel<AffectiveTypesFile>('affective-types')),
  );
  return cached;
}

export { matchCues };
