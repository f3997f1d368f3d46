import type { Command } from 'commander';

export function registerFormats(program: Command): void {
  program
    .command('formats')
    .description('list the export formats affectlens reads')
    .action(async () => {
      const { importers } = await import('../../ingest/registry.ts');
      for (const importer of importers) process.stdout.write(`${importer.id.padEnd(16)} ${importer.description}\n`);
    });
}
