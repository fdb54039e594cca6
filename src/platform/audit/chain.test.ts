import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { LineMac } from './chain.ts';
import { inShare } from './chain-walk.ts';
import { sharesOf } from './verify-threads.ts';

test('the line MAC is HMAC-SHA-256, for any length of input and any key up to a block', () => {
  for (const keyLength of [0, 1, 32, 64]) {
    const key = randomBytes(keyLength);
    const mac = new LineMac(key);
    // Lengths around the block size and past the buffer the MAC starts with, in both orders, so
    // that a longer input followed by a shorter one proves nothing stale is hashed.
    for (const [prevLength, contentLength] of [
      [32, 0],
      [32, 1],
      [32, 55],
      [32, 56],
      [32, 64],
      [32, 330],
      [0, 2000],
      [70, 31],
      [5, 448],
      [32, 300],
    ] as const) {
      const prev = randomBytes(prevLength);
      const content = randomBytes(contentLength);
      const expected = createHmac('sha256', key).update(prev).update(content).digest();
      assert.deepEqual(
        mac.of(prev, content),
        expected,
        `${keyLength}/${prevLength}/${contentLength}`,
      );
    }
  }
  assert.throws(() => new LineMac(randomBytes(65)), RangeError);
});

test('threads share the segments in ranges of about equal lines, every segment in one range', () => {
  const head = (seq: number) => ({ seq, hash: Buffer.alloc(32) });
  const frame = (seqs: number[]) => ({
    heads: new Map(seqs.map((seq, segment) => [segment, head(seq)])),
    checkpoints: new Map(),
  });
  const even = sharesOf(frame(Array(16).fill(1000)), 2);
  assert.deepEqual(even, [
    { from: null, below: 8 },
    { from: 8, below: null },
  ]);
  const uneven = sharesOf(frame([9000, 100, 100, 100, 100, 100, 100, 100, 100, 100]), 3);
  assert.equal(uneven[0]?.from, null);
  assert.equal(uneven.at(-1)?.below, null);
  for (let segment = -5; segment < 40; segment++) {
    assert.equal(uneven.filter((share) => inShare(share, segment)).length, 1, `segment ${segment}`);
  }
  assert.deepEqual(sharesOf(frame([5]), 4), [{ from: null, below: null }]);
});
