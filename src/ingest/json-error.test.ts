import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeJsonError } from './json-error.ts';

it('JSON error descriptions never quote the input', () => {
  const secret = 'this is my secret diary entry';
  for (const bad of [secret, `{"a": ${secret}}`, `{"a": "${secret}"`, `["${secret}", }`]) {
    try {
      JSON.parse(bad);
      assert.fail('should not parse');
    } catch (error) {
      const description = describeJsonError(error);
      assert.ok(!description.includes('secret') && !description.includes('this'), description);
      assert.match(description, /^JSON/);
    }
  }
});
