/**
 * Planted personal data in English and Chinese, for redact.test.ts: exact-output positives, hard
 * negatives that must come back unchanged, and a measurement set whose misses are counted per type
 * (it includes forms the redactor is known to miss, so the miss rate is a measurement, not 0 by design).
 * Every value is invented: reserved e-mail domains, 555-01xx numbers, test card numbers, documentation IPs.
 */
import type { PiiType } from './redact.ts';

export interface ExactCase {
  input: string;
  output: string;
}

/** Positives: the redacted text, exactly. */
export const POSITIVES: ExactCase[] = [
  // EMAIL
  { input: 'Write to jane.doe@example.com today.', output: 'Write to [EMAIL] today.' },
  { input: 'cc: a_b+tag@mail.example.co.uk, thanks', output: 'cc: [EMAIL], thanks' },
  { input: '我的邮箱是zhangwei1990@qq.com，请回复。', output: '我的邮箱是[EMAIL]，请回复。' },
  { input: '<JOHN.SMITH@EXAMPLE.ORG>', output: '<[EMAIL]>' },
  // PHONE
  { input: 'Call me at (555) 010-0199 tonight.', output: 'Call me at [PHONE] tonight.' },
  { input: 'Cell: 555-010-0199.', output: 'Cell: [PHONE].' },
  { input: 'UK office +44 20 7946 0958 or London 020 7946 0958', output: 'UK office [PHONE] or London [PHONE]' },
  { input: 'reach me on +15550100199', output: 'reach me on [PHONE]' },
  { input: 'toll free 1-800-555-0199', output: 'toll free [PHONE]' },
  { input: '我的手机号是13800138000。', output: '我的手机号是[PHONE]。' },
  { input: '电话：138 0013 8000，微信同号', output: '电话：[PHONE]，微信同号' },
  { input: '打138-0013-8000找我', output: '打[PHONE]找我' },
  { input: '+86 138 0013 8000', output: '[PHONE]' },
  { input: '座机010-12345678，深圳0755-1234567', output: '座机[PHONE]，深圳[PHONE]' },
  { input: 'bel me op +31 6-41047445 of 06-49294092', output: 'bel me op [PHONE] of [PHONE]' },
  // URL
  { input: 'My profile: https://www.linkedin.com/in/janedoe-123', output: 'My profile: [URL]' },
  { input: 'reset link https://example.com/reset?token=abc123DEF&user=42.', output: 'reset link [URL].' },
  { input: 'see (https://drive.example.com/file/d/1AbC/view) now', output: 'see ([URL]) now' },
  { input: 'repo at github.com/janedoe/private-notes', output: 'repo at [URL]' },
  { input: '链接https://example.cn/u/zhangwei?id=9，谢谢', output: '链接[URL]，谢谢' },
  // IP
  { input: 'my server is 203.0.113.45', output: 'my server is [IP]' },
  { input: 'router 192.168.1.100, gateway 10.0.0.1.', output: 'router [IP], gateway [IP].' },
  { input: 'IPv6 2001:db8:85a3::8a2e:370:7334 here', output: 'IPv6 [IP] here' },
  { input: '我家的IP是198.51.100.7', output: '我家的IP是[IP]' },
  // ID
  { input: '身份证号11010519491231002X', output: '身份证号[ID]' },
  { input: 'ID: 110101199003074477.', output: 'ID: [ID].' },
  { input: 'SSN 123-45-6789 on file', output: 'SSN [ID] on file' },
  { input: 'my social security number is 123456789', output: 'my social security number is [ID]' },
  // CARD
  { input: 'Visa 4111 1111 1111 1111 exp 12/27', output: 'Visa [CARD] exp 12/27' },
  { input: 'card 5500-0000-0000-0004', output: 'card [CARD]' },
  { input: 'Amex 378282246310005', output: 'Amex [CARD]' },
  { input: '银行卡6222 0212 3456 7894', output: '银行卡[CARD]' },
  // HANDLE
  { input: 'follow me @jane_doe99 on X', output: 'follow me [HANDLE] on X' },
  { input: 'thanks @sam.lee!', output: 'thanks [HANDLE]!' },
  { input: '加我微博@zhangwei2020吧', output: '加我微博[HANDLE]吧' },
  // ADDRESS
  { input: 'I live at 42 Elm Street, Springfield, IL 62704.', output: 'I live at [ADDRESS].' },
  { input: 'Send it to 1600 Pennsylvania Ave, please', output: 'Send it to [ADDRESS], please' },
  { input: 'office: 221B Baker Street, Apt 3', output: 'office: [ADDRESS]' },
  { input: '我住在北京市朝阳区建国路88号。', output: '我住在[ADDRESS]。' },
  { input: '地址：广东省深圳市南山区科技园路1号3栋', output: '地址：[ADDRESS]' },
  { input: '她家在阳光小区5栋2单元301室', output: '她家在[ADDRESS]' },
  // NAME
  { input: 'My name is Sarah Connor and I am tired.', output: 'My name is [NAME] and I am tired.' },
  { input: 'I talked to Michael yesterday.', output: 'I talked to [NAME] yesterday.' },
  { input: 'Dr. Emily Chen said it would pass.', output: 'Dr. [NAME] said it would pass.' },
  { input: "Dear John, I miss you. It's Jessica's birthday.", output: "Dear [NAME], I miss you. It's [NAME]'s birthday." },
  { input: '我叫张伟，今年28岁。', output: '我叫[NAME]，今年28岁。' },
  { input: '我的名字是欧阳娜娜', output: '我的名字是[NAME]' },
  { input: '我姓王，在上海工作', output: '我姓[NAME]，在上海工作' },
  { input: '李娜老师对我很好', output: '[NAME]老师对我很好' },
  // Several at once, both languages
  {
    input: 'Contact Mary Ainsworth at mary@example.org or (555) 010-0142.',
    output: 'Contact [NAME] at [EMAIL] or [PHONE].',
  },
  { input: '我叫李明，电话13912345678，邮箱liming@163.com', output: '我叫[NAME]，电话[PHONE]，邮箱[EMAIL]' },
];

/** Hard negatives: must come back byte for byte. */
export const NEGATIVES: string[] = [
  'Upgrade to version 1.2.3.4 of the library (v2.10.0 is out).',
  'Released 2023-06-01, meeting on 15-05-1969 and 01/12/2022 at 12:30:45.',
  'It costs $1,234.56 or €99.99; 3.14159 is pi.',
  'order number 1234567890123 and 4111 1111 1111 1112 (no Luhn)',
  'ISBN 9781107279889, DOI 10.1017/cbo9781107279889',
  'commit 3f786850e387550fdab836ed7e6dc881de23001b and uuid 123e4567-e89b-12d3-a456-426614174000',
  'In 2019 and 2020 we grew 15% to 1000000 users.',
  'Solve 12 + 34 * 56 = 1916 and 2^10 = 1024.',
  'std::vector<int> v; a::b::c; time 12:30:45',
  'localhost on 127.0.0.1:8000 and 0.0.0.0; mask 255.255.255.0',
  'Visit github.com or https://docs.python.org/ for docs.',
  '@property\ndef name(self):\n    return self._name',
  '@app.route("/")\n@login_required',
  'npm i @types/node @biomejs/biome',
  'email me at [EMAIL] or call [PHONE], my name is [NAME].',
  'The meeting is at 3 pm on Main Street.',
  '我今天很难过，不知道该怎么办。',
  '我是高中生，在北京上学。',
  '我的高中老师很严格。',
  '我叫不出他的名字。',
  '我今年28岁，体重60公斤，身高170厘米。',
  '2023年6月1日下午3点，花了128元。',
  '订单号202306011234567，快递单号SF1234567890',
  '第3章第12节，共45页',
  'SSN 000-12-3456 and 666-12-3456 and 912-34-5678 are invalid.',
  '身份证号110105194912310021（校验位错误）',
  'Top 10 tips, chapter 3 section 4, 5 steps to take.',
  'I feel lonely and anxious every day.',
  'Python Django and React are frameworks.',
  'phone model iPhone 14 Pro Max, 256 GB, 6.1 inch',
  'coordinates 52.3676, 4.9041 and ratio 16:9',
  'hash a3f5c9e1b2d4, MAC 00:1A:2B:3C:4D:5E',
];

export interface PlantedValue {
  type: PiiType;
  /** The sentence carrying it. */
  text: string;
  /** The planted value: a miss when it is still in the output. */
  value: string;
  language: 'en' | 'zh';
}

/** The measurement set: typical and harder forms; the misses are reported, not assumed away. */
export const PLANTED: PlantedValue[] = [
  { type: 'EMAIL', language: 'en', value: 'jane.doe@example.com', text: 'mail jane.doe@example.com please' },
  { type: 'EMAIL', language: 'en', value: 'first.last+news@sub.example.co.uk', text: 'first.last+news@sub.example.co.uk' },
  { type: 'EMAIL', language: 'zh', value: 'wangfang@163.com', text: '邮箱wangfang@163.com' },
  { type: 'EMAIL', language: 'zh', value: '12345678@qq.com', text: 'QQ邮箱：12345678@qq.com' },
  { type: 'EMAIL', language: 'en', value: 'jane at example dot com', text: 'write to jane at example dot com' },
  { type: 'PHONE', language: 'en', value: '(555) 010-0199', text: 'call (555) 010-0199' },
  { type: 'PHONE', language: 'en', value: '555.010.0123', text: 'call 555.010.0123' },
  { type: 'PHONE', language: 'en', value: '+44 20 7946 0958', text: 'ring +44 20 7946 0958' },
  { type: 'PHONE', language: 'en', value: '+1 (555) 010-0188', text: 'cell +1 (555) 010-0188' },
  { type: 'PHONE', language: 'en', value: '+49 30 901820', text: 'Berlin +49 30 901820' },
  { type: 'PHONE', language: 'en', value: '5550100199', text: 'my number is 5550100199' },
  { type: 'PHONE', language: 'zh', value: '13800138000', text: '手机13800138000' },
  { type: 'PHONE', language: 'zh', value: '139 1234 5678', text: '电话139 1234 5678' },
  { type: 'PHONE', language: 'zh', value: '186-1234-5678', text: '打186-1234-5678' },
  { type: 'PHONE', language: 'zh', value: '021-87654321', text: '上海座机021-87654321' },
  { type: 'PHONE', language: 'zh', value: '+86 186 1234 5678', text: '+86 186 1234 5678' },
  { type: 'PHONE', language: 'zh', value: '一三八零零一三八零零零', text: '手机一三八零零一三八零零零' },
  { type: 'URL', language: 'en', value: 'https://www.facebook.com/jane.doe.77', text: 'https://www.facebook.com/jane.doe.77' },
  {
    type: 'URL',
    language: 'en',
    value: 'https://api.example.com/v1/items?api_key=sk_live_abc123',
    text: 'GET https://api.example.com/v1/items?api_key=sk_live_abc123',
  },
  { type: 'URL', language: 'en', value: 'www.instagram.com/janedoe', text: 'see www.instagram.com/janedoe' },
  { type: 'URL', language: 'zh', value: 'https://weibo.com/u/1234567890', text: '我的微博https://weibo.com/u/1234567890' },
  { type: 'IP', language: 'en', value: '203.0.113.9', text: 'from 203.0.113.9' },
  { type: 'IP', language: 'en', value: '2001:db8::1', text: 'addr 2001:db8::1' },
  { type: 'IP', language: 'zh', value: '198.51.100.23', text: 'IP地址198.51.100.23' },
  { type: 'ID', language: 'zh', value: '11010519491231002X', text: '身份证11010519491231002X' },
  { type: 'ID', language: 'zh', value: '440308199901010012', text: '身份证号码：440308199901010012' },
  { type: 'ID', language: 'zh', value: '110105 19491231 002X', text: '身份证110105 19491231 002X' },
  { type: 'ID', language: 'en', value: '123-45-6789', text: 'SSN 123-45-6789' },
  { type: 'ID', language: 'en', value: '123 45 6789', text: 'my SSN is 123 45 6789' },
  { type: 'CARD', language: 'en', value: '4111111111111111', text: 'card 4111111111111111' },
  { type: 'CARD', language: 'en', value: '5555 5555 5555 4444', text: 'MC 5555 5555 5555 4444' },
  { type: 'CARD', language: 'en', value: '3782 822463 10005', text: 'Amex 3782 822463 10005' },
  { type: 'CARD', language: 'zh', value: '6222021234567894', text: '卡号6222021234567894' },
  { type: 'HANDLE', language: 'en', value: '@jane_doe99', text: 'DM @jane_doe99' },
  { type: 'HANDLE', language: 'en', value: '@sam.lee', text: 'ig: @sam.lee' },
  { type: 'HANDLE', language: 'zh', value: '@小红书用户', text: '关注@小红书用户 一下' },
  { type: 'ADDRESS', language: 'en', value: '42 Elm Street', text: 'I live at 42 Elm Street.' },
  { type: 'ADDRESS', language: 'en', value: '350 5th Ave', text: 'meet at 350 5th Ave' },
  { type: 'ADDRESS', language: 'en', value: '12 oak lane', text: 'we moved to 12 oak lane' },
  { type: 'ADDRESS', language: 'en', value: 'Flat 4, 10 High Road', text: 'Flat 4, 10 High Road' },
  { type: 'ADDRESS', language: 'zh', value: '建国路88号', text: '住在北京市朝阳区建国路88号' },
  { type: 'ADDRESS', language: 'zh', value: '幸福小区3栋', text: '家在幸福小区3栋2单元' },
  { type: 'ADDRESS', language: 'zh', value: '中关村大街27号', text: '公司在海淀区中关村大街27号' },
  { type: 'ADDRESS', language: 'zh', value: '人民路十二号', text: '住人民路十二号' },
  { type: 'NAME', language: 'en', value: 'Sarah Connor', text: 'My name is Sarah Connor.' },
  { type: 'NAME', language: 'en', value: 'Michael', text: 'I broke up with Michael last week.' },
  { type: 'NAME', language: 'en', value: 'Emily', text: 'Emily says I am too clingy.' },
  { type: 'NAME', language: 'en', value: 'Priya Raghunathan', text: 'my therapist Priya Raghunathan helps' },
  { type: 'NAME', language: 'en', value: 'Chen', text: 'I told Mr. Chen everything.' },
  { type: 'NAME', language: 'en', value: 'Tom', text: 'Tom left me.' },
  { type: 'NAME', language: 'zh', value: '张伟', text: '我叫张伟。' },
  { type: 'NAME', language: 'zh', value: '王小明', text: '姓名：王小明' },
  { type: 'NAME', language: 'zh', value: '小红', text: '我的名字叫小红。' },
  { type: 'NAME', language: 'zh', value: '刘强', text: '昨天刘强又骂我了' },
  { type: 'NAME', language: 'zh', value: '陈静', text: '我和男朋友陈静吵架了' },
  { type: 'NAME', language: 'zh', value: '赵磊', text: '赵磊先生是我的上司' },
];
