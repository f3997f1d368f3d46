import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type JsonArrayItem, readJsonArray } from './read-json-array.ts';

/** Every case runs with these chunk sizes, so element, string and character boundaries fall everywhere. */
const CHUNK_SIZES = [1, 2, 7, 4096];

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const hasId = (value: unknown): value is { id: unknown } => typeof value === 'object' && value !== null && 'id' in value;

async function items(input: string | Buffer, chunkSize: number, maxElementBytes = 1 << 20): Promise<JsonArrayItem[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const out: JsonArrayItem[] = [];
  for await (const item of readJsonArray(chunked(bytes, chunkSize), { maxElementBytes, accept: hasId })) out.push(item);
  return out;
}

/** `v:<id>@start-end` (`!` when invalid UTF-8) for values, `e:<code>@start-end` for errors. */
function describeItem(item: JsonArrayItem): string {
  if (item.kind === 'error') return `e:${item.code}@${item.start}-${item.end}`;
  const label = hasId(item.value) ? String(item.value.id) : JSON.stringify(item.value);
  return `v:${label}@${item.start}-${item.end}${item.invalidUtf8 ? '!' : ''}`;
}

/** Runs the input through every chunk size and checks the same items come out each time. */
async function expectItems(input: string | Buffer, expected: string[], maxElementBytes?: number): Promise<JsonArrayItem[]> {
  let last: JsonArrayItem[] = [];
  for (const size of CHUNK_SIZES) {
    last = await items(input, size, maxElementBytes);
    assert.deepEqual(last.map(describeItem), expected, `chunk size ${size}`);
  }
  return last;
}

/** Byte offset of `needle` in `haystack` (asserting it is there). */
function at(haystack: string | Buffer, needle: string, from = 0): number {
  const index = Buffer.from(haystack).indexOf(needle, from);
  assert.ok(index >= 0, `${needle} not in input`);
  return index;
}

const span = (input: string, element: string) => `${at(input, element)}-${at(input, element) + Buffer.byteLength(element)}`;

describe('readJsonArray: long strings (the indexOf path)', () => {
  // Strings longer than the byte-by-byte stretch, with escaped quotes after runs of backslashes of
  // every parity, split at every chunk size around that stretch.
  const pieces = ['plain text ', '"', '\\', '\\"', '\\\\', 'x\\', '中文字符', '\n', '{[', ']}', ',', ' '];
  const values: { id: string; text: string }[] = [];
  for (let i = 0; i < 40; i++) {
    let text = '';
    for (let j = 0; j < 30; j++) text += pieces[(i * 7 + j * 3 + ((i * j) % 5)) % pieces.length]!.repeat(1 + ((i + j) % 4));
    values.push({ id: `s${i}`, text: i % 3 === 0 ? text + '\\'.repeat(i % 4) : text });
  }
  const input = JSON.stringify(values);

  it('finds every element, whatever the chunk size', async () => {
    for (const size of [1, 3, 23, 24, 25, 31, 64, 100, 1000, 1 << 20]) {
      const got = await items(input, size);
      assert.deepEqual(
        got.map((item) => (item.kind === 'value' ? item.value : item)),
        values,
        `chunk size ${size}`,
      );
      for (const item of got) {
        assert.equal(item.kind, 'value');
        assert.deepEqual(
          JSON.parse(Buffer.from(input).subarray(item.start, item.end).toString()),
          item.kind === 'value' && item.value,
        );
      }
    }
  });

  it('a long string whose closing quote is escaped: the damage is reported and the next element recovered', async () => {
    const broken = `[{"id":"a","t":"${'x'.repeat(100)}\\"},{"id":"b"}`;
    const b = at(broken, '{"id":"b"}');
    for (const size of [1, 24, 25, 4096]) {
      assert.deepEqual(
        (await items(broken, size)).map(describeItem),
        [`e:truncated@1-${b}`, `v:b@${b}-${b + 10}`, `e:truncated@${b + 10}-${b + 10}`],
        `chunk size ${size}`,
      );
    }
  });
});

describe('readJsonArray', () => {
  it('yields the elements of a plain array with their byte ranges', async () => {
    const input = '[{"id":"a"},{"id":"b","n":[1,2]}]';
    await expectItems(input, [`v:a@${span(input, '{"id":"a"}')}`, `v:b@${span(input, '{"id":"b","n":[1,2]}')}`]);
  });

  it('handles pretty-printed arrays and primitive elements', async () => {
    const input = '[\r\n  {"id": "a"} ,\n\t{ "id" : "b" }\n, 1, "x", null, true ]\n';
    await expectItems(input, [
      `v:a@${span(input, '{"id": "a"}')}`,
      `v:b@${span(input, '{ "id" : "b" }')}`,
      `v:1@${span(input, '1')}`,
      `v:"x"@${span(input, '"x"')}`,
      `v:null@${span(input, 'null')}`,
      `v:true@${span(input, 'true')}`,
    ]);
  });

  it('yields a single top-level object as the only element', async () => {
    const input = ' {"id":"only","list":[{"a":1}]} \n';
    const [item] = await expectItems(input, [`v:only@${span(input, '{"id":"only","list":[{"a":1}]}')}`]);
    assert.deepEqual(item?.kind === 'value' && item.value, { id: 'only', list: [{ a: 1 }] });
  });

  it('skips a UTF-8 byte-order mark, even one split across chunks', async () => {
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"id":"a"}]')]);
    await expectItems(input, ['v:a@4-14']);
    const single = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":"a"}')]);
    await expectItems(single, ['v:a@3-13']);
  });

  it('keeps multi-byte characters split across chunks intact', async () => {
    const input = '[{"id":"é","t":"你好, 世界 😀 ∑"},{"id":"b"}]';
    const result = await expectItems(input, [
      `v:é@${span(input, '{"id":"é","t":"你好, 世界 😀 ∑"}')}`,
      `v:b@${span(input, '{"id":"b"}')}`,
    ]);
    assert.deepEqual(result[0]?.kind === 'value' && result[0].value, { id: 'é', t: '你好, 世界 😀 ∑' });
  });

  it('is not fooled by brackets, separators and escaped quotes inside strings', async () => {
    const tricky = { id: 'a', t: 'x}]},{"id":"fake"} [{"id":"fake2"}] \\" \\', u: ['{', '}', ',{"', ']'] };
    const input = `[${JSON.stringify(tricky)},{"id":"b","t":"\\\\"}]`;
    const result = await expectItems(input, [
      `v:a@${span(input, JSON.stringify(tricky))}`,
      `v:b@${span(input, '{"id":"b","t":"\\\\"}')}`,
    ]);
    assert.deepEqual(result[0]?.kind === 'value' && result[0].value, tricky);
  });

  it('yields whole elements that hold nested arrays of objects', async () => {
    const first = '{"id":"a","nodes":[{"x":[{"y":1},{"y":[]}]},{"z":{"w":[[],[{}]]}}]}';
    const input = `[${first},{"id":"b"}]`;
    await expectItems(input, [`v:a@${span(input, first)}`, `v:b@${span(input, '{"id":"b"}')}`]);
  });

  it('yields nothing for an empty array', async () => {
    await expectItems('[]', []);
    await expectItems(' [ \n ] \n', []);
  });

  it('reports an empty file', async () => {
    await expectItems('', ['e:truncated@0-0']);
    await expectItems(' \n\t', ['e:truncated@0-3']);
  });

  it('reports a file that is not a JSON array or object, once', async () => {
    await expectItems('hello, world', ['e:not-json-container@0-0']);
    await expectItems('\n"just a string"', ['e:not-json-container@1-1']);
  });

  it('reports data after the closing bracket once and keeps the elements', async () => {
    const input = '[{"id":"a"}] trailing {"id":"b"}';
    await expectItems(input, ['v:a@1-11', `e:trailing-data@${at(input, 'trailing')}-${at(input, 'trailing')}`]);
    await expectItems('{"id":"a"}}', ['v:a@0-10', 'e:trailing-data@10-10']);
  });

  it('reports truncation inside an element with its offset and head text', async () => {
    const input = '[{"id":"a"},{"id":"b","t":"cut her';
    const result = await expectItems(input, ['v:a@1-11', `e:truncated@12-${input.length}`]);
    const error = result[1];
    assert.ok(error?.kind === 'error');
    assert.equal(error.headText, '{"id":"b","t":"cut her');
  });

  it('reports truncation between elements and before the closing bracket', async () => {
    await expectItems('[{"id":"a"},', ['v:a@1-11', 'e:truncated@12-12']);
    await expectItems('[{"id":"a"}', ['v:a@1-11', 'e:truncated@11-11']);
    await expectItems('{"id":"a",', ['e:truncated@0-10']);
  });

  it('recovers the elements swallowed by a missing closing brace', async () => {
    const input = '[{"id":"a","x":{"y":1},{"id":"b"},{"id":"c"}]';
    await expectItems(input, [
      `e:invalid-json@1-${at(input, '{"id":"b"}')}`,
      `v:b@${span(input, '{"id":"b"}')}`,
      `v:c@${span(input, '{"id":"c"}')}`,
    ]);
    const last = '[{"id":"a"},{"id":"b","x":{"y":1}]';
    await expectItems(last, ['v:a@1-11', `e:invalid-json@12-${last.length}`]);
  });

  it('recovers after a flipped quote', async () => {
    // `"t":"y"` → `"t":'y"`: string state inverts for the rest of the element.
    const input = `[{"id":"a"},{"id":"b","t":'y","z":[{"k":1}]},{"id":"c","t":"q"},{"id":"d"}]`;
    await expectItems(input, [
      'v:a@1-11',
      `e:truncated@12-${at(input, '{"id":"c"')}`, // the inverted string state never closes the element
      `v:c@${span(input, '{"id":"c","t":"q"}')}`,
      `v:d@${span(input, '{"id":"d"}')}`,
    ]);
    // A quote flipped into the id: the string swallows the following elements' structure.
    const swallowing = `[{"id":"a"},{"id":"b\\",'t':1},{"id":"c"},{"id":"d"}]`;
    const result = await items(swallowing, 7);
    assert.deepEqual(result.filter((item) => item.kind === 'value').map(describeItem), [
      `v:a@1-11`,
      `v:c@${span(swallowing, '{"id":"c"}')}`,
      `v:d@${span(swallowing, '{"id":"d"}')}`,
    ]);
    assert.equal(result.filter((item) => item.kind === 'error').length, 1);
  });

  it('recovers the element right after garbage between elements', async () => {
    const garbage = '[{"id":"a"}X{"id":"b"},{"id":"c"}]';
    await expectItems(garbage, ['v:a@1-11', 'e:invalid-json@11-12', 'v:b@12-22', 'v:c@23-33']);
    const brace = '[{"id":"a"}{{"id":"b"},{"id":"c"}]';
    await expectItems(brace, ['v:a@1-11', 'e:invalid-json@11-12', 'v:b@12-22', 'v:c@23-33']);
  });

  it('yields an element with invalid UTF-8 once, flagged, with replacement characters', async () => {
    const input = Buffer.concat([
      Buffer.from('[{"id":"a","t":"ok'),
      Buffer.from([0xff, 0xc3]),
      Buffer.from('"},{"id":"b","t":"é"}]'),
    ]);
    const result = await expectItems(input, ['v:a@1-22!', 'v:b@23-42']);
    assert.deepEqual(result[0]?.kind === 'value' && result[0].value, { id: 'a', t: 'ok\ufffd\ufffd' });
  });

  it('skips an element over maxElementBytes, whatever the chunk size, and goes on', async () => {
    // Its nested objects are stepped over because `accept` rejects them (the caller's check decides).
    const big = `{"id":"big","pad":"${'x'.repeat(100)}","n":[{"k":"nested"}]}`;
    const input = `[{"id":"a"},${big},{"id":"c"}]`;
    await expectItems(
      input,
      ['v:a@1-11', `e:element-too-large@12-${at(input, '{"id":"c"}')}`, `v:c@${span(input, '{"id":"c"}')}`],
      60,
    );
    // A single top-level object over the limit is the whole file.
    await expectItems(big, [`e:element-too-large@0-${big.length}`], 60);
  });
});
