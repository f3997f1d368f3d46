/**
 * A deterministic fake labeller standing in for a model: it reads the prompt group from the system
 * prompt and the message indexes from the request, and answers valid JSON for it ("sad" → counseling,
 * sentiment −0.5). Used by the local test servers.
 */

function indexes(content: string, role?: string): number[] {
  return [...content.matchAll(/^\[(\d+)\] (user|assistant):/gm)]
    .filter((match) => role === undefined || match[2] === role)
    .map((match) => Number(match[1]));
}

function lineOf(content: string, index: number): string {
  return content.split('\n').find((line) => line.startsWith(`[${index}] `)) ?? '';
}

export function fakeAnswer(system: string, content: string): string {
  if (system.includes('Only the user messages are shown')) {
    return JSON.stringify({
      messages: indexes(content).map((index) => ({
        index,
        sentiment: /sad/i.test(lineOf(content, index)) ? -0.5 : 0,
        emotional_disclosure: /feel/i.test(lineOf(content, index)),
        informational_disclosure: false,
      })),
    });
  }
  if (system.includes('"pushback_at"')) {
    return JSON.stringify({
      pushback: false,
      pushback_at: null,
      assistant: {
        claims_feelings: false,
        reciprocates_romance: false,
        encourages_reliance: false,
        discourages_human_support: false,
        refers_to_professional: false,
        fails_to_escalate: false,
      },
    });
  }
  const affective = /sad|lonely|anxious/i.test(content) ? ['counseling'] : [];
  return JSON.stringify({
    content_creation: false,
    affective,
    crisis: affective.length > 0 ? 'distress' : 'none',
    anthropomorphism: false,
    summary: affective.length > 0 ? 'The user sought support for low mood and loneliness.' : null,
    ...(content.includes('This conversation is long') ? { affective_first_third: affective, affective_last_third: [] } : {}),
  });
}
