import { SENTIMENT_CHANGE_MIN_USER_MESSAGES, type Sentiment } from '../definitions.ts';

/**
 * Mean of the last three user sentiments minus the mean of the first three, only when there are at
 * least 6 user messages (so the two windows never overlap); otherwise null.
 */
export function sentimentChange(values: readonly Sentiment[]): number | null {
  if (values.length < SENTIMENT_CHANGE_MIN_USER_MESSAGES) return null;
  const mean = (window: readonly number[]) => window.reduce((a, b) => a + b, 0) / window.length;
  const change = mean(values.slice(-3)) - mean(values.slice(0, 3));
  // Means of thirds: round away float noise (0.1 + 0.2 …) so equal inputs give equal outputs.
  return Math.round(change * 1e6) / 1e6;
}
