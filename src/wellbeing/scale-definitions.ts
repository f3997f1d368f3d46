/**
 * Scale definition files (YAML or JSON), validated with zod. One file may hold several scales and the
 * study settings; several files may be given (their scales are merged, a name may appear once; for a
 * setting, the last file that sets it wins). Shipped definitions are in scales/ at the repository root.
 *
 *   id_column: participant            # the survey column holding the donation id (default "participant")
 *   motivation_column: primary_motivation   # optional self-reported primary motivation (categorical)
 *   model: "who5 ~ companionship_share * intensity + age"
 *   mediation: "lsns6 -> companionship_share -> who5"
 *   scales:
 *     - name: who5
 *       items: [who5_1, who5_2, who5_3, who5_4, who5_5]
 *       range: [0, 5]
 *       reverse: []          # reverse-keyed items: scored as min + max − answer
 *       scoring: sum         # sum | mean
 *       multiplier: 4        # optional: the score is multiplied by it (WHO-5's 0–100 percentage)
 *       min_answered: 5      # default: all items
 *       prorate: false       # sum only: with fewer answers than items (≥ min_answered) the sum is
 *                            # prorated: mean of the answered items × number of items
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export const ScaleSchema = z
  .object({
    name: z.string().regex(NAME, 'a scale name is letters, digits, _ and ., starting with a letter or _'),
    description: z.string().optional(),
    items: z.array(z.string().min(1)).min(1),
    range: z.tuple([z.number(), z.number()]).refine(([min, max]) => min < max, 'range must be [min, max] with min < max'),
    reverse: z.array(z.string()).default([]),
    scoring: z.enum(['sum', 'mean']),
    multiplier: z.number().positive().optional(),
    min_answered: z.number().int().positive().optional(),
    prorate: z.boolean().default(false),
  })
  .strict()
  .superRefine((scale, context) => {
    if (new Set(scale.items).size !== scale.items.length) context.addIssue({ code: 'custom', message: 'items repeat a column' });
    for (const item of scale.reverse) {
      if (!scale.items.includes(item))
        context.addIssue({ code: 'custom', message: `reverse-keyed "${item}" is not one of the items` });
    }
    const minimum = scale.min_answered ?? scale.items.length;
    if (minimum > scale.items.length) context.addIssue({ code: 'custom', message: 'min_answered exceeds the number of items' });
    if (scale.scoring === 'sum' && minimum < scale.items.length && !scale.prorate) {
      context.addIssue({
        code: 'custom',
        message:
          'a sum score with min_answered below the number of items needs prorate: true (else partial sums are not comparable)',
      });
    }
  });

export type ScaleDefinition = z.infer<typeof ScaleSchema>;

const FileSchema = z
  .object({
    id_column: z.string().min(1).optional(),
    motivation_column: z.string().min(1).optional(),
    model: z.string().optional(),
    mediation: z.string().optional(),
    scales: z.array(ScaleSchema).default([]),
  })
  .strict();

export interface ScaleConfig {
  idColumn: string;
  motivationColumn?: string;
  model?: string;
  mediation?: string;
  scales: ScaleDefinition[];
}

/** Parses one definition file's text (YAML is a superset of JSON, so both read the same way). */
export function parseScaleFile(text: string, origin: string): z.infer<typeof FileSchema> {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${origin}: not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = FileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new ConfigError(`${origin}: invalid scale definitions — ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Merges parsed files (see the header). */
export function mergeScaleFiles(files: readonly { origin: string; data: z.infer<typeof FileSchema> }[]): ScaleConfig {
  const config: ScaleConfig = { idColumn: 'participant', scales: [] };
  for (const { origin, data } of files) {
    if (data.id_column) config.idColumn = data.id_column;
    if (data.motivation_column) config.motivationColumn = data.motivation_column;
    if (data.model) config.model = data.model;
    if (data.mediation) config.mediation = data.mediation;
    for (const scale of data.scales) {
      if (config.scales.some((s) => s.name === scale.name))
        throw new ConfigError(`${origin}: scale "${scale.name}" is defined twice`);
      config.scales.push(scale);
    }
  }
  if (config.scales.length === 0) throw new ConfigError('the scale definitions define no scale');
  return config;
}

export function loadScaleConfig(paths: readonly string[]): ScaleConfig {
  return mergeScaleFiles(
    paths.map((file) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new ConfigError(`scale definition file not found or unreadable: ${file}`);
      }
      return { origin: file, data: parseScaleFile(text, file) };
    }),
  );
}
