/**
 * Per-message self-disclosure (CL-Aff): emotional (the user reveals own feelings) and informational
 * (the user reveals own personal information). Two logistic regressions trained on CL-Aff by
 * scripts/train/disclosure.ts; Chinese messages are glossed into the English feature space by a
 * hand-written lexicon (zh-gloss.ts), because no Chinese disclosure data exists.
 */
import { readFile } from 'node:fs/promises';
import { LinearModel, type LinearModelFile } from '../linear/linear-model.ts';
import { disclosureFeatures, disclosureInput } from './features.ts';

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
}

export const DISCLOSURE_MODEL_URL = new URL('../../../models/disclosure.json', import.meta.url);

export function createDisclosureModel(file: DisclosureModelFile): DisclosureModel {
  const emotional = new LinearModel(file.emotional);
  const informational = new LinearModel(file.informational);
  return {
    id: `${file.id}@${file.version}`,
    disclosure(text: string): DisclosureResult {
      const input = disclosureInput(text);
      if (input.tokens.length === 0) return { emotional: false, informational: false, evidence: [] };
      const features = disclosureFeatures(input);
      const isEmotional = emotional.probability(features) >= emotional.threshold;
      const isInformational = informational.probability(features) >= informational.threshold;
      const evidence: string[] = [];
      const explain = (name: string, model: LinearModel) => {
        const top = model.explain(features, 3).map((item) => item.feature);
        for (const feature of top) evidence.push(`${name}:${feature}`);
        if (input.language === 'zh') {
          const words = new Set(top.map((feature) => feature.replace(/^[wb]:/, '')).flatMap((words) => words.split(' ')));
          for (const [zh, en] of input.glossed)
            if (en.split(' ').some((word) => words.has(word))) evidence.push(`zh:${zh}→${en}`);
        }
      };
      if (isEmotional) explain('emotional', emotional);
      if (isInformational) explain('informational', informational);
      return { emotional: isEmotional, informational: isInformational, evidence: [...new Set(evidence)] };
    },
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
