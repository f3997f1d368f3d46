/**
 * A local OpenAI-compatible server for the LLM topics tests, on 127.0.0.1:0: /v1/embeddings answers a
 * bag of words hashed into a small vector (deterministic from the text, so planted themes separate),
 * /v1/chat/completions answers the naming and audit prompts from the test's `name` / `rate`, and any
 * other prompt (the facet prompts) from the fake labeller. Every request is recorded.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeAnswer } from '../../testing/fake-labeller.ts';
import { AUDIT_PROMPT, INSIDE_HEADER, NAMING_PROMPT, OUTSIDE_HEADER } from '../prompts.ts';

export const EMBEDDING_DIMENSION = 64;

const STOPWORDS = new Set(['the', 'user', 'and', 'with', 'about', 'their', 'they', 'talked', 'through', 'sought', 'support']);

/** Lower-case words of 3+ letters, minus a few function words, hashed (FNV-1a) into EMBEDDING_DIMENSION counts. */
export function hashedBagOfWords(text: string): number[] {
  const vector = new Array<number>(EMBEDDING_DIMENSION).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
    if (STOPWORDS.has(word)) continue;
    let hash = 2166136261;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619) >>> 0;
    vector[hash % EMBEDDING_DIMENSION] = (vector[hash % EMBEDDING_DIMENSION] as number) + 1;
  }
  return vector;
}

export interface RecordedRequest {
  url: string;
  body: Record<string, unknown>;
  raw: string;
  /** 'embeddings' | 'naming' | 'audit' | 'facets' */
  kind: string;
}

export interface FakeTopicsServer {
  /** Base URL with /v1, for the OpenAI SDK. */
  baseURL: string;
  requests: RecordedRequest[];
  /** The name for a cluster from its inside and outside summaries; null answers garbage. */
  name: (inside: string[], outside: string[]) => string | null;
  /** The auditor's rating of a label; null answers garbage. */
  rate: (label: string) => number | null;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The `- summary` lines of a naming request, inside and outside. */
export function namingSamples(content: string): { inside: string[]; outside: string[] } {
  const lines = content.split('\n');
  const split = lines.indexOf(OUTSIDE_HEADER);
  const items = (part: string[]) => part.filter((line) => line.startsWith('- ')).map((line) => line.slice(2));
  return { inside: items(lines.slice(lines.indexOf(INSIDE_HEADER) + 1, split)), outside: items(lines.slice(split + 1)) };
}

export async function startFakeTopicsServer(
  name: FakeTopicsServer['name'],
  rate: FakeTopicsServer['rate'] = () => 5,
): Promise<FakeTopicsServer> {
  const requests: RecordedRequest[] = [];
  const state = { name, rate };
  const server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const body = JSON.parse(raw) as Record<string, unknown>;
    const send = (payload: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    if (request.url === '/v1/embeddings') {
      requests.push({ url: request.url, body, raw, kind: 'embeddings' });
      const input = body.input as string[];
      return send({
        object: 'list',
        data: input.map((text, index) => ({ object: 'embedding', index, embedding: hashedBagOfWords(text) })),
        model: body.model,
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    }
    const messages = body.messages as { role: string; content: string }[];
    const system = String(messages[0]?.content);
    const content = messages.find((message) => message.role === 'user')?.content ?? '';
    let text: string;
    let kind = 'facets';
    if (system === NAMING_PROMPT.system) {
      kind = 'naming';
      const { inside, outside } = namingSamples(content);
      const chosen = state.name(inside, outside);
      text = chosen === null ? 'a cluster about things' : JSON.stringify({ name: chosen });
    } else if (system === AUDIT_PROMPT.system) {
      kind = 'audit';
      const label = JSON.parse(content.replace(/^Topic label: /, '')) as string;
      const rating = state.rate(label);
      text = rating === null ? 'rating: fine' : JSON.stringify({ rating });
    } else text = fakeAnswer(system, content);
    requests.push({ url: request.url ?? '', body, raw, kind });
    send({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil(text.length / 4), total_tokens: 0 },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get name() {
      return state.name;
    },
    set name(value) {
      state.name = value;
    },
    get rate() {
      return state.rate;
    },
    set rate(value) {
      state.rate = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
