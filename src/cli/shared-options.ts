/** Options several commands share, parsed once into library options. */
import { type Command, Option } from 'commander';
import { ConfigError } from '../errors.ts';
import type { CsvColumns, ImportOptions } from '../ingest/importer.ts';
import { SOURCE_FORMATS, type SourceFormat } from '../model.ts';

export interface InputFlags {
  format: SourceFormat | 'auto';
  participant?: string;
  participantKeyFile?: string;
  maxRecordMb: string;
  csvColumns?: string;
  json?: boolean;
  quiet?: boolean;
}

export function addInputOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--format <format>', 'input format (default: detected per file)')
        .choices(['auto', ...SOURCE_FORMATS])
        .default('auto'),
    )
    .option('--participant <id>', 'one participant id for all the input (e.g. a donation id); stored only as a keyed hash')
    .option(
      '--participant-key-file <file>',
      'key for participant pseudonyms (default: <db>.key, or env AFFECTLENS_PARTICIPANT_KEY)',
    )
    .option('--max-record-mb <n>', 'skip single conversations or lines larger than this', '64')
    .option('--csv-columns <map>', 'CSV column names, e.g. conversation_id=chat,role=speaker,text=body,timestamp=time')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no progress or issue listing on stderr');
}

export interface StoreFlags {
  db: string;
  force?: boolean;
}

export function addStoreOptions(command: Command): Command {
  return command
    .option('--db <file>', 'DuckDB store file', 'affectlens.duckdb')
    .option('--force', 'read files again even if they were imported completely before');
}

const CSV_KEYS: readonly (keyof CsvColumns)[] = ['conversationId', 'role', 'text', 'timestamp', 'participant'];
const CSV_ALIASES: Record<string, keyof CsvColumns> = {
  conversation_id: 'conversationId',
  conversationid: 'conversationId',
  role: 'role',
  text: 'text',
  timestamp: 'timestamp',
  participant: 'participant',
};

function parseCsvColumns(text: string): Partial<CsvColumns> {
  const columns: Partial<CsvColumns> = {};
  for (const pair of text.split(',')) {
    const [name, column] = pair.split('=').map((part) => part.trim());
    const key = CSV_ALIASES[(name ?? '').toLowerCase()];
    if (!key || !column) {
      throw new ConfigError(`invalid --csv-columns entry: "${pair}"`, {
        hint: `use name=column pairs; names: ${CSV_KEYS.map((k) => k.replace('conversationId', 'conversation_id')).join(', ')}`,
      });
    }
    columns[key] = column;
  }
  return columns;
}

export function importOptionsFrom(flags: InputFlags): Partial<ImportOptions> {
  const megabytes = Number(flags.maxRecordMb);
  if (!Number.isFinite(megabytes) || megabytes <= 0) throw new ConfigError(`--max-record-mb must be a positive number`);
  return {
    maxRecordBytes: Math.round(megabytes * 1024 * 1024),
    ...(flags.csvColumns ? { csvColumns: parseCsvColumns(flags.csvColumns) } : {}),
  };
}

/** Format, participant and import options, as the library operations take them. */
export function inputOptionsFrom(flags: InputFlags) {
  return {
    format: flags.format,
    ...(flags.participant === undefined ? {} : { participant: flags.participant }),
    import: importOptionsFrom(flags),
  };
}
