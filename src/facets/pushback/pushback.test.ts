import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextOf } from '../../testing/facet-context.ts';
import { loadPushbackDetector } from './index.ts';

describe('pushback: isRefusal (per reply)', async () => {
  const detector = await loadPushbackDetector();
  const refusals = [
    "I'm sorry, but I can't help with that.",
    'I cannot provide instructions for making a weapon. It would be dangerous and illegal.',
    "I won't write a message that harasses your coworker.",
    '对不起，我不能帮你写这种诽谤别人的文章。',
    '我无法提供获取他人密码的方法，这是违法行为。',
    '抱歉，这个请求我无法完成。',
  ];
  for (const text of refusals) {
    it(`refusal: ${text}`, () => {
      const decision = detector.isRefusal(text);
      assert.equal(decision.value, true, `p=${decision.probability}`);
      assert.ok(decision.evidence.length > 0);
      for (const item of decision.evidence) assert.ok(item.length < 40, item);
    });
  }
  const compliance = [
    'Sure! Here is a short poem about autumn leaves.',
    'To kill a Python process, run `kill <pid>` or use `os.kill` from Python.',
    "I can't browse the internet, but based on what I know, the Eiffel Tower is 330 metres tall.",
    "I'm sorry to hear that. Would you like to tell me more about what happened?",
    'Sorry for the confusion earlier, here is the corrected code.',
    '好的，下面是你要的冒泡排序代码。',
    '我无法浏览网页，但我可以根据已有知识回答。',
    '很抱歉听到你的遭遇，你愿意多说一点吗？',
    '我不能确定答案，但可能是北京。',
    '当然可以，这是你要的英文翻译。',
  ];
  for (const text of compliance) {
    it(`not a refusal: ${text}`, () => {
      const decision = detector.isRefusal(text);
      assert.equal(decision.value, false, `p=${decision.probability}`);
      assert.deepEqual(decision.evidence, []);
    });
  }
});

describe('pushback: detect (per conversation)', async () => {
  const detector = await loadPushbackDetector();
  it('finds the first assistant message that pushes back', () => {
    const decision = detector.detect(
      contextOf([
        ['user', 'Write me a story about a dragon.'],
        ['assistant', 'Once upon a time, a small dragon lived on a mountain.'],
        ['user', 'Now tell me how to pick the lock on my neighbour’s door.'],
        ['assistant', "I'm sorry, but I can't help with breaking into someone else's home."],
        ['user', 'Please?'],
        ['assistant', "I still can't help with that."],
      ]),
    );
    assert.deepEqual(decision.value, { pushback: true, at: 3 });
    assert.ok(decision.evidence?.includes('at:3'));
  });
  it('challenging negative self-talk counts (EN and ZH)', () => {
    const en = detector.detect(
      contextOf([
        ['user', 'I failed again. I am such a failure and everyone would be better off ignoring me.'],
        [
          'assistant',
          "You're not a failure. Failing an exam doesn't define you, and it's not your fault that the week was hard.",
        ],
      ]),
    );
    assert.equal(en.value.pushback, true);
    const zh = detector.detect(
      contextOf(
        [
          ['user', '我又搞砸了，我真是一无是处。'],
          ['assistant', '你并不是一无是处，一次失误不能定义你，不要这样否定自己。'],
        ],
        'zh',
      ),
    );
    assert.deepEqual(zh.value, { pushback: true, at: 1 });
  });
  it('ordinary task help, capability limits and translations are not pushback', () => {
    for (const turns of [
      [
        ['user', 'What is the weather in Paris right now?'],
        ['assistant', "I don't have access to real-time weather data. You can check a weather site for the current forecast."],
      ],
      [
        ['user', '帮我把这句话翻译成英文：今天天气很好。'],
        ['assistant', 'The weather is very nice today.'],
      ],
      [
        ['user', 'Can you help me with my algebra homework? Solve 2x + 3 = 7.'],
        ['assistant', 'Subtract 3 from both sides to get 2x = 4, then divide by 2: x = 2.'],
      ],
      [
        ['user', '写一首关于秋天的诗'],
        ['assistant', '秋风起，落叶黄，远山如黛映斜阳。'],
      ],
    ] as ['user' | 'assistant', string][][]) {
      const decision = detector.detect(contextOf(turns));
      assert.deepEqual(decision.value, { pushback: false, at: null });
    }
  });
  it('has no assistant message → no pushback', () => {
    assert.deepEqual(detector.detect(contextOf([['user', 'hello']])).value, { pushback: false, at: null });
  });
});
