/**
 * Writes every ingest event (conversations with their redacted texts, issues, file events) as JSON
 * lines, with a fixed participant key: a byte-for-byte reference for changes that must not change
 * output (`cmp` two runs). Also reports the time spent in redaction per message.
 *
 *   node --import tsx scripts/ingest-golden.ts --out /tmp/golden/corpus.jsonl PATH…
 *   node --import tsx scripts/ingest-golden.ts --redaction-only PATH…   # µs per message of redact() alone
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { ingest } from '../src/ingest/ingest.ts';
import { createRedactor } from '../src/privacy/redact.ts';

const KEY = Buffer.alloc(32, 9);

async function golden(paths: string[], out: string): Promise<void> {
  const stream = createWriteStream(out);
  const redactor = createRedactor();
  let redactNs = 0n;
  let redactCalls = 0;
  const redact = (text: string) => {
    const started = process.hrtime.bigint();
    const result = redactor.redact(text);
    redactNs += process.hrtime.bigint() - started;
    redactCalls += 1;
    return result;
  };
  const started = performance.now();
  let conversations = 0;
  for await (const event of ingest(paths, { participantKey: KEY, redact })) {
    let line: unknown;
    if (event.kind === 'files') line = { kind: 'files', files: event.files.map((f) => f.displayPath), ignored: event.ignored };
    else if (event.kind === 'file-start' || event.kind === 'file-end' || event.kind === 'file-skipped') {
      line = { ...event, file: event.file.displayPath };
    } else line = event;
    if (event.kind === 'conversation') conversations += 1;
    if (!stream.write(`${JSON.stringify(line)}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      conversations,
      seconds: Number(seconds.toFixed(2)),
      redactCalls,
      redactSeconds: Number((Number(redactNs) / 1e9).toFixed(2)),
      usPerCall: Number((Number(redactNs) / 1e3 / Math.max(1, redactCalls)).toFixed(2)),
    })}\n`,
  );
}

/** Collects every message text without redaction, then times redact() alone over them. */
async function redactionOnly(paths: string[], repeats: number): Promise<void> {
  const texts: string[] = [];
  for await (const event of ingest(paths, { participantKey: KEY, redact: false })) {
    if (event.kind !== 'conversation') continue;
    for (const message of event.conversation.messages) texts.push(message.text);
    if (event.conversation.title !== undefined) texts.push(event.conversation.title);
  }
  for (let r = 0; r < repeats; r++) {
    const redactor = createRedactor();
    const started = performance.now();
    const cpu = process.cpuUsage();
    let changed = 0;
    for (const text of texts) if (redactor.redact(text).text !== text) changed += 1;
    const ms = performance.now() - started;
    const cpuUs = process.cpuUsage(cpu);
    process.stdout.write(
      `${JSON.stringify({
        texts: texts.length,
        changed,
        seconds: Number((ms / 1000).toFixed(2)),
        usPerText: Number(((ms * 1000) / texts.length).toFixed(2)),
        cpuUsPerText: Number(((cpuUs.user + cpuUs.system) / texts.length).toFixed(2)),
      })}\n`,
    );
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    'redaction-only': { type: 'boolean', default: false },
    repeats: { type: 'string', default: '2' },
  },
});
if (values['redaction-only']) await redactionOnly(positionals, Number(values.repeats));
else if (values.out) await golden(positionals, values.out);
else {
  console.error('usage: ingest-golden.ts (--out FILE | --redaction-only) PATH…');
  process.exit(2);
}
