import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { toStudyRow } from '../../aggregate/rows.ts';
import { TopicsSectionSchema } from '../../aggregate/summary-schema.ts';
import { analysisRow } from '../../aggregate/test-fixtures.ts';
import { topicsSection } from '../../aggregate/topics-section.ts';
import { createMemoryCache } from '../llm/cache.ts';
import { createOpenAICompatibleClient } from '../openai-compatible/index.ts';
import { buildLlmTopics, type LlmTopicDocument, llmTopicsInput, llmTopicsProvider } from './index.ts';
import { AUDIT_PROMPT, auditContent, INSIDE_HEADER, NAMING_PROMPT, NO_OUTSIDE, OUTSIDE_HEADER } from './prompts.ts';
import { type FakeTopicsServer, hashedBagOfWords, namingSamples, startFakeTopicsServer } from './testing/fake-topics-server.ts';

interface Theme {
  name: string;
  /** A word every summary of the theme has (the fake namer recognises the theme by it). */
  marker: string;
  summaries: string[];
}

const THEMES: Theme[] = [
  {
    name: 'Grief after a loss',
    marker: 'grief',
    summaries: [
      'The user talked through grief and mourning after a funeral.',
      'Grief and bereavement after losing a parent; mourning rituals.',
      'Mourning a loss, grief waves, the funeral and bereavement.',
      'Grief months after the funeral, bereavement and mourning.',
      'Coping with grief, bereavement leave and mourning.',
    ],
  },
  {
    name: 'Work burnout',
    marker: 'burnout',
    summaries: [
      'The user sought support about burnout, workload and deadlines.',
      'Burnout from overtime, a demanding manager and deadlines.',
      'Workload and burnout, overtime and missed deadlines.',
      'Burnout at the office, a manager piling workload.',
      'Overtime, deadlines, burnout and a manager.',
    ],
  },
  {
    name: 'Breakup heartbreak',
    marker: 'heartbreak',
    summaries: [
      'Heartbreak after a breakup with a partner of years.',
      'The breakup left heartbreak; the partner moved out.',
      'Heartbreak, breakup regrets and missing a partner.',
      'A partner ended things: breakup and heartbreak.',
      'Breakup heartbreak and wanting the partner back.',
    ],
  },
  {
    name: 'Exam pressure',
    marker: 'exams',
    summaries: [
      'Exams soon, revision panic and grades.',
      'Revision for exams and fear of bad grades.',
      'Grades slipping, exams and revision schedules.',
      'Exams, revision and grades pressure.',
      'Panic before exams, revision and grades.',
    ],
  },
];
/** Conversations per theme: grief the smallest (hidden as the complement of gardening), exams the largest. */
const SIZES: Record<string, number> = { grief: 14, burnout: 15, heartbreak: 16, exams: 17 };
const GARDENING = 'Gardening allotment plants and seedlings as comfort.';

function corpus(): LlmTopicDocument[] {
  const documents: LlmTopicDocument[] = [];
  for (const theme of THEMES) {
    for (let i = 0; i < (SIZES[theme.marker] as number); i++) {
      documents.push({
        key: `${theme.marker}-${String(i).padStart(2, '0')}`,
        participant: `${theme.marker}-p${i % 6}`,
        summary: theme.summaries[i % theme.summaries.length] as string,
      });
    }
  }
  for (let i = 0; i < 3; i++) documents.push({ key: `garden-${i}`, participant: `garden-p${i % 2}`, summary: GARDENING });
  return documents;
}

/** The fake namer: the theme whose marker most inside summaries carry. */
function nameByMarker(inside: string[]): string {
  const tally = THEMES.map((theme) => ({
    theme,
    count: inside.filter((summary) => summary.toLowerCase().includes(theme.marker)).length,
  })).sort((a, b) => b.count - a.count)[0]!;
  if (tally.count > 0) return tally.theme.name;
  return inside.some((summary) => summary.includes('Gardening')) ? 'Gardening for comfort' : 'Low mood and loneliness';
}

let server: FakeTopicsServer;
before(async () => {
  server = await startFakeTopicsServer(nameByMarker, (label) => (label.startsWith('Exam') ? 2 : 5));
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.name = nameByMarker;
  server.rate = (label) => (label.startsWith('Exam') ? 2 : 5);
});

function provider(cache = createMemoryCache()) {
  const client = createOpenAICompatibleClient({ baseURL: server.baseURL, apiKey: 'none', model: 'fake-chat', timeoutMs: 2000 });
  return llmTopicsProvider({
    chat: client,
    embeddings: client,
    embeddingModel: 'fake-embed',
    cache,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
}

const THRESHOLDS = { kUsers: 3, kConversations: 5, seed: 7, topLevelClusters: 5 };

describe('buildLlmTopics', () => {
  it('separates planted themes; the audit withholds a label rated 2; small clusters are suppressed', async () => {
    const result = await buildLlmTopics(corpus(), { ...provider(), ...THRESHOLDS });
    assert.equal(result.method, 'llm');
    assert.equal(result.documentsUsed, 65);
    assert.equal(result.clusters.length, 5);
    // Each visible cluster is exactly one planted theme.
    assert.deepEqual(
      result.clusters.filter((c) => !c.suppressed).map((c) => [c.label, c.conversations, c.participants]),
      [
        [['Breakup heartbreak'], 16, 6],
        [['Work burnout'], 15, 6],
      ],
    );
    const hidden = result.clusters.filter((c) => c.suppressed);
    for (const c of hidden) assert.deepEqual([c.label, c.conversations, c.participants, c.children], [[], 0, 0, []]);
    // Gardening: 3 conversations of 2 people; grief: the smallest sibling, hidden so gardening cannot be
    // recovered by subtraction; exams: named "Exam pressure", which the auditor rated 2.
    assert.deepEqual(hidden.map((c) => c.suppressionReason).sort(), ['below-threshold', 'complementary', 'privacy-audit']);
    const audits = server.requests
      .filter((r) => r.kind === 'audit')
      .map((r) => (r.body.messages as { content: string }[])[1]!.content);
    assert.ok(audits.includes(auditContent('Exam pressure')), 'the exam label was audited');
    assert.ok(!JSON.stringify(result).includes('Exam pressure'), 'and does not appear in the result');
    assert.ok(!JSON.stringify(result).includes('Gardening'), 'the small cluster is never named in the result');
    const naming = server.requests.filter((r) => r.kind === 'naming');
    assert.equal(naming.length, 3, 'only the clusters above the thresholds are named');
    assert.deepEqual(result.stats.audit_withheld, 1);
    assert.match(result.description, /^llm-topics\/1: .*fake-embed.*fake-chat/);
  });

  it('sends summaries only: embeddings inputs, naming samples, audit labels', async () => {
    const documents = corpus();
    const summaries = new Set(documents.map((d) => d.summary));
    await buildLlmTopics(documents, { ...provider(), ...THRESHOLDS });
    const kinds = new Set(server.requests.map((r) => r.kind));
    assert.deepEqual([...kinds].sort(), ['audit', 'embeddings', 'naming']);
    for (const request of server.requests) {
      for (const d of documents) assert.ok(!request.raw.includes(d.key) && !request.raw.includes(d.participant));
      if (request.kind === 'embeddings') {
        assert.equal(request.body.encoding_format, 'float');
        for (const input of request.body.input as string[]) assert.ok(summaries.has(input), input);
        continue;
      }
      const messages = request.body.messages as { role: string; content: string }[];
      assert.deepEqual(
        messages.map((m) => m.role),
        ['system', 'user'],
      );
      if (request.kind === 'audit') {
        assert.equal(messages[0]!.content, AUDIT_PROMPT.system);
        assert.match(messages[1]!.content, /^Topic label: "[A-Z][a-z ]+"$/);
        continue;
      }
      assert.equal(messages[0]!.content, NAMING_PROMPT.system);
      // Every line of the naming request is a fixed header or "- " and one summary: nothing else leaves.
      for (const line of messages[1]!.content.split('\n')) {
        if ([INSIDE_HEADER, OUTSIDE_HEADER, NO_OUTSIDE].includes(line)) continue;
        assert.ok(line.startsWith('- ') && summaries.has(line.slice(2)), line);
      }
      const { inside, outside } = namingSamples(messages[1]!.content);
      assert.ok(inside.length >= 1 && inside.length <= 6);
      assert.ok(outside.length >= 1, 'contrast: summaries from the nearest other cluster');
      const insideTheme = nameByMarker(inside);
      assert.ok(
        outside.every((summary) => nameByMarker([summary]) !== insideTheme),
        'the outside samples are another theme',
      );
    }
  });

  it('a second run is served by the cache: zero requests, the same clusters', async () => {
    const cache = createMemoryCache();
    const first = await buildLlmTopics(corpus(), { ...provider(cache), ...THRESHOLDS });
    assert.ok(server.requests.length > 0);
    server.requests.length = 0;
    const second = await buildLlmTopics(corpus().reverse(), { ...provider(cache), ...THRESHOLDS });
    assert.equal(server.requests.length, 0);
    assert.deepEqual(second.clusters, first.clusters);
    assert.equal(second.stats.chat_requests + second.stats.embedding_requests, 0);
    assert.ok(second.stats.cache_hits > 0);
  });

  it('builds a second level inside big clusters, named against their siblings', async () => {
    server.rate = () => 5;
    server.name = (inside, outside) => `${nameByMarker(inside)} vs ${nameByMarker(outside)}`;
    const documents = corpus().filter((d) => !d.key.startsWith('garden'));
    const result = await buildLlmTopics(documents, { ...provider(), ...THRESHOLDS, topLevelClusters: 2, subClusters: 2 });
    assert.equal(result.clusters.length, 2);
    for (const parent of result.clusters) {
      assert.equal(parent.suppressed, false);
      assert.equal(parent.children.length, 2, `${parent.label}: two sub-clusters`);
      assert.equal(
        parent.children.reduce((sum, c) => sum + c.conversations, 0),
        parent.conversations,
      );
      const themes = parent.children.map((c) => c.label[0]!.split(' vs ')[0]);
      assert.notEqual(themes[0], themes[1], 'the two planted themes inside are split apart');
      for (const child of parent.children) {
        assert.ok(child.id.startsWith(`${parent.id}.`));
        // Contrast inside the parent: the nearest other cluster of a sub-cluster is its sibling.
        assert.deepEqual(
          child.label[0]!.split(' vs ').reverse()[0],
          themes.find((t) => t !== child.label[0]!.split(' vs ')[0]),
        );
      }
    }
  });

  it('a name that stays invalid, or a label the auditor cannot rate, is withheld', async () => {
    server.name = (inside) => (nameByMarker(inside).startsWith('Work') ? null : nameByMarker(inside));
    server.rate = (label) => (label.startsWith('Breakup') ? null : 5);
    const result = await buildLlmTopics(corpus(), { ...provider(), ...THRESHOLDS });
    const reasons = Object.fromEntries(result.clusters.filter((c) => c.suppressed).map((c) => [c.suppressionReason, true]));
    assert.ok(reasons['naming-failed'] && reasons['privacy-audit']);
    assert.equal(result.stats.naming_failed, 1);
    assert.equal(result.stats.repairs, 2, 'one repair turn each');
    // Exams, rated 5 this time, is the only cluster left.
    assert.deepEqual(
      result.clusters.filter((c) => !c.suppressed).map((c) => c.label),
      [['Exam pressure']],
    );
  });

  it('no documents, or only empty summaries: no clusters and no requests', async () => {
    const result = await buildLlmTopics([{ key: 'a', participant: 'p', summary: '  ' }], { ...provider(), ...THRESHOLDS });
    assert.deepEqual(result.clusters, []);
    assert.equal(result.unassigned, 1);
    assert.equal(server.requests.length, 0);
  });
});

it('the study topics section: summaries from evidence.summary, LLM clusters as schema-valid cells', async () => {
  server.requests.length = 0;
  const documents = corpus();
  const rows = documents.map((d) => {
    const row = analysisRow(d.key, d.participant, { affective: ['counseling'] });
    row.facets.evidence = { affective: ['llm:fake-chat'], summary: [d.summary] };
    return row;
  });
  rows.push(analysisRow('no-summary', 'p-x', { affective: ['counseling'] })); // left out of the clustering
  const section = await topicsSection(
    rows.map(toStudyRow),
    { k: { kUsers: 3, kConversations: 5 }, seed: 7, backend: 'llm:openai-compatible/fake-chat@1' },
    llmTopicsInput(rows, provider()),
  );
  assert.doesNotThrow(() => TopicsSectionSchema.parse(section));
  assert.match(section.method ?? '', /^llm-topics\/1: /);
  const counseling = section.types.counseling;
  assert.equal(counseling.conversations, 66);
  assert.equal(counseling.documents_used, 65);
  const cells = counseling.clusters.flatMap((c) => [c, ...c.children]);
  for (const cell of cells.filter((c) => c.suppressed)) assert.deepEqual([cell.conversations, cell.label], [null, []]);
  assert.ok(cells.some((c) => c.suppressed && c.suppression_reason === 'below_k'));
  assert.ok(
    cells.some((c) => c.suppressed && c.suppression_reason === undefined),
    'withheld by the audit: no schema code, no reason',
  );
  const names = new Set(THEMES.map((theme) => theme.name));
  for (const cell of cells.filter((c) => !c.suppressed))
    assert.ok(names.has(cell.label[0]!) && cell.label[0] !== 'Exam pressure');
});

it('the fake embeddings separate the planted themes (sanity check of the test double)', () => {
  const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0) / (Math.hypot(...a) * Math.hypot(...b) || 1);
  for (const theme of THEMES) {
    for (const other of THEMES) {
      if (other === theme) continue;
      const within = cos(hashedBagOfWords(theme.summaries[0]!), hashedBagOfWords(theme.summaries[1]!));
      const across = cos(hashedBagOfWords(theme.summaries[0]!), hashedBagOfWords(other.summaries[0]!));
      assert.ok(within > across, `${theme.marker} vs ${other.marker}: ${within} ≤ ${across}`);
    }
  }
});
