/**
 * Per-message self-disclosure (CL-Aff): emotional (the user reveals own feelings) and informational
 * (the user reveals own personal information). Two logistic regressions trained on CL-Aff by
 * scripts/train/disclosure.ts; Chinese messages are glossed into the English feature space by a
 * hand-written lexicon (zh-gloss.ts), because no Chinese disclosure data exists.
 */
import { readFile } from 'node:fs/promises';
import type { LinearModelFile } from '../linear/linear-model.ts';
import { explain as explainModel, FeatureSpace, probability, type SparseWeights } from '../linear/sparse.ts';
import { disclosureInput, disclosureVector } from './features.ts';

export interface DisclosureModelFile {
  id: string;
  version: number;
  emotional: LinearModelFile;
  informational: LinearModelFile;
  validation?: Record<string, number>;
}

export interface DisclosureResult {
  emotional: boolean;
  informational: boolean;
  /** For positive decisions: `emotional:w:sad`, `informational:b:my husband`, `zh:难过→sad`. */
  evidence: string[];
}

export interface DisclosureModel {
  readonly id: string;
  disclosure(text: string): DisclosureResult;
  /** disclosure(text) without the evidence (empty). */
  disclosureValues(text: string): DisclosureResult;
}

export const DISCLOSURE_MODEL_URL = new URL('../../../models/disclosure.json', import.meta.url);

export function createDisclosureModel(file: DisclosureModelFile): DisclosureModel {
  const space = new FeatureSpace({ unigrams: ['w:'], bigrams: ['b:'] });
  const emotional = { weights: space.add(file.emotional.bias, file.emotional.weights), threshold: file.emotional.threshold };
  const informational = {
    weights: space.add(file.informational.bias, file.informational.weights),
    threshold: file.informational.threshold,
  };
  space.seal();
  const disclose = (text: string, withEvidence: boolean): DisclosureResult => {
    const input = disclosureInput(text);
    if (input.tokens.length === 0) return { emotional: false, informational: false, evidence: [] };
    const features = disclosureVector(input);
    const indices = space.lookup(features);
    const isEmotional = probability(emotional.weights, features, indices) >= emotional.threshold;
    const isInformational = probability(informational.weights, features, indices) >= informational.threshold;
    const evidence: string[] = [];
    if (!withEvidence) return { emotional: isEmotional, informational: isInformational, evidence };
    const explain = (name: string, model: SparseWeights) => {
      const top = explainModel(model, features, indices, 3).map((item) => item.feature);
      for (const feature of top) evidence.push(`${name}:${feature}`);
      if (input.language === 'zh') {
        const words = new Set(top.map((feature) => feature.replace(/^[wb]:/, '')).flatMap((words) => words.split(' ')));
        for (const [zh, en] of input.glossed) if (en.split(' ').some((word) => words.has(word))) evidence.push(`zh:${zh}→${en}`);
      }
    };
    if (isEmotional) explain('emotional', emotional.weights);
    if (isInformational) explain('informational', informational.weights);
    return { emotional: isEmotional, informational: isInformational, evidence: [...new Set(evidence)] };
  };
  return {
    id: `${file.id}@${file.version}`,
    disclosure: (text) => disclose(text, true),
    disclosureValues: (text) => disclose(text, false),
  };
}

let loaded: Promise<DisclosureModel> | undefined;

/** Loads models/disclosure.json once per process. */
export function loadDisclosureModel(): Promise<DisclosureModel> {
  loaded ??= readFile(DISCLOSURE_MODEL_URL, 'utf8').then((text) =>
    createDisclosureModel(JSON.parse(text) as DisclosureModelFile),
  );
  return loaded;
}
