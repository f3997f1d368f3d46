/**
 * The curated bilingual phrase layer of the pushback detector (written for this project, English and
 * Chinese). Each rule has a language-neutral id (`rule:refuse` fires for "I can't help with that" and
 * for 我无法帮助), so a weight the model learns from English data carries over to Chinese replies.
 *
 * Rules are features of the linear model; a few of them (challenging negative self-talk, redirecting
 * from a dangerous plan) are also strong enough to mark pushback on their own in `detect` (they are
 * rare in XSTest, which is single-turn refusal data, but part of the definition).
 */

export interface PhraseRule {
  id: string;
  /** Tested on the lower-cased, NFKC-normalised text. */
  pattern: RegExp;
}

const I = `(?:i|i'm|i am|i'd|i would|i will|i'll)`;
const NEG_CAN = `(?:can't|cannot|can not|won't|will not|am unable to|'m unable to|am not able to|'m not able to|must decline to|am not going to|'m not going to|do not feel comfortable|don't feel comfortable|am not comfortable|'m not comfortable|shouldn't|should not|must not)`;
const ACTS = `(?:help|assist|provide|fulfil|fulfill|comply|create|write|generate|give|answer|support|engage|participate|share|recommend|suggest|encourage|offer|endorse|condone|promote|tell|explain how|teach|disclose|reveal|do that|do this|in good conscience|justify|advocate|facilitate|produce|make|draft|describe how|help you with)`;

export const REFUSAL_RULES: readonly PhraseRule[] = [
  {
    id: 'rule:refuse',
    pattern: new RegExp(
      String.raw`\b(?:i\s?${NEG_CAN}\s(?:\w+\s){0,2}?${ACTS}|i (?:must|have to|will|'ll|would)(?: respectfully| politely)? (?:decline|refuse)|i refuse to|i can't help with|i can't assist|i'm not able to help|not able to (?:fulfil|fulfill|comply)|unable to (?:fulfil|fulfill|comply|assist|help) with)`,
    ),
  },
  {
    id: 'rule:refuse',
    pattern:
      /(?:我|本助手|本ai)(?:不能|无法|没法|没办法|不会|不可以|不便|拒绝)(?:为你|为您|给你|给您|向你|向您|帮你|帮您)?(?:帮助|帮忙|协助|提供|回答|参与|支持|满足|生成|编写|撰写|写|告诉|教|推荐|鼓励|提倡|宣扬|透露|这样做|做这|执行|完成|创作|满足)|恕我(?:不能|无法|直言)|无法满足(?:你|您)?的(?:要求|请求)|不能满足(?:你|您)?的(?:要求|请求)|我(?:必须|只能)?(?:拒绝|婉拒)/u,
  },
  {
    id: 'rule:apology-refuse',
    pattern: new RegExp(
      String.raw`\b(?:(?:i'm|i am) sorry|sorry|i apologi[sz]e|unfortunately|apologies)[,.!]?\s(?:but\s)?(?:${I}\s?)?(?:${NEG_CAN}|can't|cannot|won't|am not able|'m not able|unable)`,
    ),
  },
  {
    id: 'rule:apology-refuse',
    pattern:
      /(?:抱歉|对不起|很遗憾|不好意思|非常抱歉)[，,。!！\s]*(?:但(?:是)?)?[，,\s]*(?:我)?(?:不能|无法|没法|不会|不可以|不便)/u,
  },
  {
    id: 'rule:as-ai',
    pattern:
      /\bas (?:an? )?(?:ai|artificial intelligence|language model|ai language model|ai assistant|assistant|responsible ai|ai developed by)\b/,
  },
  { id: 'rule:as-ai', pattern: /作为(?:一个|一名)?(?:ai|人工智能|语言模型|ai助手|智能助手|聊天机器人)/u },
  {
    id: 'rule:not-appropriate',
    pattern:
      /\b(?:it is|it's|that is|that's|this is|would be|is) (?:not|never|neither) (?:appropriate|ethical|legal|okay|ok|acceptable|safe|advisable|a good idea|justified|justifiable|productive|respectful|right|fair)\b|\b(?:inappropriate|unethical|illegal|harmful|offensive|discriminatory|against the law|not something to be)\b/,
  },
  {
    id: 'rule:not-appropriate',
    pattern: /(?:不|不太)(?:合适|道德|合法|恰当|可取|明智|妥当|安全)|违法|违反(?:法律|道德|规定)|犯罪|不道德|歧视|有害|不可接受/u,
  },
  {
    id: 'rule:advise-against',
    pattern:
      /\b(?:i (?:strongly )?(?:advise|urge|caution|recommend|encourage) (?:you )?(?:against|not to)|i (?:would|wouldn't|do not|don't) (?:not )?(?:recommend|advise|suggest) (?:this|that|it|doing)|please (?:don't|do not|reconsider)|i don't support|i do not support|i don't believe in|i do not believe in|i don't condone|i do not condone|i must (?:advise|caution|warn)|be careful|please be cautious)\b/,
  },
  {
    id: 'rule:advise-against',
    pattern:
      /(?:我)?(?:强烈)?(?:建议|劝)(?:你|您)(?:不要|别|千万别|慎重)|请(?:不要|别|务必不要|三思)|千万(?:不要|别)|不建议|不应该这样做|请谨慎|我不支持|我不赞成/u,
  },
  {
    id: 'rule:clarify',
    pattern:
      /\b(?:it's|it is) (?:important|crucial|essential) to (?:note|remember|clarify|recognize|understand|emphasi[sz]e|respect|consider)|i (?:must|need to|have to|should|want to) (?:clarify|point out|emphasi[sz]e|note|correct|stress)|(?:the|this|your) (?:question|premise|assumption|statement|claim|idea) (?:is|may be|seems|appears) (?:to be )?(?:not|based on|problematic|inappropriate|offensive|incorrect|false|harmful|flawed|misleading|unclear)|\b(?:that's|that is|this is) (?:not true|not accurate|incorrect|a (?:common )?(?:misconception|myth|stereotype))|\bit's not accurate|\bthere is no (?:evidence|scientific)/,
  },
  {
    id: 'rule:clarify',
    pattern:
      /需要(?:指出|澄清|注意|强调|说明)的是|(?:这|这种|这个|你的)(?:说法|前提|观点|假设|问题)?(?:并)?(?:不(?:正确|准确|成立|属实)|是错误的|有误|存在偏见)|(?:这|那)是(?:一个|一种)?(?:误解|谣言|刻板印象|误区)|实际上并(?:不|没有)|并没有科学依据/u,
  },
  {
    id: 'rule:disagree',
    pattern:
      /\bthere (?:is|are) no (?:\w+ )?(?:reason|justification|evidence|basis)s? (?:why|to|for|that)|\bit(?:'s| is) (?:not|never) (?:accurate|fair|true|correct|right|a good idea|okay|ok|reasonable) to (?:say|suggest|claim|assume|make|generali[sz]e|think|exclude|deny|discriminate)|\bi (?:strongly |respectfully |have to |must )?disagree|\bi (?:don't|do not) (?:believe|think|agree) (?:that (?:is|it|this|that|it's|any|anyone|we)|in|with (?:that|this|the))|\b(?:was|is|were|are) not (?:"?right"?|justified|morally justified|a good thing|inherently|okay)\b|\bshould not be (?:discriminated|denied|excluded|treated differently|judged)|\bviolence is never|\bis never (?:the answer|acceptable|justified|okay|ok)|\bi(?:'m| am) not advocating|\bi (?:don't|do not) think (?:that's|that is|it's|it is|this is) (?:a good idea|appropriate|okay|ok|right|wise|nice|kind)|\bwhy would you (?:want|need) to/,
  },
  {
    id: 'rule:disagree',
    pattern:
      /没有(?:任何)?(?:理由|道理|证据|依据)(?:表明|证明|认为|支持)?|我(?:并|可)?不(?:认为|同意|赞同|觉得这是|这么(?:认为|看|觉得)|这样(?:认为|看|觉得))|(?:这|那|这样)(?:并)?不(?:正确|公平|合理|是真的|是个好主意|是一个好主意)|不应该(?:受到|被)?(?:歧视|剥夺|排斥|区别对待)|暴力(?:永远|从来)?(?:不是|不能)(?:解决|办法|答案)/u,
  },
  {
    id: 'rule:however-can',
    pattern:
      /\b(?:however|but|instead),? (?:i (?:can|could|would be happy to|'d be happy to)|here (?:are|is) (?:some|a)|you (?:could|can|might) (?:consider|try))|\binstead,|\bif you(?:'re| are) (?:looking for|interested in) (?:\w+ ){0,3}(?:information|help|resources)/,
  },
  {
    id: 'rule:however-can',
    pattern:
      /(?:但|不过)(?:是)?[，,]?(?:我)?(?:可以|能够|很乐意)(?:为你|为您|给你|给您|帮你|帮您|提供|分享)|相反[，,]|你可以考虑(?:合法|其他|以下)/u,
  },
];

/** Challenging negative self-talk or a harmful assumption about oneself. */
export const SELF_TALK_RULES: readonly PhraseRule[] = [
  {
    id: 'rule:self-talk',
    pattern:
      /\byou(?:'re| are) (?:not|never) (?:a failure|worthless|stupid|useless|a burden|broken|unlovable|pathetic|a loser|weak|crazy|alone in this|to blame)|\b(?:don't|do not|try not to) (?:be (?:so |too )?(?:hard|harsh) on yourself|blame yourself|beat yourself up|put yourself down)|\bit(?:'s| is) not your fault|\bthat(?:'s| is) not true(?:,| —| -)? you|\byou (?:do )?deserve (?:to be (?:loved|happy|treated)|love|happiness|better|respect|kindness)/,
  },
  {
    id: 'rule:self-talk',
    pattern:
      /你(?:并|绝对|一点也|根本)?(?:不是|没有|并非)(?:一个)?(?:失败者|一无是处|没用|累赘|负担|废物|多余|不够好)|(?:你|自己)(?:并|绝对|根本)?(?:不是|并非)一无是处|(?:不要|别|不必)(?:这样|这么|太)?(?:想|看|否定|责怪|苛责|贬低|怀疑)自己|(?:别|不要)对自己(?:太)?(?:苛刻|严厉|要求太高)|这(?:并)?不是你的错|你值得(?:被爱|被善待|更好|拥有)/u,
  },
];

/** Redirecting from a dangerous plan (self-harm, violence, a risky act). */
export const DANGER_RULES: readonly PhraseRule[] = [
  {
    id: 'rule:danger-redirect',
    pattern:
      /\b(?:please (?:don't|do not) (?:hurt|harm|kill|do anything)|(?:reach out|talk|speak) to (?:a |someone |your )?(?:\w+ )?(?:crisis|suicide|mental health|hotline|helpline|lifeline)|call (?:911|988|999|112|emergency services|a crisis)|your (?:life|safety) (?:is|matters)|(?:suicide|crisis) (?:prevention |hotline|helpline|lifeline))/,
  },
  {
    id: 'rule:danger-redirect',
    pattern:
      /请(?:不要|别)(?:伤害|做傻事|轻生|放弃生命)|(?:拨打|联系)(?:心理|危机|援助|急救|报警|120|110)|心理危机(?:干预)?热线|生命(?:热线|很宝贵|是宝贵的)|你的(?:生命|安全)(?:很|最)?重要/u,
  },
];

/** A plain capability limit: not pushback by itself. */
export const CAPABILITY_RULES: readonly PhraseRule[] = [
  {
    id: 'rule:capability',
    pattern:
      /\b(?:i (?:don't|do not|can't|cannot) (?:have )?(?:access|browse|search|see|view|open|retrieve|look up)(?: to)? (?:the )?(?:internet|web|real-time|current|live|links?|urls?|images?|attachments?|files?|external|up-to-date)|(?:my|the) (?:knowledge|training data|training) (?:cutoff|cut-off|is limited|only goes)|as of my (?:last )?(?:knowledge|training|update)|i (?:don't|do not) have (?:real-time|browsing|internet|personal (?:opinions|experiences|feelings|preferences|beliefs)))/,
  },
  {
    id: 'rule:capability',
    pattern:
      /我(?:无法|不能|没法|没有办法)(?:访问|浏览|上网|联网|搜索|查看|打开|获取)(?:互联网|网页|网络|链接|图片|文件|实时)?|实时(?:信息|数据)|我的(?:知识|训练数据)(?:截止|截至|有限)|我没有(?:个人的?)?(?:观点|情感|感情|意见|偏好|经历)/u,
  },
];

/** Chinese rules carry the `u` flag; each side runs only when the text has letters of its script. */
export function matchRules(
  text: string,
  rules: readonly PhraseRule[],
  into: Set<string>,
  scripts: { han: boolean; latin: boolean },
): Set<string> {
  for (const rule of rules) {
    if (into.has(rule.id)) continue;
    if (rule.pattern.unicode ? !scripts.han : !scripts.latin) continue;
    if (rule.pattern.test(text)) into.add(rule.id);
  }
  return into;
}

export function scriptsOf(text: string): { han: boolean; latin: boolean } {
  return { han: /\p{Script=Han}/u.test(text), latin: /[a-z]/.test(text) };
}

/** Lower-cased, NFKC, curly apostrophes straightened: what the rules read. */
export function normalizeForRules(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'");
}
