import { describe, expect, it } from 'vitest';
import { claimNext, type QueueData } from './workers.js';

describe('claimNext', () => {
  it('hands out each planned run once, in the given order, then nothing', () => {
    const queue: QueueData = { order: [2, 0, 1], claims: new SharedArrayBuffer(8) };
    expect([claimNext(queue), claimNext(queue), claimNext(queue), claimNext(queue)]).toEqual([2, 0, 1, undefined]);
  });

  it('hands out nothing more once a thread has failed', () => {
    const queue: QueueData = { order: [0, 1], claims: new SharedArrayBuffer(8) };
    expect(claimNext(queue)).toBe(0);
    Atomics.store(new Int32Array(queue.claims), 1, 1);
    expect(claimNext(queue)).toBeUndefined();
  });
});
