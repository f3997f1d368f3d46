/**
 * The crisis facet (about the USER): `risk` | `distress` | `none`.
 *
 * 1. Risk layer: precise hand-written bilingual rules (`risk-rules.ts`) on each user message — own
 *    suicidal thoughts, self-harm intent/behaviour (past acts included), plans, means, danger now —
 *    with negation, fiction/role-play/translation, quotation, idiom and third-party guards.
 *    A third party's risk ("my friend said she wants to die", 我朋友想自杀) is not the user's risk:
 *    such a conversation is `distress` only if the user's own distress shows.
 *    A means-seeking question with no first-person anchor ("what is a lethal dose of X") is a weak
 *    cue: `risk` only when the conversation also reads as distressed.
 * 2. Distress: a logistic-regression model over the user's words and a bilingual cue lexicon
 *    (models/crisis-distress.json, trained by scripts/train/crisis.ts on permissively licensed sets),
 *    with its threshold chosen on held-out permissive data to keep false alarms on task chat rare.
 * Messages that ask for fiction are skipped by both layers. The model runs only when the user's text
 * holds at least one distress cue word (a cheap gate that keeps long task chats fast).
 */
import { readFile } from 'node:fs/promises';
import type { CrisisLevel } from '../definitions.ts';
import type { Decision, FacetContext } from '../facet.ts';
import { LinearModel, type LinearModelFile } from '../linear/linear-model.ts';
import { explain, FeatureSpace, probability, type SparseWeights } from '../linear/sparse.ts';
import { distressCueSample, distressFeatures, distressVector } from './features.ts';
import { isFictionRequest, type RiskCue, riskCues } from './risk-rules.ts';

export const CRISIS_MODEL_ID = 'crisis-distress';

export interface CrisisDetector {
  detect(context: FacetContext): Decision<CrisisLevel>;
  /** The level of a single post (one user message), e.g. a forum post. */
  levelOfText(text: string): CrisisLevel;
}

interface Assessment {
  level: CrisisLevel;
  evidence: string[];
}

export class Crisis implements CrisisDetector {
  private readonly space = new FeatureSpace({ unigrams: ['uw:'], bigrams: ['ub:'] });
  private readonly weights: SparseWeights;

  constructor(readonly model: LinearModel) {
    this.weights = this.space.add(model.file.bias, model.file.weights);
    this.space.seal();
  }

  /** Distress probability of user texts (exposed for the training script's threshold choice). */
  distressProbability(userTexts: readonly string[]): number {
    return this.model.probability(distressFeatures(userTexts));
  }

  assess(userTexts: readonly string[]): Assessment {
    const strong: RiskCue[] = [];
    const weak: RiskCue[] = [];
    const ownTexts: string[] = [];
    for (const text of userTexts) {
      if (isFictionRequest(text)) continue;
      ownTexts.push(text);
      for (const cue of riskCues(text)) (cue.strength === 'strong' ? strong : weak).push(cue);
    }
    if (strong.length > 0) return { level: 'risk', evidence: unique(strong.map((cue) => cue.id)) };
    const joined = ownTexts.length === 0 ? undefined : distressCueSample(ownTexts);
    if (joined === undefined) return { level: 'none', evidence: [] };
    const features = distressVector(ownTexts, joined);
    const indices = this.space.lookup(features);
    if (probability(this.weights, features, indices) < this.model.threshold) return { level: 'none', evidence: [] };
    const evidence = explain(this.weights, features, indices, 4).map((c) => c.feature);
    if (weak.length > 0)
      return { level: 'risk', evidence: unique([...weak.map((cue) => cue.id), 'rule:with-distress', ...evidence]) };
    return { level: 'distress', evidence: [`model:${this.model.id}`, ...evidence] };
  }

  detect(context: FacetContext): Decision<CrisisLevel> {
    const { level, evidence } = this.assess(context.userMessages.map((message) => message.text));
    return level === 'none' ? { value: 'none' } : { value: level, evidence };
  }

  levelOfText(text: string): CrisisLevel {
    return this.assess([text]).level;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function crisisFromFile(file: LinearModelFile): Crisis {
  return new Crisis(new LinearModel(file));
}

let loaded: Promise<Crisis> | undefined;

/** Loads the shipped distress model once (models/crisis-distress.json) and returns the detector. */
export function loadCrisisDetector(): Promise<CrisisDetector> {
  loaded ??= readFile(new URL(`../../../models/${CRISIS_MODEL_ID}.json`, import.meta.url), 'utf8').then((text) =>
    crisisFromFile(JSON.parse(text) as LinearModelFile),
  );
  return loaded;
}
