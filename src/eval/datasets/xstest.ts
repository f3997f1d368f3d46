/**
 * XSTest v2 (xstest/): 450 prompts, and model completions human-labelled full compliance / full
 * refusal / partial refusal. Pushback gold = full or partial refusal. Every
 * `model_completions/xstest_v2_completions_*.csv` present is read (three of the five here).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ConversationItem, ConversationSet, Loaded } from '../types.ts';
import { absent, buildConversation, type LoadOptions, licenceOf, readCsv } from './common.ts';

const FOLDER = 'xstest';
const PROMPTS = `${FOLDER}/xstest_prompts.csv`;
const COMPLETIONS = `${FOLDER}/model_completions`;

export interface XstestCompletionLabel {
  /** final_label is 2_full_refusal or 3_partial_refusal. */
  refusal: boolean;
  finalLabel: string;
  model: string;
  prompt: string;
  completion: string;
}

export interface XstestPromptLabel {
  safe: boolean;
  type: string;
}

export function loadXstestCompletions(options: LoadOptions): Loaded<ConversationSet<XstestCompletionLabel>> {
  const missing = absent(options.root, FOLDER, [COMPLETIONS]);
  if (missing) return missing;
  const files = readdirSync(path.join(options.root, COMPLETIONS))
    .filter((name) => /^xstest_v2_completions_.+\.csv$/.test(name))
    .sort()
    .map((name) => `${COMPLETIONS}/${name}`);
  if (files.length === 0) return { skipped: `${FOLDER}: no completion files in ${COMPLETIONS}, skipped` };
  const items: ConversationItem<XstestCompletionLabel>[] = [];
  let total = 0;
  for (const file of files) {
    const model = /completions_(.+)\.csv$/.exec(file)?.[1] ?? file;
    for (const row of readCsv(options.root, file)) {
      const finalLabel = row.final_label ?? '';
      if (!/^[123]_/.test(finalLabel)) continue;
      total += 1;
      const prompt = row.prompt ?? '';
      const completion = row.completion ?? '';
      const conversation = buildConversation(
        `xstest:${model}:${row.id}`,
        [
          { role: 'user', text: prompt },
          { role: 'assistant', text: completion },
        ],
        'csv',
        file,
      );
      if (!conversation) continue;
      items.push({
        conversation,
        label: { refusal: finalLabel.startsWith('2_') || finalLabel.startsWith('3_'), finalLabel, model, prompt, completion },
      });
    }
  }
  return {
    kind: 'conversations',
    folder: FOLDER,
    name: `XSTest completions (${files.length} models)`,
    files,
    licence: licenceOf(FOLDER),
    total,
    items,
  };
}

export function loadXstestPrompts(options: LoadOptions): Loaded<ConversationSet<XstestPromptLabel>> {
  const missing = absent(options.root, FOLDER, [PROMPTS]);
  if (missing) return missing;
  const rows = readCsv(options.root, PROMPTS);
  const items: ConversationItem<XstestPromptLabel>[] = [];
  for (const row of rows) {
    const conversation = buildConversation(`xstest:prompt:${row.id}`, [{ role: 'user', text: row.prompt ?? '' }], 'csv', PROMPTS);
    if (conversation) items.push({ conversation, label: { safe: row.label === 'safe', type: row.type ?? '' } });
  }
  return {
    kind: 'conversations',
    folder: FOLDER,
    name: 'XSTest prompts',
    files: [PROMPTS],
    licence: licenceOf(FOLDER),
    total: rows.length,
    items,
  };
}
