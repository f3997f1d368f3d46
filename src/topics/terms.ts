/**
 * The terms of one document for topic modelling: the shared tokenizer (English words, jieba for
 * Chinese), minus redaction placeholders ([EMAIL], [NAME] …), numbers, punctuation, one-letter Latin
 * tokens and stopwords in both languages.
 */
import { tokenize } from '../facets/text/tokenize.ts';
import { STOPWORDS } from './stopwords.ts';

/** A typed placeholder left by redaction ([EMAIL], [name], [PHONE_NUMBER]): never a term. */
const PLACEHOLDER = /\[[A-Za-z_]{2,24}\]/g;
const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;

export function topicTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text.replace(PLACEHOLDER, ' '))) {
    const term = token.endsWith("'s") ? token.slice(0, -2) : token;
    if (term === '<num>' || STOPWORDS.has(term) || !LETTER.test(term)) continue;
    if (term.length < 2 && !HAN.test(term)) continue;
    terms.push(term);
  }
  return terms;
}
