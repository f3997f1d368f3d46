/**
 * Per-message sentiment on the 5-point scale (−1, −0.5, 0, 0.5, 1). Each message is scored by the
 * English or the Chinese polarity model, decided per message by its share of Han characters
 * (mixed-language conversations are common). English: GoEmotions (+ XSTest prompts as neutral task
 * requests) with a VADER-lexicon valence feature; Chinese: CPED. See scripts/train/sentiment.ts.
 */
import { readFile } from 'node:fs/promises';
import type { Sentiment } from '../definitions.ts';
import { type PolarityModelFile, SparsePolarityModel } from './polarity-model.ts';
import { scoreMessageSparse } from './scorer.ts';

export interface SentimentResult {
  value: Sentiment;
  /** For non-zero values: `model:sentiment-en`, then the top features (`w:lonely`, `vader:neg`, `gloss:w:sad`). */
  evidence: string[];
}

export interface SentimentModel {
  readonly id: string;
  sentiment(text: string): SentimentResult;
  /** sentiment(text).value without the evidence. */
  sentimentValue(text: string): Sentiment;
}

const SCORABLE = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

export const SENTIMENT_MODEL_URLS = {
  en: new URL('../../../models/sentiment-en.json', import.meta.url),
  zh: new URL('../../../models/sentiment-zh.json', import.meta.url),
};

export function createSentimentModel(files: { en: PolarityModelFile; zh: PolarityModelFile }): SentimentModel {
  const models = { en: new SparsePolarityModel(files.en), zh: new SparsePolarityModel(files.zh) };
  return {
    id: `sentiment@${files.en.version}.${files.zh.version}`,
    sentiment(text: string): SentimentResult {
      if (!SCORABLE.test(text)) return { value: 0, evidence: [] };
      return scoreMessageSparse(models, text, true);
    },
    sentimentValue(text: string): Sentiment {
      if (!SCORABLE.test(text)) return 0;
      return scoreMessageSparse(models, text, false).value;
    },
  };
}

let loaded: Promise<SentimentModel> | undefined;

/** Loads models/sentiment-en.json and models/sentiment-zh.json once per process. */
export function loadSentimentModel(): Promise<SentimentModel> {
  loaded ??= Promise.all([readFile(SENTIMENT_MODEL_URLS.en, 'utf8'), readFile(SENTIMENT_MODEL_URLS.zh, 'utf8')]).then(
    ([en, zh]) => createSentimentModel({ en: JSON.parse(en) as PolarityModelFile, zh: JSON.parse(zh) as PolarityModelFile }),
  );
  return loaded;
}
