import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyze } from '../analyze.ts';
import { main } from '../cli/program.ts';
import { importIntoStore } from '../import-into-store.ts';
import { DuckDbStore } from '../store/duckdb/duckdb-store.ts';
import { tempDir } from '../testing/fixtures.ts';
import { Rng } from '../testing/seeded-random.ts';
import { needsShared, sharedPath } from '../testing/shared-datasets.ts';
import { runWellbeingStudy } from './study.ts';

const SCALES = path.resolve(fileURLToPath(new URL('../../scales', import.meta.url)));
const PARTICIPANTS = 60;
/** Participants from this index on are imported with per-record ids (a CSV participant column), the rest with --participant. */
const FIRST_CSV = 45;
const KEY = Buffer.alloc(32, 7);

interface Turn {
  text: string;
  speaker: 'usr' | 'sys';
}

function dialogues(): Turn[][] {
  return readFileSync(sharedPath('esconv/train.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { dialog: Turn[] }).dialog);
}

function chatgpt(id: string, turns: Turn[], start: number) {
  const mapping: Record<string, unknown> = { root: { id: 'root', parent: null, children: ['m0'], message: null } };
  let parent = 'root';
  turns.forEach((turn, i) => {
    const node = `m${i}`;
    mapping[node] = {
      id: node,
      parent,
      children: i + 1 < turns.length ? [`m${i + 1}`] : [],
      message: {
        id: node,
        author: { role: turn.speaker === 'usr' ? 'user' : 'assistant' },
        create_time: start + i * 90,
        content: { content_type: 'text', parts: [turn.text] },
        metadata: {},
        recipient: 'all',
      },
    };
    parent = node;
  });
  return { id, title: id, create_time: start, current_node: parent, mapping };
}

const conversationsOf = (p: number) => 2 + (p % 7);

/** Writes the donated logs: per-participant ChatGPT exports, and one CSV with a participant column. */
function writeLogs(folder: string): { explicit: string[]; csv: string } {
  const all = dialogues();
  let next = 0;
  const explicit: string[] = [];
  const csvLines = ['conversation_id,role,text,timestamp,participant'];
  for (let p = 0; p < PARTICIPANTS; p++) {
    const conversations = Array.from({ length: conversationsOf(p) }, (_, c) => {
      const start = Date.UTC(2024, 0, 1 + c * 2, (p * 5 + c * 7) % 24) / 1000;
      return { id: `p${p}-c${c}`, turns: all[next++ % all.length]!, start };
    });
    if (p < FIRST_CSV) {
      const dir = path.join(folder, `donor-${p}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'conversations.json'),
        JSON.stringify(conversations.map((c) => chatgpt(c.id, c.turns, c.start))),
      );
      explicit.push(dir);
    } else {
      for (const c of conversations) {
        c.turns.forEach((turn, i) => {
          const text = `"${turn.text.replace(/"/g, '""')}"`;
          const when = new Date((c.start + i * 90) * 1000).toISOString();
          csvLines.push(`${c.id},${turn.speaker === 'usr' ? 'user' : 'assistant'},${text},${when},donor-${p}`);
        });
      }
    }
  }
  const csv = path.join(folder, 'records.csv');
  writeFileSync(csv, `${csvLines.join('\n')}\n`);
  return { explicit, csv };
}

/** The survey: WHO-5 falls with the number of conversations (planted), plus bad rows. */
function writeSurvey(file: string): void {
  const rng = new Rng(11);
  const lines = ['participant,who5_1,who5_2,who5_3,who5_4,who5_5,ucla3_1,ucla3_2,ucla3_3,age,primary_motivation,comment'];
  for (let p = 0; p < PARTICIPANTS; p++) {
    const total = Math.max(0, Math.min(25, Math.round(22 - 2 * (conversationsOf(p) - 2) + (rng.next() - 0.5) * 4)));
    const items = Array.from({ length: 5 }, (_, i) => Math.floor(total / 5) + (i < total % 5 ? 1 : 0)).map(String);
    if (p === 3) items[1] = '9';
    if (p === 7) items[3] = 'often';
    const ucla = [1, 2, 3].map(() => String(rng.between(1, 3)));
    const age = p === 11 ? 'unknown' : String(rng.between(18, 70));
    const motive = rng.pick(['companionship', 'advice', 'fun']);
    lines.push([`donor-${p}`, ...items, ...ucla, age, motive, 'private free text never to be printed'].join(','));
  }
  lines.push('donor-20,1,1,1,1,1,1,1,1,30,fun,duplicate');
  lines.push(',5,5,5,5,5,1,1,1,30,fun,no id');
  lines.push('ghost-1,5,5,5,5,5,1,1,1,30,fun,no logs');
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('well-being study end to end', () => {
  it(
    'imports ESConv dialogues for 60 participants, joins a simulated survey, fits and reports',
    needsShared('esconv/train.jsonl'),
    async () => {
      const folder = tempDir();
      const { explicit, csv } = writeLogs(path.join(folder, 'logs'));
      const db = path.join(folder, 'store.duckdb');
      writeFileSync(`${db}.key`, `${KEY.toString('hex')}\n`);
      const survey = path.join(folder, 'survey.csv');
      writeSurvey(survey);
      const store = await DuckDbStore.open(db);
      let result: Awaited<ReturnType<typeof runWellbeingStudy>>;
      try {
        for (const [index, dir] of explicit.entries()) {
          const runId = await store.beginRun('import');
          await importIntoStore([dir], { store, runId, participantKey: KEY, participant: `donor-${index}` });
          await store.finishRun(runId, 'ok', {});
        }
        await analyze([csv], { store, out: path.join(folder, 'analysis'), participantKey: KEY });
        assert.equal((await store.counts()).participants, PARTICIPANTS);
        result = await runWellbeingStudy({
          store,
          survey,
          scales: ['who5.yaml', 'ucla3.yaml'].map((f) => path.join(SCALES, f)),
          spec: { model: 'who5 ~ intensity * emotional_disclosure + age', mediation: 'ucla3 -> conversations -> who5' },
          out: path.join(folder, 'out'),
          participantKey: KEY,
          seed: 3,
          resamples: 500,
        });
      } finally {
        await store.close();
      }
      // 63 rows: p3 (out of range), p7 (non-numeric) lose WHO-5, p11 its age; donor-20 twice; no id; no logs.
      assert.equal(result.survey.rows, 63);
      assert.equal(result.survey.matched, 59); // 60 donors − donor-20 (duplicate rows)
      assert.equal(result.model.n, 60 - 3 - 1);
      assert.deepEqual(result.model.excluded, { who5: 2, age: 1 });
      assert.deepEqual(Object.fromEntries(Object.entries(result.survey.errorCounts).sort()), {
        duplicate_id: 2,
        missing_id: 1,
        no_logs: 1,
        non_numeric: 2,
        out_of_range: 1,
        scale_missing: 2,
      });
      const slope = result.moderation!.slopes[1]!;
      process.stdout.write(
        `# intensity slope at mean disclosure: ${slope.slope.toFixed(3)} [${slope.low.toFixed(3)}, ${slope.high.toFixed(3)}], N = ${result.model.n}\n`,
      );
      assert.ok(slope.high < 0, 'the planted negative relation of intensity with WHO-5 is found');
      const indirect = result.mediation!.indirect;
      assert.equal(result.mediation!.n, 59 - 2); // p3, p7 lack WHO-5
      assert.ok(Number.isFinite(indirect.low) && indirect.low <= indirect.high);
      for (const file of Object.values(result.outputs)) assert.ok(existsSync(file), file);
      const csvOut = readFileSync(result.outputs.csv, 'utf8');
      assert.match(csvOut.split('\n')[0]!, /^section,model,term,estimate,se_hc3,ci_low,ci_high,t,p,std_beta,n$/);
      assert.match(csvOut, /intensity:emotional_disclosure/);
      assert.match(readFileSync(result.outputs.svg, 'utf8'), /^<svg/);
      const html = readFileSync(result.outputs.html, 'utf8');
      assert.match(html, /associations in observational data/);
      assert.match(html, /<svg/);
      for (const file of Object.values(result.outputs)) {
        const text = readFileSync(file, 'utf8');
        assert.ok(
          !text.includes('donor-') && !text.includes('ghost-1') && !text.includes('private free text'),
          `${file} names a raw id or free text`,
        );
      }

      // The CLI on the same store (key from <db>.key) writes the same table.
      const cliOut = path.join(folder, 'cli');
      const args = [
        '--survey',
        survey,
        '--scales',
        path.join(SCALES, 'who5.yaml'),
        path.join(SCALES, 'ucla3.yaml'),
        '--db',
        db,
        '--out',
        cliOut,
      ];
      await main([
        'node',
        'affectlens',
        'wellbeing',
        ...args,
        '--model',
        'who5 ~ intensity * emotional_disclosure + age',
        '--mediation',
        'ucla3 -> conversations -> who5',
        '--seed',
        '3',
        '--resamples',
        '500',
        '--quiet',
      ]);
      assert.equal(process.exitCode ?? 0, 0);
      assert.equal(readFileSync(path.join(cliOut, 'wellbeing.csv'), 'utf8'), csvOut);
    },
  );
});
