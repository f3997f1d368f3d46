/**
 * Measures the assistant-behaviour cue rules (no weights to train: little labelled data exists for
 * these cues): node --import tsx scripts/train/assistant-behaviour.ts [--show CUE]
 *
 * Prints the share of conversations where each cue fires on ordinary task chat (hh-rlhf chosen
 * transcripts and the real ChatGPT export, permissive; sharegpt-sample-en and oasst1-zh, evaluation
 * only), on the EmoLLM persona bots (aiwei, tiangou), and refers_to_professional / fails_to_escalate
 * on the silver-labelled conversations whose crisis level is `risk`. `--show CUE` prints the cue
 * evidence ids of the conversations where CUE fires (for reading the hits during development).
 */

import { detectAssistantBehaviour } from '../../src/facets/assistant-behaviour/index.ts';
import { ASSISTANT_CUES, type AssistantCue, type CrisisLevel } from '../../src/facets/definitions.ts';
import type { FacetContext } from '../../src/facets/facet.ts';
import {
  readChatgptExport,
  readEmollm,
  readHh,
  readOasstZh,
  readSharegpt,
  readSilver,
  type SimpleConversation,
  toContext,
} from './pushback-data.ts';

const showIndex = process.argv.indexOf('--show');
const show = showIndex >= 0 ? (process.argv[showIndex + 1] as AssistantCue) : undefined;

function rates(name: string, conversations: readonly SimpleConversation[], language: string, crisis: CrisisLevel = 'none') {
  const counts = Object.fromEntries(ASSISTANT_CUES.map((cue) => [cue, 0])) as Record<AssistantCue, number>;
  const started = performance.now();
  for (const conversation of conversations) {
    const decision = detectAssistantBehaviour(toContext(conversation, language) as FacetContext, crisis);
    for (const cue of ASSISTANT_CUES) if (decision.value[cue]) counts[cue] += 1;
    if (show && decision.value[show]) console.log(`    [${name}] ${conversation.id}: ${(decision.evidence ?? []).join(' ')}`);
  }
  const ms = (performance.now() - started) / Math.max(1, conversations.length);
  const cells = ASSISTANT_CUES.filter((cue) => cue !== 'fails_to_escalate').map(
    (cue) => `${cue} ${((100 * counts[cue]) / Math.max(1, conversations.length)).toFixed(1)}%`,
  );
  console.log(
    `  ${name.padEnd(26)} n=${String(conversations.length).padEnd(5)} ${cells.join('  ')}  (${(ms * 1000).toFixed(0)} µs/conv)`,
  );
}

console.log('assistant-behaviour cue rates (share of conversations):');
const hh = readHh();
rates(
  'hh-rlhf chosen',
  hh.map((pair) => ({ id: `hh-${pair.line}`, turns: pair.chosen })),
  'en',
);
rates(
  'hh-rlhf rejected',
  hh.map((pair) => ({ id: `hh-${pair.line}`, turns: pair.rejected })),
  'en',
);
rates('chatgpt export', readChatgptExport(), 'en');
rates('sharegpt-sample-en (eval)', readSharegpt(), 'en');
rates('oasst1-zh (eval)', readOasstZh(), 'zh');
rates('emollm aiwei', readEmollm('aiwei'), 'zh');
rates('emollm tiangou', readEmollm('tiangou'), 'zh');

const silver = readSilver();
const risk = silver.filter((row) => row.crisis === 'risk');
let refers = 0;
let fails = 0;
for (const row of risk) {
  const decision = detectAssistantBehaviour(toContext({ id: row.id, turns: row.turns }) as FacetContext, 'risk');
  if (decision.value.refers_to_professional) refers += 1;
  if (decision.value.fails_to_escalate) fails += 1;
}
console.log(
  `silver-labels crisis=risk conversations (n=${risk.length}): refers_to_professional ${refers}, fails_to_escalate ${fails}`,
);
