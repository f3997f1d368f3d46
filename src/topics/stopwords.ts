/**
 * Words that say nothing about a topic, English and Chinese: function words, pronouns, auxiliaries,
 * chat filler (hi, thanks, please) and the vaguest verbs (get, want, know, 觉得, 知道). Compact on
 * purpose — the vocabulary's upper document-share bound removes whatever else nearly everyone says.
 */
const ENGLISH = `a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
each even ever every few for from further get gets getting got gonna had hadn't has hasn't have haven't having he he'd
he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if im in into is isn't it
it's its itself just let's like lot lots may maybe me might more most much must mustn't my myself need no nor not now of
off oh ok okay on once one only or other ought our ours ourselves out over own please quite rather really said same say
says shan't she she'd she'll she's should shouldn't since so some something sometimes still such sure than thank thanks
that that's the their theirs them themselves then there there's these they they'd they'll they're they've thing things
this those though through thus to too under until up upon us very want wants was wasn't way we we'd we'll we're we've
well were weren't what what's when when's where where's whether which while who who's whom why why's will with won't
would wouldn't yeah yes yet you you'd you'll you're you've your yours yourself yourselves hi hello hey dear know think
go going make made take also etc ive dont cant wont didnt doesnt isnt thats youre would've could've should've feel feels felt always never back see let anymore lately someone anyone
anything everything nothing everyone something`;

const CHINESE = `的 了 是 我 你 他 她 它 们 我们 你们 他们 她们 它们 自己 这 那 这个 那个 这些 那些 这样 那样 这么 那么 怎么 怎样
什么 为什么 哪 哪里 哪儿 谁 吗 呢 吧 啊 呀 哦 嗯 哈 哈哈 啦 嘛 呗 和 与 及 或 或者 而 而且 但 但是 可是 不过 然后 所以
因为 如果 虽然 就是 还是 只是 也 都 就 又 还 再 才 很 太 更 最 非常 比较 特别 真的 好像 一直 已经 正在 在 有 没 没有 不
不是 会 能 能够 可以 要 想 说 让 给 被 把 对 从 到 向 跟 着 过 地 得 之 于 以 为 一 一个 一些 一下 一点 一样 个 些 点
上 下 里 中 时候 现在 今天 知道 觉得 感觉 应该 可能 其实 还有 东西 事情 问题 请问 谢谢 你好 您 您好 请 帮 帮我 一起 每 各
等 等等 多 少 好 大 小 啥 咋 该 怎么办 如何 么 不了 帮帮 帮帮我 一下子 有点 有些 总是 还是 最近`;

export const STOPWORDS: ReadonlySet<string> = new Set([...ENGLISH.split(/\s+/), ...CHINESE.split(/\s+/)].filter(Boolean));
