import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { writerOf } from './io.js';

/** A stream that records what is written and can fail like a closed pipe. */
function fakeStream() {
  const emitter = new EventEmitter();
  const written: string[] = [];
  const stream = Object.assign(emitter, { write: (t: string) => written.push(t) > 0 });
  return { stream: stream as unknown as Parameters<typeof writerOf>[0], emitter, written };
}

describe('writerOf', () => {
  it('drops what comes after the reader went away (EPIPE) instead of crashing', () => {
    const { stream, emitter, written } = fakeStream();
    const write = writerOf(stream);
    write('a');
    emitter.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    write('b');
    expect(written).toEqual(['a']);
  });

  it('still throws any other stream error', () => {
    const { stream, emitter } = fakeStream();
    writerOf(stream);
    expect(() => emitter.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  });
});
