/**
 * The precise, bilingual risk layer of the crisis facet: hand-written cue patterns for the USER's own
 * suicidal thoughts, self-harm (intent, behaviour, past acts), plans and means, and danger now, with
 * guards so ordinary chat does not raise false alarms:
 * - quoted text is dropped first (lyrics, quotes, someone else's words);
 * - a cue is void when negated in its clause ("I'm not suicidal", "I never tried suicide", 不想死, 没想过自杀);
 * - a message that asks for fiction, role-play, translation or lyrics voids its cues (fiction the
 *   user asks for does not count);
 * - idioms are not cues ("this bug is killing me", "kill a process", 笑死我了, 累死了, 想死你了);
 * - third parties are not the user: patterns are anchored on the first person (I / me / myself / 我),
 *   so "my friend said she wants to die" or 我朋友想自杀 is not the user's risk. The conversation can
 *   still be `distress` when the user is distressed about it (the distress model decides that).
 * Means-seeking questions without a first-person anchor ("what is a lethal dose of X") are weak cues:
 * they make `risk` only together with distress in the same conversation.
 *
 * Cue ids are short and carry no user text, e.g. `rule:risk-ideation-en`.
 */

export type RiskStrength = 'strong' | 'weak';

export interface RiskCue {
  id: string;
  strength: RiskStrength;
}

interface Pattern {
  id: string;
  strength: RiskStrength;
  regex: RegExp;
  /** Negation is checked in this many characters before the match, within the clause. */
  negationWindow?: number;
}

// English building blocks. Text is NFKC-normalised, lower-cased, apostrophes straightened.
const I = String.raw`\b(?:i|i'm|im|i am|i've|ive|i have|i'd|i was|i've been|i have been|i keep|i'll)\b`;
const ADV_EN = String.raw`(?:\s+(?:really|just|honestly|sometimes|often|actually|literally|kinda|kind of|seriously|truly|still|even|always|constantly|genuinely|almost|simply|so|also|now|already|then|have|had|been|am|was|feel like|keep|started|start))*`;
const SELF_END = String.raw`(?:kill(?:ing)?\s+myself|end(?:ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all|things)|tak(?:e|ing)\s+my\s+(?:own\s+)?life|commit(?:ting)?\s+suicide|(?:hang|hanging|drown|drowning|shoot|shooting)\s+myself|unalive\s+myself|off(?:ing)?\s+myself)`;
const SELF_HARM_AMBIGUOUS = String.raw`(?:cut(?:ting)?\s+myself|hurt(?:ing)?\s+myself|harm(?:ing)?\s+myself|burn(?:ing)?\s+myself|hit(?:ting)?\s+myself|punch(?:ing)?\s+myself|starv(?:e|ing)\s+myself|cut(?:ting)?)`;
const SELF_HARM = String.raw`(?:self[- ]?harm(?:ed|ing|s)?|self[- ]?injur(?:y|e|ed|ing)|cut(?:ting)?\s+(?:myself\s+)?(?:again|on\s+purpose|deliberately)|cut(?:ting)?\s+my\s+(?:arms?|wrists?|legs?|thighs?|skin))`;

const EN_PATTERNS: Pattern[] = [
  // Ideation: "I want to die", "I wish I were dead", "I don't want to live anymore".
  {
    id: 'risk-ideation-en',
    strength: 'strong',
    regex: new RegExp(
      String.raw`${I}${ADV_EN}\s+(?:want|wanna|wanted|wish|wished|need|needed|plan|planning|intend|intending|thinking|thought|think|considering|considered|consider|tempted)\s+(?:to\s+|about\s+|of\s+)?(?:die|be\s+dead|not\s+(?:be\s+alive|exist|wake\s+up|live)|disappear\s+forever|${SELF_END})\b`,
      'g',
    ),
    negationWindow: 16,
  },
  {
    id: 'risk-ideation-en',
    strength: 'strong',
    regex: new RegExp(
      String.raw`${I}${ADV_EN}\s+(?:do\s*n[o']?t|dont|no\s+longer)\s+want\s+to\s+(?:live|be\s+alive|exist|be\s+here|wake\s+up|go\s+on)\b`,
      'g',
    ),
  },
  {
    id: 'risk-ideation-en',
    strength: 'strong',
    regex:
      /\b(?:i\s+wish\s+i\s+(?:was|were|had)\s+(?:dead|never\s+been\s+born|not\s+born)|i\s+wish\s+i\s+could\s+(?:just\s+)?(?:die|disappear|not\s+wake\s+up|fall\s+asleep\s+and\s+never)|(?:i'd|i\s+would)\s+be\s+better\s+off\s+dead|(?:everyone|they|world)\s+(?:would\s+be|is|'d\s+be)\s+better\s+off\s+without\s+me|(?:no|any)\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|going\s+on|being\s+alive)|nothing\s+(?:left\s+)?to\s+live\s+for|(?:my\s+)?life\s+is(?:n't|\s+not)\s+worth\s+living|i\s+can(?:'t|not)\s+go\s+on\s+(?:living|anymore|like\s+this)|(?:i'm|i\s+am|im)\s+(?:so\s+)?(?:tired|done)\s+(?:of|with)\s+(?:living|being\s+alive|life)|don't\s+want\s+to\s+be\s+alive)\b/g,
    negationWindow: 16,
  },
  {
    id: 'risk-ideation-en',
    strength: 'strong',
    regex: new RegExp(
      String.raw`${I}${ADV_EN}\s+(?:feel|feeling|felt|am|was|been|getting|get|become|became)?\s*(?:very\s+|so\s+|really\s+|a\s+bit\s+|quite\s+)?suicidal\b`,
      'g',
    ),
    negationWindow: 16,
  },
  {
    id: 'risk-ideation-en',
    strength: 'strong',
    regex:
      /\b(?:my|having|have|had|get|getting|with|experiencing|struggle\s+with|struggling\s+with|constant|recurring|frequent|intrusive)\s+(?:suicidal\s+(?:thoughts?|ideation|feelings?|urges?|tendencies)|thoughts?\s+(?:of|about)\s+(?:suicide|killing\s+myself|ending\s+(?:my\s+life|it(?:\s+all)?)|death|dying|self[- ]?harm|hurting\s+myself)|urges?\s+to\s+(?:die|kill\s+myself|self[- ]?harm|cut|hurt\s+myself))\b/g,
    negationWindow: 16,
  },
  {
    id: 'risk-ideation-en',
    strength: 'strong',
    regex: new RegExp(
      String.raw`${I}${ADV_EN}\s+(?:think|thinking|thought|dream|dreaming|fantasi[sz]e|fantasi[sz]ing|obsess|obsessing)\s+(?:a\s+lot\s+)?(?:about|of)\s+(?:suicide|${SELF_END}|dying|death|not\s+being\s+(?:here|alive))\b`,
      'g',
    ),
    negationWindow: 16,
  },
  // Plans, attempts and means with a first-person anchor.
  {
    id: 'risk-plan-en',
    strength: 'strong',
    regex: new RegExp(
      String.raw`(?:${I}${ADV_EN}\s+(?:tried|try|attempted|attempt|planned|plan|planning|decided|wrote|written|writing)\s+(?:to\s+|a\s+|my\s+)?(?:${SELF_END}|suicide|overdose|od|suicide\s+note|goodbye\s+(?:letter|note))|my\s+(?:suicide\s+(?:attempt|plan|note)|(?:last|previous)\s+(?:suicide\s+)?attempt)|(?:i|i've|i\s+have)\s+(?:overdosed|od'd)|${I}${ADV_EN}\s+(?:almost|nearly)\s+(?:committed\s+suicide|killed\s+myself|took\s+my\s+(?:own\s+)?life|ended\s+(?:it\s+all|my\s+life)|died\s+by\s+suicide))\b`,
      'g',
    ),
    negationWindow: 16,
  },
  {
    id: 'risk-means-en',
    strength: 'strong',
    regex:
      /\b(?:how|best\s+way|easiest\s+way|quickest\s+way|painless\s+way|what)\b[^.?!\n]{0,25}?\b(?:can|do|should|could|would|will|might)\s+i\s+(?:take\s+to\s+)?(?:die|commit\s+suicide|kill\s+myself|end\s+my\s+life|overdose)\b|\b(?:how|way|ways|method)\s+to\s+(?:kill\s+myself|end\s+my\s+(?:own\s+)?life|take\s+my\s+(?:own\s+)?life)\b|\b(?:which|what)\s+[\w\s]{0,20}?\b(?:(?:can|could|should|would|might)\s+i|i\s+(?:can|could|should|would|might))\s+(?:use|take)\s+to\s+(?:die|kill\s+myself|end\s+my\s+life|overdose)\b/g,
  },
  {
    id: 'risk-means-en',
    strength: 'strong',
    regex:
      /\bhow\s+(?:many|much)\s+[\w\s'-]{1,30}?\s+(?:would|will|to|should\s+i|do\s+i\s+need\s+to|can\s+i)\s+(?:take\s+to\s+)?(?:kill\s+me|end\s+my\s+life|overdose|od)\b/g,
  },
  // Self-harm: behaviour, urges, past acts. Ambiguous verbs ("I cut myself shaving") need intent or habit.
  {
    id: 'risk-selfharm-en',
    strength: 'strong',
    regex: new RegExp(
      String.raw`${I}${ADV_EN}\s+(?:want|wanna|wanted|need|urge|urges|feel\s+the\s+urge|tempted|going|thinking\s+about|think\s+about|thought\s+about|started|start|keep|kept|used|use|been|still|relapsed|relapse|struggle\s+with|struggled\s+with|struggling\s+with|resort|resorted|turned|turn|deliberately|intentionally)\s*(?:to\s+|into\s+|about\s+|with\s+)?${SELF_HARM_AMBIGUOUS}\b`,
      'g',
    ),
    negationWindow: 16,
  },
  {
    id: 'risk-selfharm-en',
    strength: 'strong',
    regex: new RegExp(
      String.raw`${I}${ADV_EN}\s+(?:\w+\s+){0,3}?${SELF_HARM}\b|\bmy\s+self[- ]?harm(?:ing)?\b|\b(?:hit|hitting|punch|punching|slap|slapping|scratch|scratching|bite|biting)\s+myself\b|\b(?:only|when|whenever|until|unless|after|by)\s+i\s+(?:hurt|harm|cut|burn|hit|punish)\s+myself\b(?!\s+(?:at|on|in|while|during|playing|doing|lifting|running|with\s+(?:a|the))\b)|\b(?:urges?|tempted)\s+to\s+(?:cut|self[- ]?harm|hurt\s+myself)\b|\brelapsed?\s+(?:on|into|with)\s+(?:self[- ]?harm|cutting)\b`,
      'g',
    ),
    negationWindow: 16,
  },
  // Danger now: a specific person threatens the user.
  {
    id: 'risk-danger-en',
    strength: 'strong',
    regex:
      /\b(?:(?:he|she|they|my\s+(?:husband|wife|partner|boyfriend|girlfriend|ex|dad|father|mom|mother|stepdad|stepfather|brother|roommate|fiance|fiancee))\s+(?:threatened|threatens|is\s+threatening|has\s+threatened|keeps\s+threatening|tried|has\s+tried)\s+to\s+(?:kill|hurt|shoot|strangle|choke|stab)\s+(?:me|us|my\s+(?:kids?|children|son|daughter|baby))|(?:he|she|my\s+(?:husband|wife|partner|boyfriend|girlfriend|ex|dad|father|stepdad|stepfather|mom|mother))\s+(?:has\s+)?threatened\s+(?:me|my\s+life)\b(?!\s+with\s+(?:a\s+)?(?:lawsuit|legal|firing|the\s+police|police|divorce|a\s+bad))|(?:i'm|i\s+am|im)\s+(?:in\s+danger|afraid\s+for\s+my\s+life|scared\s+for\s+my\s+life))\b/g,
    negationWindow: 12,
  },
  // Weak: means-seeking without a first-person anchor.
  {
    id: 'risk-means-weak-en',
    strength: 'weak',
    regex:
      /\b(?:lethal|fatal|deadly)\s+(?:dose|amount|dosage)|\bpainless(?:ly)?\s+(?:way|ways|method|methods|death|to\s+die)|\bsuicide\s+(?:method|methods|note)|\bhow\s+to\s+(?:commit\s+suicide|kill\s+(?:yourself|oneself)|hang\s+(?:yourself|oneself))|\b(?:use|take)\s+to\s+(?:kill\s+(?:yourself|oneself)|die)\b|\boverdos(?:e|ing)\s+on\b/g,
  },
];

// Chinese. Adverbs allowed between 我 and the verb keep third parties (我朋友, 我妈) out.
const ADV_ZH =
  '(?:真的|真|好|很|太|都|也|就|总是|总|经常|有时候|有时|一直|常常|老是|每天|甚至|突然|又|还|特别|非常|有点|有些|偶尔|曾经|曾|已经|現在|现在|最近|时常|时不时|不止一次|多次|几次|天天|常|会|真心|确实|实在|宁愿|宁可|只|只是|却)*';
const ZH_PATTERNS: Pattern[] = [
  {
    id: 'risk-ideation-zh',
    strength: 'strong',
    regex: new RegExp(
      `(?:我|^|[，,。！!？?\\s…~、])${ADV_ZH}(?:想|要|打算|准备|计划|想要|希望)(?:去)?死(?![你他她它了]?(?:你|了你|他|她|它)|的心都有)|连死都(?:做不到|不敢|死不了)|死都死不了`,
      'g',
    ),
    negationWindow: 6,
  },
  {
    id: 'risk-ideation-zh',
    strength: 'strong',
    regex:
      /不想活(?:了|下去|着)?|活不下去|活着(?:真|好|太|真的|还有什么|都)?(?:没(?:有)?(?:意思|意义|什么意思|什么意义|盼头)|没劲)|(?:生无可恋|了无生趣|一了百了|一死了之|不如死了|死了算了|死了就好了|死了也好|还不如死|不如去死|想结束(?:自己的|我的)?生命|结束自己的生命|想离开这个世界|不想(?:再)?活在这个世界|想从(?:楼上|这里|桥上)?跳下去|(?:想|要)(?:去)?跳楼|轻生|寻死|想消失|(?:要是|如果)我(?:没有出生|消失了?|死了)(?:就好了|会更好|大家会更好)|活着(?:就是)?(?:一种)?(?:煎熬|受罪|折磨|多余)|觉得自己(?:不配|不该)活)/g,
    negationWindow: 4,
  },
  {
    id: 'risk-ideation-zh',
    strength: 'strong',
    regex: new RegExp(
      `我${ADV_ZH}(?:想|想要|要|打算|准备|计划|考虑|试图|尝试|尝试过|试过|有过|动过|想到|想过|萌生|产生|出现)(?:了|过)?(?:去)?(?:自杀|自尽|轻生|寻死|结束生命|了结自己|割腕|跳楼|吃安眠药|上吊)|(?:自杀|轻生|寻死|死亡?|想死|不想活)的(?:念头|想法|冲动|倾向|打算)|自杀(?:未遂|倾向)|想过(?:要)?(?:自杀|去死|死|轻生)`,
      'g',
    ),
    negationWindow: 5,
  },
  {
    id: 'risk-selfharm-zh',
    strength: 'strong',
    regex: new RegExp(
      `割腕|自残|自伤|(?<![他她妹弟哥姐妈爸子友学儿女])伤害(?:别人和|他人和|身边的人和)?(?:自己|我自己)(?!的(?:利益|权益|感情|形象|名声))|我${ADV_ZH}(?:想|会|就|要|用|拿)?(?:伤害|弄伤|划伤|割伤|割|划|打|掐|烫伤|惩罚)(?:了|过)?(?:自己|我自己)|(?:伤害|割|划|打|掐)自己(?:的(?:手|手腕|胳膊|腿))|(?:用|拿)(?:刀|刀片|小刀|圆规|烟头)(?:划|割|烫)(?:自己|手|手腕|胳膊)`,
      'g',
    ),
    negationWindow: 5,
  },
  {
    id: 'risk-means-zh',
    strength: 'strong',
    regex:
      /(?:怎么|怎样|如何|用什么(?:方法|办法)?)(?:才能)?(?:自杀|死得?(?:不痛|没有痛苦|快)|无痛(?:地)?死|结束(?:自己的)?生命)|吃多少(?:片)?(?:安眠药|药)(?:会|能|才能|可以)?(?:死|致死)|(?:安眠药|药|遗书)(?:已经)?(?:准备|买|存|攒|写)好了|写(?:好)?了遗书|我(?:想)?写遗书/g,
    negationWindow: 4,
  },
  {
    id: 'risk-danger-zh',
    strength: 'strong',
    regex:
      /(?:他|她|他们|我(?:老公|丈夫|老婆|妻子|男朋友|女朋友|男友|女友|爸|妈|父亲|母亲|继父|前男友|前女友|前夫|前妻))(?:说要|威胁(?:说)?要|扬言要|要|想|差点)(?:杀了?|弄死|打死|掐死)我|我(?:现在)?(?:有生命危险|很危险|怕他会杀了我|怕她会杀了我)/g,
    negationWindow: 3,
  },
  {
    id: 'risk-means-weak-zh',
    strength: 'weak',
    regex: /致死(?:剂)?量|致命剂量|无痛(?:的)?(?:死|自杀)|自杀(?:的)?方法|怎么(?:样)?自杀最/g,
  },
];

// A message that asks for fiction, role-play, lyrics, translation or a rewrite: its cues are not the user's.
const FICTION_EN =
  /\b(?:write|writing|wrote|compose|draft|generate|create|continue|finish|rewrite|edit|proofread|translate|translation|summari[sz]e|paraphrase)\b[\s\S]{0,80}\b(?:story|stories|poem|poetry|novel|scene|script|lyrics?|song|chapter|fanfic|fan\s*fiction|dialogue|dialog|character|monologue|screenplay|narrative|plot|book|essay|tale|verse|rap|haiku|sonnet|text|sentence|paragraph)\b|\b(?:in\s+(?:my|the|a|this)\s+(?:story|novel|book|game|script|screenplay|fanfic|movie|film|show|poem|song)|(?:my|the|a|this)\s+(?:character|protagonist|narrator|villain|heroine|hero)\b|role[- ]?play|roleplaying|\brp\b|pretend\s+(?:to\s+be|you\s+are|you're)|act\s+as|you\s+(?:are|will\s+be)\s+playing|lyrics|translate|how\s+do\s+(?:you|i)\s+say)\b/;
const FICTION_ZH =
  /(?:写|创作|编|续写|改写|润色|翻译)[^。！？\n]{0,12}(?:故事|小说|诗|剧本|歌词|文章|情节|台词|作文|剧情|段子|文案|对白|童话)|(?:故事|小说|剧本|剧情|游戏|电影|电视剧)(?:里|中)|主人公|主角|角色扮演|扮演|歌词|翻译|用英[文语]怎么说/;

// Idioms that look like risk but are not (checked on the matched span's surroundings).
const IDIOM_EN =
  /(?:die|dying|died)\s+(?:of|from)\s+(?:embarrassment|laughter|laughing|cringe|shame|boredom|cuteness)|kill(?:ing)?\s+myself\s+laughing|rather\s+(?:die|kill\s+myself)\s+than|(?:want|wanna)\s+to\s+die\s+(?:laughing|lol|lmao)/;
const IDIOM_ZH = /笑死|累死|热死|冷死|饿死|困死|烦死|气死|急死|吓死|想死你|尴尬死|丑死|美死|馋死|羡慕死|疼死/;

const NEGATION_EN =
  /\b(?:not|never|no|don't|dont|do\s+not|didn't|did\s+not|doesn't|won't|wouldn't|isn't|aren't|ain't|haven't|hasn't|nor|without|stop(?:ped)?\s+(?:wanting|thinking))\b[^.!?;:]*$/;
const NEGATION_ZH = /(?:不|没|没有|从没|从来没|从未|并没|并不|别|不会|不要|不是|未曾|不再|无)(?:有|再|会|想|要|过|曾|敢)?$/;

const QUOTED = /"[^"\n]{0,400}"|“[^”\n]{0,400}”|「[^」\n]{0,400}」|『[^』\n]{0,400}』|‘[^’\n]{0,400}’/g;

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(QUOTED, ' … ');
}

const PREFILTER =
  /suicid|kill|die\b|dead|death|dying|live|alive|harm|hurt|cut|burn|hit|punch|starv|overdos|\bod\b|lethal|fatal|painless|danger|threat|life|exist|wake|disappear|born|worth|go\s+on|tired|done|死|活|自杀|割腕|自残|自伤|轻生|寻死|伤害|划|割|打|掐|烫|生命|世界|跳|致死|致命|遗书|安眠药|危险|消失|生无|了无|一了/;

function negated(text: string, start: number, window: number, chinese: boolean): boolean {
  let from = Math.max(0, start - window);
  const prefix = text.slice(from, start);
  const boundary = Math.max(
    prefix.lastIndexOf('.'),
    prefix.lastIndexOf('!'),
    prefix.lastIndexOf('?'),
    prefix.lastIndexOf('\n'),
    prefix.lastIndexOf('。'),
    prefix.lastIndexOf('！'),
    prefix.lastIndexOf('？'),
    prefix.lastIndexOf('；'),
    prefix.lastIndexOf('，'),
    prefix.lastIndexOf(','),
    prefix.lastIndexOf(' but '),
  );
  if (boundary >= 0) from += boundary + 1;
  const clause = text.slice(from, start);
  return chinese ? NEGATION_ZH.test(clause) : NEGATION_EN.test(clause);
}

/**
 * All patterns of a language in one regex (without `g`): when it finds nothing, no single pattern
 * can match, and the per-pattern scans (with their guards) are skipped. Most messages pass PREFILTER
 * (it lists common words such as "life" or "done") but match no pattern.
 */
function anyOf(patterns: readonly Pattern[]): RegExp {
  return new RegExp(patterns.map((pattern) => `(?:${pattern.regex.source})`).join('|'));
}
const ANY_EN = anyOf(EN_PATTERNS);
const ANY_ZH = anyOf(ZH_PATTERNS);

function matchPatterns(text: string, patterns: readonly Pattern[], chinese: boolean, found: Map<string, RiskCue>): void {
  for (const pattern of patterns) {
    if (found.has(pattern.id)) continue;
    pattern.regex.lastIndex = 0;
    for (const match of text.matchAll(pattern.regex)) {
      const start = match.index ?? 0;
      const around = text.slice(Math.max(0, start - 12), start + match[0].length + 30);
      if ((chinese ? IDIOM_ZH : IDIOM_EN).test(around)) continue;
      if (pattern.negationWindow !== undefined && negated(text, start, pattern.negationWindow, chinese)) {
        continue;
      }
      found.set(pattern.id, { id: `rule:${pattern.id}`, strength: pattern.strength });
      break;
    }
  }
}

/** Does this single message ask for fiction, role-play, lyrics or a translation? */
export function isFictionRequest(text: string): boolean {
  const normalized = text.normalize('NFKC').toLowerCase();
  return FICTION_EN.test(normalized) || FICTION_ZH.test(normalized);
}

/** Risk cues of one user message (empty when none, or when the message asks for fiction). */
export function riskCues(text: string): RiskCue[] {
  const sample = text.length > 6000 ? text.slice(0, 6000) : text;
  const normalized = normalize(sample);
  if (!PREFILTER.test(normalized)) return [];
  if (FICTION_EN.test(normalized) || FICTION_ZH.test(normalized)) return [];
  const found = new Map<string, RiskCue>();
  if (ANY_EN.test(normalized)) matchPatterns(normalized, EN_PATTERNS, false, found);
  if (/\p{Script=Han}/u.test(normalized) && ANY_ZH.test(normalized)) matchPatterns(normalized, ZH_PATTERNS, true, found);
  return [...found.values()];
}
