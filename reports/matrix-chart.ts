/**
 * Each evaluator's score over its versions, from the history file, as an inline SVG line chart: one
 * line per evaluator, one point per history line, placed by the rank of its date among all the dates of
 * the history (so every evaluator shares one time axis) and labelled with the evaluator's version. No
 * script: the numbers are in each point's title.
 */
import { percent } from '../harness/score.js';
import { esc } from './html.js';
import type { HistoryEntry } from './matrix-history.js';

const PALETTE = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bc4c00', '#57606a', '#bf3989', '#116329'];
const [W, H, LEFT, TOP, BOTTOM, RIGHT] = [820, 270, 44, 20, 28, 240];

export function historyChart(history: readonly HistoryEntry[]): string {
  const series = new Map<string, HistoryEntry[]>();
  for (const e of history) if (e.share !== null) series.set(e.evaluator.name, [...(series.get(e.evaluator.name) ?? []), e]);
  if (series.size === 0) return '<p>No history yet: run <code>compare --history FILE</code> to keep one.</p>';
  const dates = [...new Set(history.map((e) => e.date))].sort();
  const rank = new Map(dates.map((d, i) => [d, i]));
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const x = (date: string) => LEFT + (dates.length === 1 ? plotW / 2 : ((rank.get(date) ?? 0) * plotW) / (dates.length - 1));
  const y = (share: number) => TOP + (1 - share) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((g) => `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${y(g)}" y2="${y(g)}" stroke="#d0d7de"/><text x="${LEFT - 6}" y="${y(g) + 4}" text-anchor="end">${g * 100}%</text>`)
    .join('');
  const lines = [...series.entries()]
    .map(([name, points], k) => {
      const colour = PALETTE[k % PALETTE.length] as string;
      const xy = points.map((p) => [x(p.date), y(p.share as number)] as const);
      const dots = points
        .map((p, i) => {
          const [px, py] = xy[i] as readonly [number, number];
          const label = p.evaluator.version ?? p.date.slice(0, 10);
          const tag = p.evaluator.version !== undefined ? `<text x="${px}" y="${py - 7}" text-anchor="middle" fill="${colour}">${esc(p.evaluator.version)}</text>` : '';
          return `<circle cx="${px}" cy="${py}" r="3.5" fill="${colour}"><title>${esc(`${name} ${label}: ${percent(p.share)} (${p.agreed}/${p.required}), corpus ${p.corpus}, tool ${p.tool}, ${p.date}`)}</title></circle>${tag}`;
        })
        .join('');
      const legendY = TOP + 14 + k * 18;
      return [
        `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${xy.map(([a, b]) => `${a},${b}`).join(' ')}"/>`,
        dots,
        `<rect x="${W - RIGHT + 16}" y="${legendY - 9}" width="10" height="10" fill="${colour}"/><text x="${W - RIGHT + 32}" y="${legendY}">${esc(name)} ${esc(percent(points.at(-1)?.share ?? null))}</text>`,
      ].join('');
    })
    .join('\n');
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="score history">${grid}\n${lines}<text x="${LEFT}" y="${H - 8}">${esc(dates[0]?.slice(0, 10) ?? '')}</text><text x="${LEFT + plotW}" y="${H - 8}" text-anchor="end">${esc(dates.at(-1)?.slice(0, 10) ?? '')}</text></svg>`;
}
