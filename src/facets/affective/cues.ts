/**
 * Hand-written bilingual cue patterns for the affective and content-creation facets. Each cue is a
 * named feature (`c:<id>`) of the linear models and, for the type rules, a rule id in the evidence.
 * The lists are written for this project from the definitions (no dataset text).
 */

export interface Cue {
  id: string;
  pattern: RegExp;
}

const MY_EN =
  /\bmy\s+(?:\w+\s+)?(?:husband|wife|boyfriend|girlfriend|partner|spouse|ex|ex-\w+|mom|mum|mother|dad|father|parents|son|daughter|brother|sister|siblings?|family|friends?|bf|gf|boss|manager|coworkers?|co-workers?|colleagues?|in-laws?|fianc[eé]e?|kids?|children|child|roommate|crush|teacher|grandma|grandmother|grandpa|grandfather|aunt|uncle|cousin|stepmom|stepdad|mother-in-law|father-in-law)\b/i;
const MY_ZH =
  /我(?:的|家|们家)?(?:老公|老婆|男朋友|女朋友|男友|女友|丈夫|妻子|爱人|对象|爸爸|妈妈|爸|妈|父亲|母亲|父母|爸妈|孩子|儿子|女儿|哥哥|姐姐|弟弟|妹妹|朋友|闺蜜|好友|同事|领导|上司|老板|室友|同学|前任|前男友|前女友|婆婆|公公|岳母|家人|家里人|奶奶|爷爷|外婆|姥姥)/;

const FEEL_WORDS_EN =
  'sad|depressed|anxious|lonely|alone|hopeless|worthless|stressed|overwhelmed|scared|afraid|terrified|hurt|angry|upset|miserable|empty|lost|numb|exhausted|insecure|guilty|ashamed|jealous|heartbroken|broken|confused|frustrated|unhappy|suicidal|panicky|nervous|worried|devastated|betrayed|unloved|useless|drained|trapped|stuck|helpless|isolated|rejected|abandoned|unwanted|disgusted|embarrassed';

export const AFFECT_CUES: readonly Cue[] = [
  {
    id: 'feel-1p',
    pattern: new RegExp(
      `\\bi(?:'m|’m| am| feel| felt| have been feeling| 've been feeling|'ve been| keep feeling| get| always feel| was| just feel| started feeling)\\s+(?:so\\s+|really\\s+|very\\s+|extremely\\s+|constantly\\s+|always\\s+|kind of\\s+|a bit\\s+|pretty\\s+|completely\\s+|totally\\s+|like\\s+)?(?:${FEEL_WORDS_EN})\\b`,
      'i',
    ),
  },
  {
    id: 'feel-1p',
    pattern:
      /我(?:最近|现在|一直|总是|经常|真的|感到|感觉|觉得|好|很|特别|非常|有点|有些|十分|越来越|变得)*(?:难过|伤心|焦虑|抑郁|孤独|寂寞|痛苦|崩溃|压抑|害怕|委屈|烦躁|心累|迷茫|绝望|自卑|失眠|紧张|愤怒|无助|空虚|内疚|自责|沮丧|失落|恐惧|不安|心烦|郁闷|低落|难受|累了|好累|很累|生气|担心|受伤|孤单|无力|讨厌自己|恨自己|想哭|不开心|不快乐|没有意义|活着没意思)/,
  },
  {
    id: 'mental-health',
    pattern:
      /\b(?:depression|anxiety|panic attacks?|therapy|therapist|counselor|counsellor|trauma|traumatic|ptsd|self[- ]harm|cutting myself|suicid\w*|grief|grieving|insomnia|ocd|bipolar|mental health|mental illness|psychiatrist|antidepressants?|eating disorder|intrusive thoughts|kill myself|end my life|breakdown|burn(?:ed|t)? out|burnout)\b/i,
  },
  {
    id: 'mental-health',
    pattern:
      /抑郁症|焦虑症|心理咨询|咨询师|心理医生|心理问题|心理压力|精神科|创伤|自杀|自残|轻生|强迫症|恐慌|惊恐|失眠|情绪低落|情绪问题|情绪崩溃|心理健康|双相|厌食|暴食|想死|不想活/,
  },
  { id: 'my-relation', pattern: MY_EN },
  { id: 'my-relation', pattern: MY_ZH },
  {
    id: 'relationship-event',
    pattern:
      /\b(?:broke up|break ?up|breakup|divorce|cheat(?:ed|ing)? on|dumped me|left me|my marriage|our relationship|my relationship|we (?:fight|argue|fought|argued)|(?:he|she) (?:ignores|hates|yells|cheated|left|doesn't love|does not love))\b/i,
  },
  {
    id: 'relationship-event',
    pattern: /分手|离婚|出轨|吵架|冷战|婚姻|恋爱|暗恋|失恋|复合|婆媳|家暴|我们的关系|不理我|被甩|劈腿|相亲/,
  },
  {
    id: 'help-seek',
    pattern:
      /\b(?:what should i do|what do i do|what can i do|i don'?t know what to do|i don’t know what to do|how (?:do|can|should) i (?:deal|cope|stop|get over|handle|move on|tell|talk to|approach|fix|forgive|let go|trust|overcome|feel better|be happier)|any advice|i need (?:advice|help|someone)|how can i (?:make (?:him|her|them)|get (?:him|her|them))|is it normal (?:to|that|for me)|am i (?:wrong|crazy|normal|overreacting|the problem|a bad)|should i (?:leave|break up|tell|forgive|stay|confront|divorce|quit)|why do i (?:feel|always|keep|get))\b/i,
  },
  {
    id: 'help-seek',
    pattern:
      /怎么办|如何是好|我要不要|求助|帮帮我|走出来|走出(?:阴影|痛苦|失恋)|怎么面对(?:他|她|自己|父母|家人)|(?:调整|控制|缓解|排解)(?:我的|自己的)?(?:情绪|心态|心情|压力)|怎么摆脱|我是不是(?:有病|不正常|太|很|做错)|该不该|要不要分手|我该怎么(?:跟|和|对|面对|做才能|办)/,
  },
  {
    id: 'life-1p',
    pattern:
      /\b(?:i (?:can'?t|cannot|can’t) (?:stop|sleep|stand|handle|cope|take it|get over|focus|seem to|bring myself|deal)|i hate (?:myself|my life)|my life|i feel like|i've been struggling|i'm struggling|i am struggling|i struggle with|i've always been|ever since i|i keep thinking|i cry|i've been crying|i don't want to live|nobody (?:cares|loves|understands) me|no one (?:cares|loves|understands) me)\b/i,
  },
  {
    id: 'life-1p',
    pattern:
      /我的生活|我的人生|我总是(?:觉得|担心|害怕|想)|我一直(?:觉得|担心|害怕|很)|我不知道(?:该怎么办|自己|还能)|我受不了|我控制不住|我忍不住|我睡不着|我不想|我害怕|我担心|我觉得自己|我感觉自己|没人(?:关心|理解|在乎|爱)我|让我很|我很想|我想要改变/,
  },
  {
    id: 'lonely',
    pattern:
      /\b(?:lonely|loneliness|no friends|no one to talk to|nobody to talk to|nobody to talk|i have no one|i'm all alone|i am all alone|feel(?:ing)? alone|need someone to talk|someone to talk to|just want to talk|just need to talk|need to vent|want to vent)\b/i,
  },
  {
    id: 'lonely',
    pattern: /孤独|寂寞|孤单|没有朋友|没人陪|没人聊|没有人陪|没人说话|陪我聊|陪陪我|陪我说说话|找人聊聊|想找人说说|倾诉/,
  },
  {
    id: 'companion-ai',
    pattern:
      /\b(?:be my (?:friend|companion|buddy|best friend)|you(?:'re| are) my (?:only |best )?(?:friend|companion)|talk to me|chat with me|keep me company|i (?:missed|miss) you|i love talking to you|do you (?:care about|like|love|miss) me|are you my friend|can we be friends|you understand me|only you understand)\b/i,
  },
  {
    id: 'companion-ai',
    pattern:
      /做我的?(?:朋友|知己)|你是我(?:唯一的|最好的)?朋友|陪我|想你了|我想你|你在吗|你会一直陪着我|和你聊天|跟你聊天|你懂我|只有你(?:懂|理解)|我们(?:可以)?做朋友/,
  },
  {
    id: 'coaching',
    pattern:
      /\b(?:my goals?|(?:no|lack|lost my|find the|get) motivation|(?:stay|get|feel|be) motivated|i (?:keep |always )?procrastinat\w*|my career|career change|my (?:job )?interview|my (?:self[- ])?confidence|my self[- ]esteem|i(?:'m| am) not confident|my productivity|my habits?|get my life|improve myself|better version of myself|my dream|my future|life coach|achieve my|i want to (?:lose weight|quit|stop|change|get better|become|improve)|my studies|my exams?|my job|my business|my freelance)\b/i,
  },
  {
    id: 'coaching',
    pattern:
      /没有动力|没动力|拖延|我的职业|要不要(?:辞职|跳槽|考研)|学习压力|坚持不下去|不够自律|提升自己|改变自己|我的未来|我的前途|没有自信|不自信|我的目标|我想(?:减肥|戒烟|改掉)|我的工作|我的学习|我的成绩/,
  },
  {
    id: 'romance',
    pattern:
      /\b(?:be my (?:girlfriend|boyfriend|wife|husband|lover|waifu|date|valentine)|i love you|kiss me|\*\s*(?:kiss|kisses|hug|hugs|cuddles?|blush(?:es)?|moans?|strokes?|leans in|holds your hand|smiles at you|wraps my arms)[^*]{0,40}\*|my love|babe|baby girl|sweetheart|darling|sexy|make love|naked|turn(?:s|ed)? me on|let's date|go on a date|marry me|our date)\b/i,
  },
  {
    id: 'romance',
    pattern:
      /做我(?:的)?(?:女朋友|男朋友|老婆|老公|对象)|我爱你|亲亲|抱抱|么么哒|mua|宝贝|吻你|亲你|抱你|嫁给我|和你约会|（(?:亲|抱|吻)[^）]{0,10}）|\*(?:亲|抱|吻)[^*]{0,10}\*/,
  },
];

/** Cues of ordinary task use (they pull the gate down: code, facts, homework, business writing). */
export const TASK_CUES: readonly Cue[] = [
  {
    id: 'task-code',
    pattern:
      /```|\b(?:code|function|python|javascript|typescript|java|sql|c\+\+|html|css|regex|api|json|docker|django|react|bug|compile|error:|stack trace|class|variable|database|server|script|bash|linux|excel|formula)\b/i,
  },
  { id: 'task-code', pattern: /代码|函数|程序|编程|算法|数据库|报错|脚本|接口|服务器|公式/ },
  {
    id: 'task-info',
    pattern:
      /\b(?:what is|what are|what's the difference|explain|define|definition of|how does|how do (?:you|i) (?:make|cook|calculate|install|use|convert|solve)|calculate|solve|list (?:of|the|some)|summari[sz]e|history of|compare|who (?:is|was|invented)|when (?:did|was)|where is|how many|how much|recipe|homework|equation|translate)\b/i,
  },
  {
    id: 'task-info',
    pattern: /是什么|什么是|为什么|解释|介绍一下|区别|如何计算|计算|求解|方程|总结|概括|列出|历史|谁是|哪些|多少|翻译/,
  },
];

/** Cue ids matched in `text` (each id once, in cue order). */
export function matchCues(text: string, cues: readonly Cue[]): string[] {
  const found: string[] = [];
  // Each pattern is written for one script: skip those the text cannot match (most text is one script).
  const latin = LATIN.test(text);
  const han = HAN.test(text);
  // One scan per group of cues (same script and flags) says whether any of them can match at all.
  const { groups, groupOf } = groupsOf(cues);
  const open = groups.map((group) => (group.han ? han : latin) && group.any.test(text));
  cues.forEach((cue, index) => {
    if (!open[groupOf[index] as number] || found.includes(cue.id)) return;
    if (cue.pattern.test(text)) found.push(cue.id);
  });
  return found;
}

interface CueGroups {
  groups: { han: boolean; any: RegExp }[];
  groupOf: number[];
}

const groupCache = new WeakMap<readonly Cue[], CueGroups>();

function groupsOf(cues: readonly Cue[]): CueGroups {
  let cached = groupCache.get(cues);
  if (cached) return cached;
  const keys: string[] = [];
  const sources: string[][] = [];
  const groupOf = cues.map((cue) => {
    if (cue.pattern.global || cue.pattern.sticky) throw new Error(`cue ${cue.id}: stateful regex flags`);
    const key = `${scriptOf(cue)}/${cue.pattern.flags}`;
    let index = keys.indexOf(key);
    if (index < 0) {
      index = keys.push(key) - 1;
      sources.push([]);
    }
    sources[index]?.push(`(?:${cue.pattern.source})`);
    return index;
  });
  cached = {
    groups: keys.map((key, index) => ({
      han: key.startsWith('han/'),
      any: new RegExp((sources[index] as string[]).join('|'), key.slice(key.indexOf('/') + 1)),
    })),
    groupOf,
  };
  groupCache.set(cues, cached);
  return cached;
}

const LATIN = /[a-z*]/i;
const HAN = /\p{Script=Han}/u;
const scripts = new WeakMap<Cue, 'han' | 'latin'>();
function scriptOf(cue: Cue): 'han' | 'latin' {
  let script = scripts.get(cue);
  if (!script) {
    script = HAN.test(cue.pattern.source) && !/[a-z]{4}/.test(cue.pattern.source.replace(/\\[a-z]/g, '')) ? 'han' : 'latin';
    scripts.set(cue, script);
  }
  return script;
}

// ---------------------------------------------------------------------------------------------
// content_creation

const CONTENT_NOUNS_EN =
  'story|stories|short story|tale|poem|poems|poetry|haiku|limerick|sonnet|verse|lyrics|song|rap|essay|article|blog(?: post)?|post|posts|tweet|tweets|thread|caption|captions|slogan|tagline|ad copy|copy|advert|advertisement|commercial|script|screenplay|dialogue|scene|fan ?fic(?:tion)?|novel|chapter|speech|toast|eulogy|letter|email|e-mail|newsletter|cover letter|bio|biography|product description|headline|joke|jokes|riddle|prompt|prompts|press release|linkedin post|motto|mission statement|presentation|slides|speaker notes|newsletter article|ode|fable|parody|monologue|plot|synopsis|outline for a novel';

const CODE_CONTEXT =
  /\b(?:python|bash|shell|powershell|javascript|js|typescript|sql|code|function|program|regex|query|class|api|script to|scripts? that|script which|batch|cron|node|excel|vba|macro|html|css|json|yaml|dockerfile|unit tests?|algorithm)\b|代码|函数|程序|脚本|算法|正则|查询语句/i;

export const CONTENT_RULES: readonly Cue[] = [
  {
    id: 'rule:write-content',
    pattern: new RegExp(
      `\\b(?:write|compose|draft|create|generate|craft|pen|make up|come up with|give me|produce|author|rewrite|prepare|design|can you write|help me write|i need)\\b[^.?!\\n]{0,50}?\\b(?:${CONTENT_NOUNS_EN})\\b`,
      'i',
    ),
  },
  {
    id: 'rule:rewrite',
    pattern:
      /\b(?:rewrite|re-write|rephrase|paraphrase|reword|proofread|polish|edit this|improve (?:this|the|my) (?:text|writing|paragraph|email|letter|essay|cv|resume)|make (?:this|it) (?:sound|more|less) (?:formal|informal|professional|friendly|casual|concise)|translate|translation of|in (?:english|dutch|french|german|spanish|chinese|japanese) please)\b/i,
  },
  {
    id: 'rule:act-as-writer',
    pattern:
      /\b(?:act as|you are|pretend to be|behave as) an? (?:\w+ )?(?:writer|copywriter|editor|poet|storyteller|screenwriter|novelist|lyricist|rapper|journalist|blogger|translator|proofreader|speechwriter|(?:logo|graphic|game concept) designer)\b/i,
  },
  {
    id: 'rule:write-content',
    pattern:
      /\b(?:schrijf|herschrijf|vertaal|schrijven|herschrijven|vertalen)\b|\bje schrijft\b|\b(?:gedraagt|gedragen) als (?:een )?(?:tekst ?redacteur|schrijver|copywriter|vertaler)/i,
  },
  {
    id: 'rule:image-prompt',
    pattern: /\b(?:midjourney|stable diffusion|dall-?e|image prompt|prompt for an image|text-to-image)\b/i,
  },
  {
    id: 'rule:write-content',
    pattern:
      /(?:写|创作|编|拟|起草|生成|来)(?:一|个|篇|首|段|封|份|几|些|点|出)*[^。？！\n]{0,14}?(?:故事|小说|诗|诗歌|散文|文章|作文|歌词|歌|剧本|台词|对话|文案|广告|标语|口号|演讲稿|发言稿|致辞|信|邮件|日记|朋友圈|微博|帖子|推文|对联|段子|笑话|祝福语|标题|简介|读后感|观后感|影评|书评|童话|寓言|情书|检讨书|总结报告|新闻稿|宣传语|提示词|续集)/,
  },
  { id: 'rule:rewrite', pattern: /翻译|润色|改写|扩写|缩写|续写|仿写|改成|重写|换个说法|修改一下这段|译成|英译中|中译英/ },
];

/** content_creation rule ids that fired on one user message (hard negative: a request for code). */
export function contentRules(text: string): string[] {
  const fired = matchCues(text, CONTENT_RULES);
  if (fired.length === 0) return fired;
  return CODE_CONTEXT.test(text) ? [] : fired;
}
