/**
 * Token estimates for the dry run, before anything is sent: about 4 characters per token for
 * alphabetic scripts and about 1 token per character for CJK (Han, kana, hangul), which BPE
 * tokenisers of the GPT-4 / Claude generations split into one or more tokens per character.
 */

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/gu;

export function estimateTokens(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return cjk + Math.ceil((text.length - cjk) / 4);
}
