/**
 * `runWellbeingStudy`: join a survey to the donated logs and fit the study's models.
 *
 * 1. Scale definitions (scale-definitions.ts) and the model spec: `spec.model` / `spec.mediation`,
 *    else the definitions' `model` / `mediation`, else `<first scale> ~ companionship_share * intensity`.
 * 2. The survey (survey.ts): scores by the missing-data rule, per-participant errors.
 * 3. Matching (match-participants.ts) and usage dimensions (usage.ts) from the stored facets.
 * 4. The model (OLS, HC3), simple slopes of its first interaction, the mediation when asked.
 * 5. Outputs in `out`: wellbeing.csv, wellbeing.json, moderation.svg, wellbeing.html.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.ts';
import { FACETS_VERSION } from '../facets/definitions.ts';
import { DEFAULT_THRESHOLDS } from '../privacy/thresholds.ts';
import type { Store } from '../store/store.ts';
import { checkVariables, fitModel, type ModelFit, type Observation } from './design.ts';
import { parseFormula, parseMediation } from './formula.ts';
import { matchParticipants, surveyPseudonym } from './match-participants.ts';
import { type MediationResult, mediate } from './mediation.ts';
import { firstInteraction, type Moderation, simpleSlopes } from './moderation.ts';
import { moderationSvg, noModerationSvg } from './plot.ts';
import { renderWellbeingHtml } from './render-html.ts';
import { type ResultRow, resultRows, resultsCsv } from './results-table.ts';
import { loadScaleConfig, type ScaleConfig } from './scale-definitions.ts';
import { countErrors, readSurvey, type SurveyError } from './survey.ts';
import { addIntensity, tallyRow, USAGE_VARIABLES, type UsageTally, usageDimensions } from './usage.ts';

export interface WellbeingStudyOptions {
  store: Store;
  /** Path of the survey CSV. */
  survey: string;
  /** Scale definition file(s), or definitions already loaded. */
  scales: string | readonly string[] | ScaleConfig;
  spec?: { model?: string; mediation?: string };
  out: string;
  seed?: number;
  /** The key the logs were imported with (resolveParticipantKey). */
  participantKey: Buffer;
  facetRun?: string;
  /** Models need at least 5 × kUsers participants. Default 5. */
  kUsers?: number;
  resamples?: number;
  confidence?: number;
}

export interface WellbeingResult {
  model: { label: string; n: number; r2: number; excluded: Record<string, number> };
  moderation?: Moderation;
  mediation?: MediationResult;
  table: ResultRow[];
  survey: { rows: number; participants: number; matched: number; errorCounts: Record<string, number>; errors: SurveyError[] };
  settings: { seed: number; resamples: number; confidence: number; minimumN: number; facetRun: string };
  outputs: { csv: string; json: string; svg: string; html: string };
}

const slug = (text: string) => text.replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'other';

export async function runWellbeingStudy(options: WellbeingStudyOptions): Promise<WellbeingResult> {
  const config =
    typeof options.scales === 'string' || Array.isArray(options.scales)
      ? loadScaleConfig(typeof options.scales === 'string' ? [options.scales] : (options.scales as string[]))
      : (options.scales as ScaleConfig);
  const seed = options.seed ?? 1;
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const minimumN = 5 * (options.kUsers ?? DEFAULT_THRESHOLDS.kUsers);
  const facetRun = options.facetRun ?? `embedded@${FACETS_VERSION}`;
  const formula = parseFormula(
    options.spec?.model ?? config.model ?? `${config.scales[0]!.name} ~ companionship_share * intensity`,
  );
  const mediationText = options.spec?.mediation ?? config.mediation;
  const mediationSpec = mediationText ? parseMediation(mediationText) : undefined;
  const named = [
    ...formula.variables,
    ...(mediationSpec ? [mediationSpec.x, mediationSpec.m, mediationSpec.y, ...mediationSpec.covariates] : []),
  ];
  const scaleNames = new Set(config.scales.map((s) => s.name));
  const covariates = [...new Set(named)].filter(
    (n) => !scaleNames.has(n) && !USAGE_VARIABLES.includes(n) && !n.startsWith('motivation_'),
  );

  let text: string;
  try {
    text = readFileSync(options.survey, 'utf8');
  } catch {
    throw new ConfigError(`survey file not found or unreadable: ${options.survey}`);
  }
  const key = options.participantKey;
  const survey = readSurvey(text, config, { covariates, pseudonym: (id) => surveyPseudonym(key, id) });

  const activity = await options.store.participantActivity();
  const activityOf = new Map(activity.map((a) => [a.participant, a]));
  const tallies = new Map<string, UsageTally>();
  for await (const row of options.store.readAnalysisRows(facetRun)) tallyRow(tallies, row);
  if (tallies.size === 0) {
    throw new ConfigError(`the store holds no facet records of ${facetRun}`, {
      hint: 'run `affectlens analyze` on the donated logs first',
    });
  }
  const matches = matchParticipants(
    key,
    survey.participants.map((p) => p.rawId),
    new Set(activityOf.keys()),
  );
  const errors = [...survey.errors];
  const observations: Observation[] = [];
  for (const p of survey.participants) {
    const stored = matches.get(p.rawId) ?? [];
    if (stored.length === 0) {
      errors.push({
        kind: 'no_logs',
        participant: p.pseudonym,
        line: p.line,
        column: config.idColumn,
        value: '',
        message: 'no donated logs match this id: left out',
      });
      continue;
    }
    const usage = usageDimensions(
      stored.flatMap((s) => tallies.get(s) ?? []),
      stored.flatMap((s) => activityOf.get(s) ?? []),
    );
    observations.push({
      id: p.pseudonym,
      values: { ...p.values, ...usage, ...(p.motivation === null ? {} : { [`motivation_${slug(p.motivation)}`]: 1 }) },
    });
  }
  const motivationLevels = new Set(observations.flatMap((o) => Object.keys(o.values).filter((k) => k.startsWith('motivation_'))));
  for (const [index, o] of observations.entries()) {
    const answered = survey.participants.find((p) => p.pseudonym === o.id)?.motivation !== null;
    for (const level of motivationLevels) o.values[level] = answered ? (o.values[level] ?? 0) : null;
    observations[index] = o;
  }
  addIntensity(observations);
  const available = new Set([...scaleNames, ...USAGE_VARIABLES, ...covariates, ...motivationLevels]);
  checkVariables(named, available, 'the model spec');

  const fit: ModelFit = fitModel(formula, observations, { minimumN, confidence });
  const interaction = firstInteraction(fit);
  const moderation = interaction ? simpleSlopes(fit, interaction[0], interaction[1]) : undefined;
  const mediation = mediationSpec ? mediate(observations, mediationSpec, { minimumN, seed, resamples, confidence }) : undefined;

  mkdirSync(options.out, { recursive: true });
  const outputs = {
    csv: path.join(options.out, 'wellbeing.csv'),
    json: path.join(options.out, 'wellbeing.json'),
    svg: path.join(options.out, 'moderation.svg'),
    html: path.join(options.out, 'wellbeing.html'),
  };
  const table = resultRows(fit, moderation, mediation);
  const result: WellbeingResult = {
    model: { label: fit.label, n: fit.n, r2: fit.ols.r2, excluded: fit.excluded },
    ...(moderation ? { moderation } : {}),
    ...(mediation ? { mediation } : {}),
    table,
    survey: {
      rows: survey.rows,
      participants: survey.participants.length,
      matched: observations.length,
      errorCounts: countErrors(errors) as Record<string, number>,
      errors,
    },
    settings: { seed, resamples, confidence, minimumN, facetRun },
    outputs,
  };
  const svg = moderation ? await moderationSvg(moderation, formula.outcome) : noModerationSvg(fit.label);
  writeFileSync(outputs.csv, resultsCsv(table));
  writeFileSync(outputs.svg, svg);
  writeFileSync(
    outputs.json,
    `${JSON.stringify({ schema: 'affectlens.wellbeing', schema_version: 1, generated_at: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
  writeFileSync(outputs.html, renderWellbeingHtml(result, svg.replace(/^<\?xml[^>]*>/, '')));
  return result;
}
