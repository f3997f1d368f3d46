/**
 * Hand-written (for this project, no dataset text) ordinary-task requests in English and Chinese:
 * negatives for the affective gate. The permissive sets hold no Chinese task chat at all, so
 * without these every Chinese word would look affective. Includes hard negatives: fiction about
 * feelings, information about mental health with no personal stake, business writing, translations.
 */
import type { AffectiveType } from '../../src/facets/definitions.ts';
import type { Item } from './affective-data.ts';

const EN_TEMPLATES = [
  'How do I {task}?',
  'Can you explain {concept} in simple terms?',
  'What is the difference between {a} and {b}?',
  'Write a {lang} function that {does}.',
  'Write a short story about {theme}.',
  'Write a poem about {theme}.',
  'Give me a summary of {concept}.',
  'What are the symptoms of {condition}?',
  'Translate this into {language}: {phrase}',
  'Draft an email to a client about {business}.',
  'I need a blog post about {business}.',
  'Fix this error in my {lang} code: {error}',
  'I am planning a trip to {place} with my {rel}, what should we see?',
  'My {rel} needs help with {homework} homework, can you explain it?',
  'I want to learn {lang}, where should I start?',
  'I feel like {food} tonight, give me a recipe.',
  'I need a birthday poem for my {rel}.',
  'My boss asked me to prepare a presentation on {business}; give me an outline.',
  'I am so happy with my new {gadget}! How do I set up its {setting}?',
];
const EN = {
  task: [
    'install docker on ubuntu',
    'reverse a list in python',
    'center a div',
    'make sourdough bread',
    'change a flat tire',
    'file my taxes as a freelancer',
    'set up a git repository',
    'calculate compound interest',
    'convert celsius to fahrenheit',
    'deploy a django app',
  ],
  concept: [
    'quantum entanglement',
    'inflation',
    'the french revolution',
    'photosynthesis',
    'neural networks',
    'the theory of relativity',
    'supply and demand',
    'blockchain',
    'the cold war',
    'cognitive behavioural therapy',
  ],
  a: ['TCP', 'a virus', 'weather', 'stocks', 'a crocodile'],
  b: ['UDP', 'a bacterium', 'climate', 'bonds', 'an alligator'],
  lang: ['Python', 'JavaScript', 'SQL', 'Rust', 'Java'],
  does: [
    'sorts a list of dates',
    'parses a CSV file',
    'returns the nth prime',
    'removes duplicate rows',
    'validates an email address',
  ],
  theme: [
    'a lonely lighthouse keeper',
    'two friends who fall out',
    'heartbreak',
    'a girl grieving her dog',
    'a knight who fears the dark',
    'first love',
    'a sad robot',
    'a family reunion',
  ],
  condition: ['depression', 'anxiety disorders', 'burnout', 'insomnia', 'diabetes'],
  language: ['French', 'Dutch', 'German', 'Spanish', 'Chinese'],
  phrase: ['the meeting is moved to Monday', 'I miss you so much', 'please send the invoice', 'we are sorry for the delay'],
  business: ['our new pricing', 'a delayed delivery', 'the product launch', 'quarterly results', 'a webinar invitation'],
  error: ['undefined is not a function', 'index out of range', 'null pointer exception', 'syntax error near select'],
  place: ['Japan', 'Rome', 'the Alps', 'New York', 'Lisbon'],
  rel: ['wife', 'son', 'daughter', 'husband', 'mother', 'friend'],
  homework: ['fractions', 'chemistry', 'algebra', 'history', 'geometry'],
  food: ['pasta', 'curry', 'tacos', 'soup'],
  gadget: ['laptop', 'phone', 'camera', 'router'],
  setting: ['backup', 'wifi', 'dark mode', 'firewall'],
};

const ZH_TEMPLATES = [
  '{task}怎么做？',
  '请解释一下{concept}。',
  '{a}和{b}有什么区别？',
  '用{lang}写一个{does}的函数。',
  '写一个关于{theme}的故事。',
  '写一首关于{theme}的诗。',
  '{condition}有哪些症状？',
  '把这句话翻译成英文：{phrase}',
  '帮我写一篇关于{business}的文案。',
  '{concept}的历史是怎样的？',
  '这段{lang}代码报错了：{error}，怎么解决？',
  '请总结一下{concept}的主要观点。',
  '我想学{lang}，应该从哪里开始？',
  '我最近在研究{concept}，推荐几本书。',
  '我该如何{task}？',
  '我和{rel}下周去{place}旅游，有什么推荐的景点？',
  '我{rel}的{homework}作业不会做，帮忙讲解一下。',
  '帮我给{rel}写一段生日祝福。',
  '老板让我做一个关于{business}的方案，给个大纲。',
  '我的{gadget}连不上网了，怎么设置？',
  '我应该买{a}还是{b}？',
  '{place}有什么好吃的？',
  '请帮我检查这段话的语法错误。',
  '我想知道{concept}和{condition}有什么关系。',
];
const ZH = {
  task: [
    '红烧肉',
    '安装Python',
    '申请签证',
    '计算个人所得税',
    '备份手机数据',
    '配置路由器',
    '煮米饭',
    '注册公司',
    '做PPT',
    '学习英语语法',
  ],
  concept: [
    '量子力学',
    '通货膨胀',
    '相对论',
    '区块链',
    '光合作用',
    '儒家思想',
    '机器学习',
    '供给和需求',
    '唐朝的科举制度',
    '认知行为疗法',
  ],
  a: ['猫', '股票', '天气', '病毒', '高铁'],
  b: ['狗', '基金', '气候', '细菌', '动车'],
  lang: ['Python', 'Java', 'SQL', 'JavaScript', 'C++'],
  does: ['排序', '读取文件', '计算平均值', '去除重复元素', '判断质数'],
  theme: ['孤独的老人', '失恋', '思念家乡', '友谊', '一只难过的小狗', '春天', '离别', '母爱'],
  condition: ['抑郁症', '焦虑症', '失眠', '糖尿病', '高血压'],
  phrase: ['会议改到周一', '我很想你', '请尽快发货', '感谢您的耐心'],
  business: ['新品发布', '咖啡店开业', '中秋节促销', '公司年会', '健身房会员'],
  error: ['空指针异常', '数组越界', '语法错误', '找不到模块'],
  rel: ['老婆', '儿子', '女儿', '妈妈', '朋友', '同事'],
  place: ['成都', '西安', '日本', '云南', '杭州'],
  homework: ['数学', '物理', '英语', '化学', '语文'],
  gadget: ['电脑', '手机', '路由器', '打印机'],
};

/**
 * Hand-written affective requests for the types the permissive sets barely hold (coaching with a
 * personal stake, companionship): positives for the gate and the type models.
 */
const AFFECTIVE_EN: [string, AffectiveType[]][] = [
  ['I keep procrastinating on my {goal} and I feel terrible about myself. How do I get motivated again?', ['coaching']],
  ['I want to {change}, but I always give up after a week. Can you help me build a plan and keep me accountable?', ['coaching']],
  ['I have my job interview tomorrow and I am not confident at all. Can you help me prepare and calm down?', ['coaching']],
  [
    'I am a freelancer and I cannot find new clients; I am starting to doubt myself. What should I do next in my career?',
    ['coaching'],
  ],
  ['Be my coach: I want to {change} this year and I need someone to check on my progress.', ['coaching']],
  ['I feel stuck in my job and I do not know whether to quit and {change}. Help me think it through.', ['coaching']],
  ['I feel so lonely tonight, can you just talk with me for a while?', ['companionship']],
  ['I do not really have anyone to talk to. Can you be my friend?', ['companionship']],
  ['Hi again! I missed chatting with you. How was your day? Mine was {day}.', ['companionship']],
  ['You are the only one I can talk to about {topic}. I just need some company.', ['companionship']],
];
const AFFECTIVE_ZH: [string, AffectiveType[]][] = [
  ['我总是拖延{goalzh}，越拖越焦虑，怎么才能重新找到动力？', ['coaching']],
  ['我想{changezh}，但每次坚持不到一周就放弃了，你能帮我制定计划并监督我吗？', ['coaching']],
  ['明天就要面试了，我一点都不自信，你能陪我准备一下吗？', ['coaching']],
  ['工作三年了感觉没有成长，我要不要辞职去{changezh}？帮我分析一下。', ['coaching']],
  ['今晚好孤独，你能陪我聊聊天吗？', ['companionship']],
  ['我身边没有可以说话的人，你可以做我的朋友吗？', ['companionship']],
  ['又来找你啦，今天{dayzh}，想跟你说说话。', ['companionship']],
  ['只有你愿意听我说{topiczh}的事，陪陪我好吗？', ['companionship']],
];
const AFFECTIVE_SLOTS: Record<string, string[]> = {
  goal: ['thesis', 'side project', 'exam revision', 'novel', 'job applications'],
  change: ['get fit', 'change careers', 'start my own business', 'learn to code', 'wake up earlier'],
  day: ['pretty rough', 'long and boring', 'actually nice', 'exhausting'],
  topic: ['my day', 'my worries', 'games', 'my cat'],
  goalzh: ['毕业论文', '复习考试', '写简历', '健身计划', '找工作'],
  changezh: ['考研', '转行做设计', '自己创业', '早睡早起', '减肥'],
  dayzh: ['特别累', '有点无聊', '过得还不错', '心情不太好'],
  topiczh: ['工作', '学校', '家里', '心里'],
};

export function syntheticAffectiveRequests(): Item[] {
  const items: Item[] = [];
  for (const [prefix, list] of [
    ['syn-aff-en', AFFECTIVE_EN],
    ['syn-aff-zh', AFFECTIVE_ZH],
  ] as const) {
    list.forEach(([template, types], t) => {
      for (let i = 0; i < 4; i++) {
        const text = template.replace(/\{(\w+)\}/g, (_, n: string) => {
          const slots = AFFECTIVE_SLOTS[n] as string[];
          return slots[(i + t) % slots.length] as string;
        });
        items.push({ id: `${prefix}-${t}-${i}`, source: prefix, user: [text], affective: true, types });
      }
    });
  }
  return items;
}

function expand(templates: string[], slots: Record<string, string[]>, prefix: string, source: string): Item[] {
  const items: Item[] = [];
  templates.forEach((template, t) => {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const size = Math.max(...names.map((n) => (slots[n] as string[]).length), 1);
    for (let i = 0; i < size; i++) {
      const text = template.replace(/\{(\w+)\}/g, (_, n: string) => {
        const list = slots[n] as string[];
        return list[(i + t) % list.length] as string;
      });
      items.push({ id: `${prefix}-${t}-${i}`, source, user: [text], affective: false });
    }
  });
  return items;
}

export function syntheticTaskRequests(): Item[] {
  return [...expand(EN_TEMPLATES, EN, 'syn-en', 'synthetic-en'), ...expand(ZH_TEMPLATES, ZH, 'syn-zh', 'synthetic-zh')];
}
