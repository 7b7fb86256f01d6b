import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { createProgress } from './progress.js';

const capture = (interactive = false) => {
  const err: string[] = [];
  const io: CliIo = { stdout: () => {}, stderr: (t) => void err.push(t), interactive, cwd: '.', env: {} };
  return { io, err };
};

describe('progress', () => {
  it('prints plain lines at each quarter when not on a terminal', () => {
    const { io, err } = capture();
    const p = createProgress(io);
    p.start('vectors', 0);
    for (let i = 0; i <= 8; i++) p.update(i, 8);
    p.stop();
    expect(err.join('')).toBe('vectors: 8 to run\nvectors: 2/8\nvectors: 4/8\nvectors: 6/8\nvectors: done\n');
  });

  it('ends a phase with what it did', () => {
    const { io, err } = capture();
    const p = createProgress(io);
    p.start('differential [default]', 2);
    p.update(2, 2);
    p.stop('2 cases: 1 agree, 1 expected');
    expect(err.join('')).toBe('differential [default]: 2 to run\ndifferential [default]: done — 2 cases: 1 agree, 1 expected\n');
  });

  it('prints nothing when quiet', () => {
    const { io, err } = capture();
    const p = createProgress(io, { quiet: true });
    p.start('x', 10);
    p.update(10);
    p.stop();
    expect(err).toEqual([]);
  });
});
