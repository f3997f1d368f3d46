import path from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../errors.ts';
import { contextFrom } from '../output.ts';

interface WellbeingFlags {
  survey: string;
  scales: string[];
  db: string;
  out: string;
  model?: string;
  mediation?: string;
  seed: string;
  resamples: string;
  kUsers: string;
  participantKeyFile?: string;
  json?: boolean;
  quiet?: boolean;
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive integer, got "${text}"`);
  return value;
}

export function registerWellbeing(program: Command): void {
  program
    .command('wellbeing')
    .description(
      'join a survey to the donated logs in the store and fit the well-being models (OLS with HC3, moderation, mediation)',
    )
    .requiredOption('--survey <file>', 'survey CSV, one row per participant (id column matching the donation ids)')
    .requiredOption('--scales <files...>', 'scale definition file(s), YAML or JSON (see scales/)')
    .option('--db <file>', 'DuckDB store file (after `affectlens analyze`)', 'affectlens.duckdb')
    .requiredOption('--out <dir>', 'output folder')
    .option('--model <spec>', 'model, e.g. "who5 ~ companionship_share * intensity + age" (default: from the scale file)')
    .option('--mediation <spec>', 'mediation "X -> M -> Y" (default: from the scale file)')
    .option('--seed <n>', 'seed of the mediation bootstrap', '1')
    .option('--resamples <n>', 'bootstrap resamples of the indirect effect', '1000')
    .option('--k-users <n>', 'models need at least 5 × this many participants', '5')
    .option(
      '--participant-key-file <file>',
      'key the logs were imported with (default: <db>.key, or env AFFECTLENS_PARTICIPANT_KEY)',
    )
    .option('--json', 'print the result as JSON on stdout')
    .option('--quiet', 'nothing on stderr')
    .action(async (flags: WellbeingFlags) => {
      const { DuckDbStore } = await import('../../store/duckdb/duckdb-store.ts');
      const { runWellbeingStudy } = await import('../../wellbeing/study.ts');
      const { resolveParticipantKey } = await import('../../privacy/participant-key.ts');
      const context = contextFrom(flags);
      const seed = positiveInteger('--seed', flags.seed);
      const resamples = positiveInteger('--resamples', flags.resamples);
      const kUsers = positiveInteger('--k-users', flags.kUsers);
      const participantKey = resolveParticipantKey({ keyFile: flags.participantKeyFile, storePath: flags.db });
      const store = await DuckDbStore.open(flags.db);
      try {
        const spec = {
          ...(flags.model ? { model: flags.model } : {}),
          ...(flags.mediation ? { mediation: flags.mediation } : {}),
        };
        const result = await runWellbeingStudy({
          store,
          survey: flags.survey,
          scales: flags.scales,
          spec,
          out: flags.out,
          seed,
          resamples,
          kUsers,
          participantKey,
        });
        if (context.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else if (!context.quiet) {
          const problems = Object.entries(result.survey.errorCounts).map(([kind, n]) => `${n} ${kind}`);
          process.stderr.write(
            `${result.survey.rows} survey rows, ${result.survey.matched} with donated logs; model ${result.model.label}: N = ${result.model.n}\n` +
              (problems.length > 0 ? `survey problems (see wellbeing.json): ${problems.join(', ')}\n` : '') +
              `report: ${path.resolve(result.outputs.html)}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
