/**
 * The command line: a thin layer over the library. Each command lives in commands/<verb>.ts and
 * loads the heavy parts (DuckDB, the language model) only when it runs, so --help is instant.
 */
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { AffectlensError, ConfigError, EXIT } from '../errors.ts';
import { registerAnalyze } from './commands/analyze.ts';
import { registerFacets } from './commands/facets.ts';
import { registerFormats } from './commands/formats.ts';
import { registerImport } from './commands/import.ts';
import { registerServe } from './commands/serve.ts';
import { registerWellbeing } from './commands/wellbeing.ts';
import { registerWorker } from './commands/worker.ts';

const EXIT_HELP = `
Exit status: 0 all input used; ${EXIT.partial} finished but some input was skipped (see the quarantine list);
${EXIT.nothingUsable} nothing usable in the input; ${EXIT.usageError} usage or configuration error; ${EXIT.internalError} internal error.`;

export function createProgram(): Command {
  const program = new Command('affectlens')
    .description('Measure affective use of AI chat (support, advice, companionship, romance) from conversation exports.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .addHelpText('after', EXIT_HELP);
  registerImport(program);
  registerFacets(program);
  registerAnalyze(program);
  registerFormats(program);
  registerServe(program);
  registerWellbeing(program);
  registerWorker(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await createProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usageError;
    } else if (error instanceof ConfigError || (error instanceof AffectlensError && error.hint)) {
      process.stderr.write(`${pc.red('error')} ${error.message}\n`);
      if (error.hint) process.stderr.write(`hint: ${error.hint}\n`);
      process.exitCode = error instanceof ConfigError ? EXIT.usageError : EXIT.internalError;
    } else {
      process.stderr.write(`${pc.red('internal error')} ${(error as Error)?.stack ?? String(error)}\n`);
      process.stderr.write('This is a bug in affectlens: please report it with the command you ran (never attach your data).\n');
      process.exitCode = EXIT.internalError;
    }
  }
}
