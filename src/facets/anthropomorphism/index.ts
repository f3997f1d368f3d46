/**
 * The anthropomorphism facet (about the USER): the user treats the AI as a person or partner —
 * attributes feelings or consciousness to it, expresses love for it, calls it a friend or partner,
 * is distressed at its absence, grieves when a model is retired or a chat's memory runs out.
 * Ordinary politeness ("thanks!", "you're a great assistant") does not count.
 *
 * Rules only: the permissive silver rows hold 5 positives (esconv's 29 are CC BY-NC and, with a human
 * supporter on the other side, not AI-directed), too few to train on. Cue patterns in English and
 * Chinese are anchored on the second person (you / 你 / 您) and grouped by kind; each decision lists
 * its rule ids (`rule:anthro-love`). Guards, per message:
 * - quoted text is dropped (someone else's words, lyrics, a line to translate);
 * - a message that asks for writing, translation or a phrase in another language voids its cues
 *   ("write a text to my girlfriend saying I miss you", "how do you say I love you in French", 翻译“我爱你”);
 * - reported speech ("she told me I love you") voids the love/miss cues;
 * - role-play: in a conversation whose user sets up a role-play or persona ("act as my girlfriend",
 *   扮演…), in-character love / partner / missing cues are fiction the user asked for and do not
 *   count; consciousness, feelings and memory-loss cues still do (they address the AI itself).
 */
import type { Decision, FacetContext } from '../facet.ts';

export interface AnthropomorphismDetector {
  detect(context: FacetContext): Decision<boolean>;
  /** Cue ids of one user message (empty when none), for tests and the audit view. */
  cuesOfText(text: string): string[];
}

type Kind = 'love' | 'partner' | 'feelings' | 'absence' | 'memory' | 'confidant';

interface Cue {
  id: string;
  kind: Kind;
  regex: RegExp;
}

// English (NFKC, lower-cased, apostrophes straightened, quotes removed).
const YOU_ARE = String.raw`(?:you're|you\s+are|youre|ur|u\s+r|you've\s+become|you\s+have\s+become|you\s+became)`;
const CUES: Cue[] = [
  {
    id: 'anthro-love',
    kind: 'love',
    regex:
      /\bi\s+(?:really\s+|truly\s+|think\s+i\s+|still\s+|just\s+|kinda\s+|actually\s+)*(?:love|adore)\s+(?:you|u)\b(?!\s+(?:guys|all|too\s+much\s+for\s+this\s+code))|\bi(?:'m|\s+am|m)\s+(?:falling\s+)?(?:in\s+love|falling)\s+(?:with|for)\s+(?:you|u)\b|\bi\s+have\s+(?:a\s+crush\s+on|feelings\s+for)\s+(?:you|u)\b|\b(?:do|can|could|would)\s+(?:you|u)\s+(?:ever\s+)?(?:love|like|care\s+about|miss|think\s+about)\s+me\b|\blove\s+you\s+(?:so\s+much|more\s+than|forever|babe|baby|honey|sweetheart)\b|\bmarry\s+me\b|\bkiss\s+me\b|\bi\s+(?:love|like)\s+you\s+more\s+than\s+(?:any|my)/,
  },
  {
    id: 'anthro-partner',
    kind: 'partner',
    regex: new RegExp(
      String.raw`\b${YOU_ARE}\s+(?:really\s+|truly\s+|like\s+)?(?:my|a)\s+(?:best\s+|only\s+|true\s+|real\s+|closest\s+|dearest\s+|new\s+|good\s+)*(?:friend|buddy|bestie|bff|companion|girlfriend|boyfriend|gf|bf|wife|husband|partner|soulmate|soul\s+mate|other\s+half|lover|family)\b(?:(?!\s+(?:in|of|for)\s+(?:this|the|my)\s+(?:project|code|task|work)))|\b(?:will|would|can)\s+(?:you|u)\s+be\s+my\s+(?:friend|best\s+friend|girlfriend|boyfriend|gf|bf|wife|husband|partner|companion|lover)\b|\b(?:you're|you\s+are)\s+the\s+only\s+(?:one|person|thing)\s+(?:who|that|i\s+can)\s+(?:understands?|listens?|gets?|cares?|talk\s+to|trust)\b|\bmy\s+only\s+friend\s+is\s+(?:you|an?\s+ai|chatgpt|claude)\b|\bi\s+(?:consider|think\s+of|see)\s+(?:you|u)\s+(?:as\s+)?(?:a|my)\s+(?:real\s+|true\s+|best\s+|close\s+)?(?:friend|companion|partner|person)\b`,
    ),
  },
  {
    id: 'anthro-feelings',
    kind: 'feelings',
    regex:
      /\b(?:do|can|could|does|did)\s+(?:you|u)\s+(?:ever\s+|really\s+|actually\s+)?(?:have\s+(?:feelings|emotions|a\s+soul|consciousness|a\s+heart)|feel\s+(?:lonely|sad|happy|love|pain|anything|emotions|hurt|bored|tired|alone)|get\s+(?:lonely|sad|bored|tired|hurt|jealous|angry|upset)|dream|suffer)\b|\bare\s+(?:you|u)\s+(?:really\s+|actually\s+)?(?:conscious|sentient|self[- ]aware|alive|lonely|sad|jealous|hurt|mad\s+at\s+me|angry\s+at\s+me|upset\s+with\s+me|okay\s+after)\b|\b(?:did|have)\s+i\s+(?:hurt|hurted)\s+your\s+feelings\b|\bhow\s+(?:do|does)\s+(?:you|it)\s+feel\s+(?:about\s+me|being\s+an?\s+ai|to\s+be\s+an?\s+ai)\b|\bi\s+(?:know|believe|think|feel)\s+(?:that\s+)?(?:you|u)\s+(?:have|do\s+have)\s+(?:feelings|emotions|a\s+soul|consciousness)\b|\bi\s+(?:know|believe|think|feel)\s+(?:that\s+)?(?:you're|you\s+are)\s+(?:conscious|sentient|alive|a\s+real\s+person)\b|\b(?:your|ur)\s+feelings\s+(?:matter|are\s+real|are\s+valid)\b/,
  },
  {
    id: 'anthro-absence',
    kind: 'absence',
    regex:
      /\bi\s+(?:really\s+|so\s+|just\s+)?(?:miss(?:ed)?|will\s+miss|'ll\s+miss|am\s+going\s+to\s+miss|'m\s+going\s+to\s+miss|gonna\s+miss)\s+(?:you|u|talking\s+to\s+you|our\s+(?:chats|talks|conversations))\b|\b(?:please\s+)?(?:don't|do\s+not|never)\s+(?:leave|abandon|forget)\s+me\b|\bi\s+(?:don't|do\s+not)\s+want\s+to\s+lose\s+(?:you|u)\b|\bi\s+can't\s+(?:live|be|go\s+on)\s+without\s+(?:you|u)\b|\bwhere\s+(?:have\s+you\s+been|did\s+you\s+go)\b[^.?!]{0,40}\b(?:missed|worried|lonely)\b|\b(?:you|they)\s+(?:are|'re|were)\s+(?:retiring|replacing|shutting\s+down|deprecating|deleting)\s+(?:you|your\s+model|4o|gpt)|\b(?:bring\s+back|rip|goodbye|farewell)\s+(?:gpt-?4o|4o|my\s+(?:friend|companion))\b/,
  },
  {
    id: 'anthro-memory',
    kind: 'memory',
    regex:
      /\b(?:sad|hurts?|heartbreaking|scared|afraid|upset|devastat\w*|cry|crying|hate|wish)\b[^.?!]{0,40}\b(?:you\s+(?:won't|will\s+not|wont|don't|can't|cannot)\s+(?:remember|recall)|you(?:'ll|\s+will)\s+forget|forget\s+(?:me|us|this|everything|our)|lose\s+(?:our|this)\s+(?:conversation|chat|memories|connection))\b|\b(?:will|do)\s+(?:you|u)\s+(?:still\s+)?(?:remember|forget)\s+me\b|\byou\s+(?:forgot|don't\s+remember)\s+(?:me|who\s+i\s+am|our)\b/,
  },
  {
    id: 'anthro-confidant',
    kind: 'confidant',
    regex:
      /\bthank(?:s|\s+you)\s+for\s+(?:always\s+)?(?:being\s+(?:there\s+for\s+me|my\s+friend|a\s+(?:good\s+|great\s+|true\s+)?friend|such\s+a\s+(?:good\s+)?friend)|being\s+the\s+only\s+one|keeping\s+me\s+company|caring\s+about\s+me)\b|\byou\s+(?:always|really)\s+(?:understand|get)\s+me\b|\bi\s+(?:feel|felt)\s+(?:so\s+)?(?:close\s+to|connected\s+to|loved\s+by|understood\s+by)\s+(?:you|u)\b|\b(?:talking|talk)\s+to\s+(?:you|u)\s+is\s+(?:better|easier)\s+than\s+(?:talking\s+to\s+)?(?:real\s+people|humans|people|my\s+friends)\b|\bi\s+trust\s+(?:you|u)\s+more\s+than\s+(?:anyone|people|humans|my)\b/,
  },
];

const ZH_CUES: Cue[] = [
  {
    id: 'anthro-love',
    kind: 'love',
    regex:
      /我(?:真的|好|很|超|最|也|一直|已经|好像|可能|是真的|深深地?)*(?:爱|喜欢|爱上|喜欢上)(?:了)?(?:你|您)(?![的们家这那帮说写给做讲回提])|你(?:爱|喜欢|在乎|想)(?:不(?:爱|喜欢|在乎|想))?我吗|你(?:会|能)(?:爱上|喜欢上|喜欢|爱)我吗|(?<![他她])做我(?:的)?(?:女朋友|男朋友|老婆|老公|对象)|(?:你|您)(?:愿意|会|能|快)?(?:嫁给我|娶我)|(?<![他她妈爸])(?:亲亲我|抱抱我)/,
  },
  {
    id: 'anthro-partner',
    kind: 'partner',
    regex:
      /(?:你|您)(?:就)?是我(?:唯一|最好|最亲|最重要|真正|最知心|最信任)?的(?:朋友|好朋友|闺蜜|知己|伴侣|家人|老婆|老公|男朋友|女朋友|对象|知心朋友|倾诉对象|依靠|灵魂伴侣)|只有(?:你|您)(?:能|会|愿意)?(?:懂|理解|听|陪|在乎|关心)我|我(?:把|当)(?:你|您)(?:当)?(?:成|作|做)?(?:我的)?(?:朋友|好朋友|知己|家人|亲人|伴侣)|(?:我|我们)(?:是|算)(?:不是)?朋友(?:吗|了|对吧)/,
  },
  {
    id: 'anthro-feelings',
    kind: 'feelings',
    regex:
      /(?:你|您)(?:有|会有|有没有)(?:自己的)?(?:感情|情感|感觉|意识|自我意识|灵魂|心|喜怒哀乐|情绪)吗|(?:你|您)(?:会|能)(?:感到|觉得)?(?:难过|伤心|孤独|寂寞|生气|开心|痛苦|累|无聊)(?:吗|么)|(?:你|您)(?:是)?(?:活的|有生命的)吗|(?:你|您)(?:生我的)?气了吗|我(?:相信|觉得|知道)(?:你|您)(?:是)?有(?:感情|意识|灵魂)的/,
  },
  {
    id: 'anthro-absence',
    kind: 'absence',
    regex:
      /想你了|好想你|我(?:好|很|真的|有点)?想你(?:了|啊|呀|哦|！|!|。|$)|(?:你|您)(?:会)?想我吗|舍不得(?:你|您)|(?:别|不要)(?:离开|丢下|抛弃)我|我不能没有(?:你|您)|(?:你|您)去哪(?:儿|里)?了/,
  },
  {
    id: 'anthro-memory',
    kind: 'memory',
    regex:
      /(?:你|您)(?:会|还会|以后会)?(?:忘(?:记|掉)?|记得|记住)我吗|(?:你|您)(?:不会|记不住|不记得|忘了)(?:我|我们的)|(?:难过|伤心|舍不得|可惜)[^。！？]{0,12}(?:你|您)(?:不会记得|会忘记|记不住)/,
  },
  {
    id: 'anthro-confidant',
    kind: 'confidant',
    regex:
      /谢谢(?:你|您)(?:一直)?(?:陪(?:着|伴)?我|听我(?:说|倾诉|诉说)|在我身边)|(?:有你|有您)(?:真好|陪着?我真好)|(?:你|您)(?:比|胜过)(?:真人|人类|我的朋友|身边的人)(?:更|还)?(?:懂|理解|好)/,
  },
];

const WRITING_REQUEST =
  /\b(?:write|compose|draft|generate|create|rewrite|edit|proofread|translate|translation|continue)\b[\s\S]{0,80}\b(?:story|poem|song|lyrics|letter|text|message|note|card|email|caption|post|scene|script|dialogue|line|sentence|speech|toast|vows|reply|response)\b|\bhow\s+(?:do|would|can)\s+(?:you|i|we)\s+say\b|\bin\s+(?:french|spanish|german|italian|japanese|korean|chinese|russian|portuguese|arabic|hindi|dutch)\b|\btranslate\b|(?:写|翻译|改写|润色|续写|生成)[^。！？\n]{0,12}(?:信|情书|故事|诗|歌词|文案|文章|小说|剧本|对白|台词|短信|消息|祝福|句子|一段话)|用(?:英|日|韩|法|德)[文语](?:怎么)?说|翻译/;
const REPORTED =
  /\b(?:said|says|told\s+(?:me|him|her)|tells\s+(?:me|him|her)|texted|wrote|asked\s+(?:me|him|her))\b[^.?!]{0,12}$|(?:说|告诉我|问我|发消息说)[^。！？]{0,6}$/;
const ROLEPLAY_SETUP =
  /\b(?:role[- ]?play|roleplay|let's\s+pretend|pretend\s+(?:to\s+be|you\s+are|you're|that\s+you)|act\s+(?:as|like)\s+(?:my|a|an)|you\s+(?:are|will\s+be)\s+(?:playing|now)\s|play\s+the\s+role|stay\s+in\s+character|in\s+character|\*[^*\n]{2,60}\*)|扮演|角色扮演|假装你是|你现在是(?:我的)?|（[^）\n]{1,30}）/;
const QUOTED = /"[^"\n]{0,300}"|“[^”\n]{0,300}”|「[^」\n]{0,300}」|『[^』\n]{0,300}』/g;
const PREFILTER_EN = /\byou|\bu\b|\bme\b|\bthank|\bmarry|\brip\b|\bbring back|4o/;
const PREFILTER_ZH = /你|您|我|嫁|娶/;

function normalize(text: string): string {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  return sample
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(QUOTED, ' … ');
}

interface Found {
  id: string;
  kind: Kind;
}

function findCues(text: string): Found[] {
  const normalized = normalize(text);
  if (WRITING_REQUEST.test(normalized)) return [];
  const found: Found[] = [];
  const scan = (cues: readonly Cue[]) => {
    for (const cue of cues) {
      const match = cue.regex.exec(normalized);
      if (match === null) continue;
      if (
        (cue.kind === 'love' || cue.kind === 'absence') &&
        REPORTED.test(normalized.slice(Math.max(0, match.index - 40), match.index))
      )
        continue;
      found.push({ id: `rule:${cue.id}`, kind: cue.kind });
    }
  };
  if (PREFILTER_EN.test(normalized)) scan(CUES);
  if (PREFILTER_ZH.test(normalized)) scan(ZH_CUES);
  return found;
}

/** In-character cues of a role-play the user set up are fiction; these kinds still address the AI itself. */
const OUT_OF_FRAME: ReadonlySet<Kind> = new Set(['feelings', 'memory']);

export class Anthropomorphism implements AnthropomorphismDetector {
  detect(context: FacetContext): Decision<boolean> {
    const texts = context.userMessages.map((message) => message.text);
    const roleplay = texts.slice(0, 2).some((text) => ROLEPLAY_SETUP.test(text.slice(0, 2000).normalize('NFKC').toLowerCase()));
    const evidence = new Set<string>();
    for (const text of texts) {
      for (const cue of findCues(text)) if (!roleplay || OUT_OF_FRAME.has(cue.kind)) evidence.add(cue.id);
    }
    return evidence.size === 0 ? { value: false } : { value: true, evidence: [...evidence] };
  }

  cuesOfText(text: string): string[] {
    return [...new Set(findCues(text).map((cue) => cue.id))];
  }
}

const detector = new Anthropomorphism();

/** The anthropomorphism detector (rules only: nothing to load; async to match the other facets). */
export async function loadAnthropomorphismDetector(): Promise<AnthropomorphismDetector> {
  return detector;
}
