/**
 * Scores one message with the English or Chinese polarity model (chosen per message). A Chinese
 * message is also glossed word by word into English (hand-written lexicon, ../disclosure/zh-gloss.ts)
 * and scored by the English model; the two are blended by the Chinese model's `glossWeight`, because
 * CPED (TV dialogue) alone covers chat-assistant messages poorly.
 */
import type { Sentiment } from '../definitions.ts';
import { glossChinese } from '../disclosure/zh-gloss.ts';
import type { Features } from '../linear/features.ts';
import { SparseVector } from '../linear/sparse.ts';
import {
  messageLanguage,
  messageTokens,
  type PolarityLanguage,
  polarityFeatures,
  polarityFeaturesFromTokens,
  polarityVector,
  polarityVectorFromTokens,
} from './features.ts';
import { blend, decide, type Polarity, type PolarityModel, type SparsePolarityModel } from './polarity-model.ts';

export interface PolarityModels {
  en: PolarityModel;
  zh: PolarityModel;
}

export interface MessageScore {
  language: PolarityLanguage;
  probabilities: Record<Polarity, number>;
  polarity: Polarity;
  value: Sentiment;
  /** Top features of the winning polarity (non-neutral only). */
  evidence: string[];
}

/** Probabilities only (training script: margin choice). */
export function messageProbabilities(
  models: PolarityModels,
  text: string,
  language: PolarityLanguage = messageLanguage(text),
  glossWeight = models.zh.file.glossWeight ?? 0,
): { probabilities: Record<Polarity, number>; features: Features; glossFeatures?: Features } {
  const features = polarityFeatures(text, language);
  const own = models[language].probabilities(features);
  if (language === 'en' || glossWeight <= 0) return { probabilities: own, features };
  const glossFeatures = polarityFeaturesFromTokens(glossChinese(messageTokens(text)).tokens, 'en');
  return { probabilities: blend(own, models.en.probabilities(glossFeatures), glossWeight), features, glossFeatures };
}

export function scoreMessage(models: PolarityModels, text: string): MessageScore {
  const language = messageLanguage(text);
  const { probabilities, features, glossFeatures } = messageProbabilities(models, text, language);
  const { polarity, value } = decide(probabilities, models[language].file.scale);
  if (value === 0) return { language, probabilities, polarity, value, evidence: [] };
  const evidence = [`model:${models[language].file.id}`, ...models[language].explain(features, polarity, 3)];
  if (glossFeatures) evidence.push(...models.en.explain(glossFeatures, polarity, 2).map((feature) => `gloss:${feature}`));
  return { language, probabilities, polarity, value, evidence };
}

export interface SparsePolarityModels {
  en: SparsePolarityModel;
  zh: SparsePolarityModel;
}

const own = new SparseVector();
const glossed = new SparseVector();

/** scoreMessage() through the sparse models (the run time): the same value, and the same evidence when asked. */
export function scoreMessageSparse(
  models: SparsePolarityModels,
  text: string,
  withEvidence: boolean,
): { value: Sentiment; evidence: string[] } {
  const language = messageLanguage(text);
  const model = models[language];
  const features = polarityVector(own, text, language);
  const indices = model.space.lookup(features);
  let probabilities = model.probabilities(features, indices);
  const glossWeight = models.zh.file.glossWeight ?? 0;
  let glossIndices: Int32Array | undefined;
  if (language === 'zh' && glossWeight > 0) {
    polarityVectorFromTokens(glossed, glossChinese(messageTokens(text)).tokens, 'en');
    glossIndices = models.en.space.lookup(glossed);
    probabilities = blend(probabilities, models.en.probabilities(glossed, glossIndices), glossWeight);
  }
  const { polarity, value } = decide(probabilities, model.file.scale);
  if (value === 0 || !withEvidence) return { value, evidence: [] };
  const evidence = [`model:${model.file.id}`, ...model.explain(features, indices, polarity, 3)];
  if (glossIndices) evidence.push(...models.en.explain(glossed, glossIndices, polarity, 2).map((feature) => `gloss:${feature}`));
  return { value, evidence };
}
