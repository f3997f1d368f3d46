/**
 * Every importer, in one list. Adding a format = one folder under src/ingest/ + one line here
 * (registry.test.ts fails for a folder that is not registered).
 */
import type { SourceFormat } from '../model.ts';
import { characterAiImporter } from './character-ai/index.ts';
import { chatgptImporter } from './chatgpt/index.ts';
import { claudeImporter } from './claude/index.ts';
import { csvImporter } from './csv/index.ts';
import type { Importer } from './importer.ts';
import { openaiMessagesImporter } from './openai-messages/index.ts';
import { sharegptImporter } from './sharegpt/index.ts';
import { sillytavernImporter } from './sillytavern/index.ts';
import { readHead, type SourceFile } from './source-files.ts';
import { transcriptImporter } from './transcript/index.ts';
import { wildchatImporter } from './wildchat/index.ts';

export const importers: readonly Importer[] = [
  chatgptImporter,
  claudeImporter,
  characterAiImporter,
  sillytavernImporter,
  sharegptImporter,
  openaiMessagesImporter,
  wildchatImporter,
  transcriptImporter,
  csvImporter,
];

export function importerById(id: string): Importer | undefined {
  return importers.find((importer) => importer.id === (id as SourceFormat));
}

/** Minimum confidence for auto-detection to pick a format. */
const DETECT_THRESHOLD = 0.3;

/** Sniffs the file's first 64 KiB; returns the most confident importer, or undefined. */
export async function detectImporter(file: SourceFile): Promise<Importer | undefined> {
  const head = new TextDecoder('utf-8').decode(await readHead(file));
  const sample = { name: file.name, head };
  let best: Importer | undefined;
  let bestScore = DETECT_THRESHOLD;
  for (const importer of importers) {
    const score = importer.detect(sample);
    if (score > bestScore) {
      best = importer;
      bestScore = score;
    }
  }
  return best;
}
