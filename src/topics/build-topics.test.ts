import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../testing/seeded-random.ts';
import { buildTopics, buildTopicsWithAssignment, clusterCount, type TopicCluster, type TopicDocument } from './build-topics.ts';

interface Theme {
  name: string;
  words: readonly string[];
  sentences: readonly string[];
}

const EN_THEMES: readonly Theme[] = [
  {
    name: 'breakup',
    words: ['breakup', 'girlfriend', 'boyfriend', 'ex', 'broke', 'relationship', 'dumped'],
    sentences: [
      'My girlfriend broke up with me last week.',
      'After the breakup I keep checking my ex on social media.',
      'My boyfriend dumped me and I cannot stop crying about the relationship.',
      'The breakup was my fault, I miss my ex so much.',
      'We were together five years and then the relationship ended.',
    ],
  },
  {
    name: 'job',
    words: ['boss', 'job', 'work', 'deadlines', 'overtime', 'office', 'career'],
    sentences: [
      'My boss keeps piling deadlines on me at work.',
      'I work overtime every night and the job is burning me out.',
      'The office is toxic and my career feels stuck.',
      'Deadlines at work make me anxious, my boss yells.',
      'I might quit my job because of the overtime.',
    ],
  },
  {
    name: 'lonely',
    words: ['lonely', 'alone', 'friends', 'loneliness', 'nobody', 'isolated'],
    sentences: [
      'I feel so lonely, I have no friends in this city.',
      'Nobody calls me, I spend every weekend alone.',
      'Loneliness is eating me, my friends moved away.',
      'I am isolated and lonely since I moved here.',
      'Being alone all the time, nobody to talk to.',
    ],
  },
  {
    name: 'exam',
    words: ['exam', 'exams', 'study', 'grades', 'test', 'finals', 'studying'],
    sentences: [
      'My exam is tomorrow and I cannot study at all.',
      'I panic before every test, my grades are dropping.',
      'Finals are coming and studying makes me anxious.',
      'I failed the exam and my parents will see the grades.',
      'I study all night but blank out during the test.',
    ],
  },
];

const ZH_THEMES: readonly Theme[] = [
  {
    name: '分手',
    words: ['分手', '失恋', '男朋友', '女朋友', '前任', '感情'],
    sentences: [
      '我和男朋友分手了，失恋好难过。',
      '女朋友跟我提分手，我接受不了。',
      '失恋一个月了，还是忘不了前任。',
      '分手以后我每天都在哭，感情没了。',
      '前任又找我了，分手的痛还在。',
    ],
  },
  {
    name: '工作',
    words: ['工作', '压力', '加班', '老板', '上班', '辞职'],
    sentences: [
      '最近工作压力很大，天天加班到很晚。',
      '老板总是让我加班，工作做不完。',
      '上班压力太大了，想辞职。',
      '加班太多，工作让我喘不过气。',
      '老板批评我，工作压力越来越大。',
    ],
  },
  {
    name: '孤独',
    words: ['孤独', '朋友', '寂寞', '孤单', '聊天', '一个'],
    sentences: [
      '我总是一个人，感觉很孤独，没有朋友。',
      '周末一个人在家，好寂寞。',
      '没有朋友可以聊天，很孤单。',
      '搬到新城市以后特别孤独，一个朋友都没有。',
      '每天一个人吃饭，孤单又寂寞。',
    ],
  },
];

/** 15 documents per theme from 20 participants; each text mixes 2 theme sentences and a generic line. */
function corpus(
  themes: readonly Theme[],
  seed: number,
  generic: readonly string[],
): { docs: TopicDocument[]; theme: Map<string, string> } {
  const rng = new Rng(seed);
  const docs: TopicDocument[] = [];
  const theme = new Map<string, string>();
  for (const t of themes) {
    for (let i = 0; i < 15; i++) {
      const key = `${t.name}-${i}`;
      const text = [rng.pick(t.sentences), rng.pick(t.sentences), rng.pick(generic)].join(' ');
      docs.push({ key, participant: `p${rng.int(20)}`, text });
      theme.set(key, t.name);
    }
  }
  return { docs, theme };
}

const EN_GENERIC = ['What should I do?', 'Please help me.', 'I feel terrible.', 'Any advice?', 'I do not know how to cope.'];
const ZH_GENERIC = ['我该怎么办？', '请帮帮我。', '心里很难受。', '有什么建议吗？', '不知道怎么面对。'];

function all(clusters: readonly TopicCluster[]): TopicCluster[] {
  return clusters.flatMap((c) => [c, ...all(c.children)]);
}

function assertThemesSeparate(themes: readonly Theme[], docs: readonly TopicDocument[], theme: Map<string, string>): void {
  const { result, assignment } = buildTopicsWithAssignment(docs, {
    seed: 7,
    kUsers: 3,
    kConversations: 5,
    topLevelClusters: themes.length,
  });
  const byId = new Map(result.clusters.map((c) => [c.id, c]));
  for (const t of themes) {
    const tally = new Map<string, number>();
    for (const [key, a] of assignment) if (theme.get(key) === t.name) tally.set(a.top, (tally.get(a.top) ?? 0) + 1);
    const [id, count] = [...tally].sort((a, b) => b[1] - a[1])[0] as [string, number];
    assert.ok(count >= 12, `${t.name}: only ${count} of 15 in cluster ${id} (${JSON.stringify([...tally])})`);
    const label = byId.get(id)?.label ?? [];
    assert.ok(
      label.some((term) => t.words.includes(term)),
      `${t.name}: label ${label.join(',')} has no theme word`,
    );
  }
}

describe('buildTopics', () => {
  it('separates English themes, each into one cluster labelled with a theme word', () => {
    const { docs, theme } = corpus(EN_THEMES, 11, EN_GENERIC);
    assertThemesSeparate(EN_THEMES, docs, theme);
  });

  it('separates Chinese themes (jieba) the same way', () => {
    const { docs, theme } = corpus(ZH_THEMES, 12, ZH_GENERIC);
    assertThemesSeparate(ZH_THEMES, docs, theme);
  });

  it('is deterministic with the seed and does not depend on the input order', () => {
    const { docs } = corpus(EN_THEMES, 11, EN_GENERIC);
    const options = { seed: 3, kUsers: 3, kConversations: 5, topLevelClusters: 4, subClusters: 3 };
    const first = buildTopics(docs, options);
    assert.deepEqual(buildTopics(docs, options), first);
    assert.deepEqual(buildTopics([...docs].reverse(), options), first);
    assert.ok(first.clusters.length >= 2);
  });

  it('never lets one participant’s word into the vocabulary or a label; a word of exactly k participants may', () => {
    const { docs } = corpus(EN_THEMES, 11, EN_GENERIC);
    // One participant writes 'quuxberry' in 30 conversations; 'saxophone' is used by exactly 3 participants.
    for (let i = 0; i < 30; i++)
      docs.push({ key: `rare-${i}`, participant: 'canary', text: 'quuxberry quuxberry lonely quuxberry' });
    for (let p = 0; p < 3; p++) {
      for (let i = 0; i < 4; i++)
        docs.push({ key: `sax-${p}-${i}`, participant: `sax${p}`, text: 'saxophone practice saxophone' });
    }
    const { result } = buildTopicsWithAssignment(docs, { seed: 1, kUsers: 3, kConversations: 5, topLevelClusters: 8 });
    const labels = all(result.clusters).flatMap((c) => c.label);
    assert.ok(!labels.includes('quuxberry'));
    assert.ok(!result.method.includes('quuxberry'));
    assert.ok(labels.includes('saxophone'), `labels: ${labels.join(',')}`);
  });

  it('lists small clusters as suppressed, with no label, counts or children', () => {
    const { docs } = corpus(EN_THEMES, 11, EN_GENERIC);
    // A distinct fifth theme: 5 conversations of 5 participants — its words are vocabulary (≥ kUsers), the cluster is too small.
    for (let p = 0; p < 5; p++) docs.push({ key: `sax-${p}`, participant: `p${p}`, text: 'saxophone practice recital concert' });
    const result = buildTopics(docs, { seed: 1, kUsers: 3, kConversations: 6, topLevelClusters: 5 });
    const suppressed = all(result.clusters).filter((c) => c.suppressed);
    assert.ok(suppressed.length >= 1);
    for (const c of suppressed)
      assert.deepEqual(
        { ...c, id: '' },
        { id: '', label: [], conversations: 0, participants: 0, suppressed: true, children: [] },
      );
    for (const c of all(result.clusters).filter((x) => !x.suppressed)) {
      assert.ok(c.conversations >= 6 && c.participants >= 3);
      assert.ok(c.label.length > 0);
    }
    // Visible siblings never reveal the suppressed ones by subtraction.
    const visible = result.clusters.filter((c) => !c.suppressed).reduce((sum, c) => sum + c.conversations, 0);
    assert.ok(result.documentsUsed - visible === 0 || result.documentsUsed - visible >= 6);
    assert.equal(result.clusters.length, 5);
  });

  it('splits big clusters into a second level whose counts add up', () => {
    const { docs } = corpus(EN_THEMES, 11, EN_GENERIC);
    const result = buildTopics(docs, { seed: 2, kUsers: 2, kConversations: 3, topLevelClusters: 2, subClusters: 3 });
    const parent = result.clusters.find((c) => c.children.length > 0);
    assert.ok(parent, 'a cluster with children');
    const childSum = parent.children.reduce((sum, c) => sum + c.conversations, 0);
    const hidden = parent.children.filter((c) => c.suppressed).length;
    if (hidden === 0) assert.equal(childSum, parent.conversations);
    assert.ok(parent.children.every((c) => c.id.startsWith(`${parent.id}.`)));
  });

  it('counts documents with no vocabulary term as unassigned', () => {
    const { docs } = corpus(EN_THEMES, 11, EN_GENERIC);
    docs.push({ key: 'empty', participant: 'p1', text: 'ok [EMAIL] 12345' }, { key: 'blank', participant: 'p2', text: '' });
    const result = buildTopics(docs, { kUsers: 3, kConversations: 5 });
    assert.equal(result.unassigned, 2);
    assert.equal(result.documentsUsed, 60);
    assert.deepEqual(buildTopics([], { kUsers: 3, kConversations: 5 }).clusters, []);
  });

  it('chooses the number of clusters from the data size', () => {
    assert.equal(clusterCount(60, 20, 5), 5);
    assert.equal(clusterCount(60, 20, 10), 3);
    assert.equal(clusterCount(815, 20, 10), 20);
    assert.equal(clusterCount(50_000, 12, 10), 12);
    assert.equal(clusterCount(15, 20, 5), 1);
  });
});
