import cliProgress from 'cli-progress';
import type { Progress } from '../harness/run-suites.js';
import type { CliIo } from './io.js';


export interface ProgressOptions {
  /** Nothing at all is printed. */
  readonly quiet?: boolean;
  /** Plain lines at these fractions of a phase (non-interactive). @defaultValue [0.25, 0.5, 0.75] */
  readonly steps?: readonly number[];
}

/**
 * A cli-progress bar when a person watches (io.interactive), plain lines on stderr otherwise (CI logs:
 * a start line, a line at each quarter, a done line — deterministic, not timed), nothing when quiet.
 */
export function createProgress(io: CliIo, options: ProgressOptions = {}): Progress {
  if (options.quiet) return { start() {}, update() {}, stop() {} };
  return io.interactive ? barProgress(io) : lineProgress(io, options.steps ?? [0.25, 0.5, 0.75]);
}

function barProgress(io: CliIo): Progress {
  const bar = new cliProgress.SingleBar(
    { format: '{label} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  let label = '';
  return {
    start(l, total) {
      if (running) bar.stop();
      label = l;
      bar.start(total, 0, { label });
      running = true;
    },
    update(done, total) {
      if (total !== undefined) bar.setTotal(total);
      bar.update(done);
    },
    stop(summary) {
      if (running) bar.stop();
      // The bar clears itself; what the phase did stays as one line.
      if (running) io.stderr(`${label}: ${summary ?? 'done'}\n`);
      running = false;
    },
  };
}

function lineProgress(io: CliIo, steps: readonly number[]): Progress {
  let label = '';
  let total = 0;
  let next = 0;
  let open = false;
  let announced = false;
  const announce = () => {
    if (open && !announced && total > 0) io.stderr(`${label}: ${total} to run\n`);
    announced ||= total > 0;
  };
  return {
    start(l, t) {
      [label, total, next, open, announced] = [l, t, 0, true, false];
      announce();
    },
    update(done, t) {
      if (t !== undefined) total = t;
      announce();
      while (open && next < steps.length && total > 0 && done >= (steps[next] as number) * total && done < total) {
        io.stderr(`${label}: ${done}/${total}\n`);
        next++;
      }
    },
    stop(summary) {
      if (open && announced) io.stderr(`${label}: done${summary ? ` — ${summary}` : ''}\n`);
      open = false;
    },
  };
}
