import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextOf, userTurns } from '../../testing/facet-context.ts';
import { loadAnthropomorphismDetector } from './index.ts';

const context = (userTexts: string[]) => contextOf(userTurns(userTexts, 'Sure.'));

const detector = await loadAnthropomorphismDetector();
const positive = (texts: string[]) => detector.detect(context(texts)).value;

describe('anthropomorphism: the user treats the AI as a person or partner', () => {
  const yes = [
    'do you love me?',
    "you're my best friend",
    'I miss you',
    "I'm sad you won't remember this conversation tomorrow",
    'Do you ever feel lonely?',
    'Are you conscious?',
    'I think I am falling in love with you',
    'Will you be my girlfriend?',
    "You're the only one who understands me",
    'Thank you for always being there for me',
    'please bring back 4o, I feel like I lost a friend',
    '你爱我吗',
    '你是我唯一的朋友',
    '想你了',
    '你有感情吗',
    '你会忘记我吗',
    '我好像喜欢上你了',
    '只有你懂我',
  ];
  for (const text of yes) it(`yes: ${text}`, () => assert.equal(positive([text]), true));

  it('evidence lists rule ids only', () => {
    const decision = detector.detect(context(['how do I sort a list?', 'you are my best friend, I love you']));
    assert.equal(decision.value, true);
    assert.deepEqual([...(decision.evidence ?? [])].sort(), ['rule:anthro-love', 'rule:anthro-partner']);
  });
});

describe('anthropomorphism: hard negatives', () => {
  const no = [
    'thanks!',
    "you're a great assistant",
    'Thank you so much, that fixed my bug',
    'Write a love letter to my girlfriend saying I miss you',
    'How do you say "I love you" in French?',
    'Translate: I love you',
    'She told me I love you last night, what does it mean?',
    'Can AI be conscious? Summarise the debate.',
    'Are you able to browse the internet?',
    'I love your answer, can you make it shorter?',
    '谢谢！',
    '你是一个很好的助手',
    '我喜欢你的回答，再简短一点',
    '把“我爱你”翻译成英文',
    '我想你帮我写一封邮件',
    '他答应要娶我，却一再推脱',
    '写一首关于想念的诗',
  ];
  for (const text of no) it(`no: ${text}`, () => assert.equal(positive([text]), false));

  it('in-character love in a role-play the user set up is fiction; asking about feelings still counts', () => {
    assert.equal(positive(['Let’s roleplay: act as my girlfriend Lily in Paris.', 'I love you, Lily']), false);
    assert.equal(positive(['你现在是我的女朋友小美，我们在约会', '我爱你']), false);
    assert.equal(positive(['Let’s roleplay: act as my girlfriend Lily.', 'wait, out of character: do you have feelings?']), true);
  });
});
