/** Small exports written by the tests themselves (from the public formats), in a temp folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'affectlens-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A ChatGPT-format conversation with `turns` user/assistant pairs on a single branch. */
export function chatgptConversation(id: string, turns: number, text = (i: number) => `message ${i}`) {
  const mapping: Record<string, unknown> = { root: { id: 'root', parent: null, children: ['m0'], message: null } };
  let parent = 'root';
  for (let i = 0; i < turns * 2; i++) {
    const nodeId = `m${i}`;
    mapping[nodeId] = {
      id: nodeId,
      parent,
      children: i + 1 < turns * 2 ? [`m${i + 1}`] : [],
      message: {
        id: nodeId,
        author: { role: i % 2 === 0 ? 'user' : 'assistant' },
        create_time: 1704067200 + i * 60,
        content: { content_type: 'text', parts: [text(i)] },
        metadata: {},
        recipient: 'all',
      },
    };
    parent = nodeId;
  }
  return { id, title: `title ${id}`, create_time: 1704067200, current_node: parent, mapping };
}

export function writeChatgptExport(folder: string, name: string, count: number, turns = 2): string {
  const file = path.join(folder, name);
  const conversations = Array.from({ length: count }, (_, i) => chatgptConversation(`conv-${i}`, turns));
  writeFileSync(file, JSON.stringify(conversations));
  return file;
}
