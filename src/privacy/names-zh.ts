/**
 * Chinese person names. jieba's `nr` tag is weak on names (it tags many ordinary words and misses
 * unseen names), so this uses what people actually write when they name someone: a naming cue
 * (我叫 / 名字是 / 姓名： / 我姓) or a form of address after a full name (张伟先生, 李娜老师), with a
 * list of common surnames to tell a name from an ordinary word. Bare names in running text
 * ("昨天张伟来了") are not found: see docs/privacy.md.
 */
import type { Span } from './names-en.ts';

const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '慕容',
  '司徒',
  '夏侯',
  '皇甫',
  '尉迟',
  '公孙',
  '令狐',
  '长孙',
  '宇文',
  '独孤',
  '端木',
];

const SURNAME = `(?:${COMPOUND_SURNAMES.join('|')}|[${SINGLE_SURNAMES}])`;
/** Characters that end a given name: particles, pronouns, verbs that follow a name in a sentence. */
const STOP = '的了是在和与跟也就都很还又我你他她它们今昨说去来吧呢啊吗呀哦嘛啦，。！？、；：,.!?;:\\s';
const HAN_GIVEN = `(?:(?![${STOP}])\\p{Script=Han}){1,2}`;

/** 我叫张伟 / 名字是李娜 / 姓名：王小明 — the name after the cue (surname required). */
const CUE_WITH_SURNAME = new RegExp(
  `(?:我叫|我名叫|名叫|名字叫|名字是|名字叫做|我的名字是|我的名字叫|叫做|姓名[:：是]?\\s*|署名[:：]?\\s*|落款[:：]?\\s*)(${SURNAME}${HAN_GIVEN})`,
  'gu',
);
/** 我叫小明。 — a two- or three-character name without a known surname, only when it ends the clause. */
const CUE_BARE = new RegExp(
  `(?:我叫|名字叫|名字是|我的名字是|我的名字叫)((?!小心)(?:(?![${STOP}不没])\\p{Script=Han}){2,3})(?=[，。！？、,.!?\\s]|$)`,
  'gu',
);
/** 我姓王 — the surname alone. */
const CUE_SURNAME = new RegExp(`(?:我姓|他姓|她姓|免贵姓|贵姓)(${SURNAME})`, 'gu');
/** 张伟先生 / 李娜老师 — a full name before a form of address. */
const TITLED = new RegExp(
  `(?<![\\p{Script=Han}])(${SURNAME}${HAN_GIVEN})(?=先生|女士|小姐|老师|医生|教授|同学|律师|经理|主任)`,
  'gu',
);
/** Words that look like surname + given name before 老师/医生… but are not names. */
const NOT_NAMES = new Set([
  '高中',
  '初中',
  '中学',
  '小学',
  '大学',
  '高三',
  '高二',
  '高一',
  '班主任',
  '数学',
  '语文',
  '英语',
  '心理',
  '美术',
  '音乐',
  '体育',
  '历史',
  '化学',
  '物理',
  '生物',
  '地理',
  '政治',
]);
/** Ordinary words that start with a surname character and often stand before 老师/医生 (谢谢朱老师, 项目经理). */
const NOT_NAME_PREFIXES = [
  '谢谢',
  '感谢',
  '项目',
  '包括',
  '关于',
  '沙盘',
  '焦点',
  '高中',
  '初中',
  '大学',
  '心理',
  '咨询',
  '辅导',
  '班主任',
  '数学',
  '英语',
  '体育',
  '美术',
  '音乐',
  '方面',
  '安全',
  '常规',
  '经常',
  '马上',
  '于是',
  '周末',
  '黄金',
  '金融',
  '文学',
  '时间',
  '明天',
  '和我',
  '和他',
  '和她',
  '向我',
  '向他',
  '向她',
  '跟我',
  '给我',
  '给他',
  '给她',
];

/**
 * Characters (or a word) that each pattern cannot match without, tested before the pattern runs:
 * every cue of CUE_WITH_SURNAME holds 叫, 名 or 落款; every cue of CUE_BARE 叫 or 名; CUE_SURNAME's 姓;
 * TITLED needs one of its forms of address after the name. Most texts hold none.
 */
const TITLE_WORD = /先生|女士|小姐|老师|医生|教授|同学|律师|经理|主任/;
const namingCue = (text: string) => text.includes('叫') || text.includes('名');
export const CHINESE_NAME_PATTERNS: readonly { pattern: RegExp; mayMatch: (text: string) => boolean }[] = [
  { pattern: CUE_WITH_SURNAME, mayMatch: (text) => namingCue(text) || text.includes('落款') },
  { pattern: CUE_BARE, mayMatch: namingCue },
  { pattern: CUE_SURNAME, mayMatch: (text) => text.includes('姓') },
  { pattern: TITLED, mayMatch: (text) => TITLE_WORD.test(text) },
];

export function findChineseNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const { pattern, mayMatch } of CHINESE_NAME_PATTERNS) {
    if (!mayMatch(text)) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const name = match[1]!;
      if (NOT_NAMES.has(name) || NOT_NAME_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
      const start = match.index + match[0].length - name.length;
      spans.push({ start, end: start + name.length });
    }
  }
  return spans;
}
