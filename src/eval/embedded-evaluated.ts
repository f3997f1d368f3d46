/**
 * The real embedded backend behind the harness's `Evaluated` view. `npm run eval` uses this and
 * nothing else; unit tests never import it (they use a hand-written fake).
 */
import { createEmbeddedBackend } from '../facets/embedded-backend.ts';
import type { Evaluated } from './types.ts';

export async function embeddedEvaluated(): Promise<Evaluated> {
  const backend = await createEmbeddedBackend();
  return {
    id: backend.id,
    classify: (conversation) => backend.classifySync(conversation),
    message: (text) => backend.messageFacets(text),
    isRefusal: (assistantText, userText) => backend.parts.pushback.isRefusal(assistantText, userText).value,
    crisisLevelOfText: (text) => backend.parts.crisis.levelOfText(text),
  };
}
