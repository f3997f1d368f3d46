/**
 * Local HTTP servers started by the tests on 127.0.0.1:0 — an OpenAI-compatible one
 * (/v1/chat/completions, /v1/embeddings) and an Anthropic-shaped one (/v1/messages) — answering from
 * the fake labeller, recording every raw request body, and injecting faults on request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeAnswer } from './fake-labeller.ts';

export type Fault = 'ok' | '429' | '500' | 'timeout' | 'garbage';

export interface FakeServer {
  /** Base URL: http://127.0.0.1:PORT (append /v1 for the OpenAI SDK). */
  url: string;
  bodies: string[];
  faults: Record<Fault, number>;
  close(): Promise<void>;
}

function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function answerFor(kind: 'openai' | 'anthropic', body: Record<string, unknown>, text: string) {
  const usage = { input: Math.ceil(JSON.stringify(body).length / 4), output: Math.ceil(text.length / 4) };
  if (kind === 'anthropic') {
    return {
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model: body.model,
      content: [{ type: 'text', text }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: usage.input, output_tokens: usage.output },
    };
  }
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeServer(
  kind: 'openai' | 'anthropic',
  fault: (requestNumber: number) => Fault = () => 'ok',
): Promise<FakeServer> {
  const bodies: string[] = [];
  const faults: Record<Fault, number> = { ok: 0, '429': 0, '500': 0, timeout: 0, garbage: 0 };
  const server = createServer(async (request, response) => {
    const raw = await readBody(request);
    bodies.push(raw);
    const body = JSON.parse(raw) as Record<string, unknown>;
    if (request.url === '/v1/embeddings') {
      const input = body.input as string[];
      return reply(response, 200, {
        object: 'list',
        data: input.map((text, index) => ({ object: 'embedding', index, embedding: [text.length, 1, 0] })),
        model: body.model,
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    }
    const chosen = fault(bodies.length);
    faults[chosen] += 1;
    if (chosen === '429') return reply(response, 429, { error: { message: 'slow down' } }, { 'retry-after': '0' });
    if (chosen === '500') return reply(response, 500, { error: { message: 'boom' } });
    if (chosen === 'timeout') return; // never answers; the client's timeout fires
    const messages = body.messages as { role: string; content: string }[];
    const system = kind === 'anthropic' ? String(body.system) : String(messages[0]?.content);
    const firstUser = messages.find((message) => message.role === 'user')?.content ?? '';
    const text = chosen === 'garbage' ? 'Sure! here are labels: {content_creation: maybe' : fakeAnswer(system, firstUser);
    reply(response, 200, answerFor(kind, body, text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    faults,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A seeded fault schedule: about `rate` of requests fail, cycling through the fault kinds. */
export function faultSchedule(rate: number, seed = 7): (n: number) => Fault {
  const kinds: Fault[] = ['429', '500', 'timeout', 'garbage'];
  return (n) => {
    const x = Math.sin(n * 12.9898 + seed) * 43758.5453;
    const draw = x - Math.floor(x);
    return draw < rate ? (kinds[n % kinds.length] as Fault) : 'ok';
  };
}
