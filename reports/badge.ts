/**
 * A badge per evaluator, `iam-conformance | 96.7%`, drawn like shields.io's flat badges (20 px high,
 * grey label, coloured value, Verdana 11 px with a shadow) so it sits among the badges people already
 * embed in READMEs. Plain SVG: no fonts, scripts or links.
 */
import { percent } from '../harness/score.js';
import { slug } from './divergence.js';

/** Colour of a share, in shields' scale (brightgreen … red; lightgrey when there is no score). */
export function badgeColour(share: number | null): string {
  if (share === null) return '#9f9f9f';
  if (share >= 0.99) return '#4c1';
  if (share >= 0.95) return '#97ca00';
  if (share >= 0.9) return '#a4a61d';
  if (share >= 0.8) return '#dfb317';
  if (share >= 0.6) return '#fe7d37';
  return '#e05d44';
}

/** Approximate Verdana 11 px advance widths, enough to size the two halves as shields does. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[mw%MW]/.test(ch) ? 10 : /[il.:|]/.test(ch) ? 3.5 : /[frtj-]/.test(ch) ? 4.5 : /[A-Z0-9]/.test(ch) ? 7.5 : 6.7;
  return Math.ceil(w);
}

const escXml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The SVG text of a badge; `label` defaults to the tool's name. */
export function renderBadge(share: number | null, label = 'iam-conformance'): string {
  const value = percent(share);
  const [lw, vw] = [textWidth(label) + 10, textWidth(value) + 10];
  const width = lw + vw;
  const text = (x: number, s: string, w: number) =>
    `<text x="${x * 10}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="${(w - 10) * 10}">${escXml(s)}</text>` +
    `<text x="${x * 10}" y="140" transform="scale(.1)" fill="#fff" textLength="${(w - 10) * 10}">${escXml(s)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${escXml(label)}: ${escXml(value)}">`,
    `<title>${escXml(label)}: ${escXml(value)}</title>`,
    '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${badgeColour(share)}"/><rect width="${width}" height="20" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">`,
    text(lw / 2, label, lw),
    text(lw + vw / 2, value, vw),
    '</g></svg>',
    '',
  ].join('\n');
}

/** `badges/<evaluator>.svg`, file-name safe. */
export const badgeFileName = (evaluatorName: string): string => `${slug(evaluatorName, 60, 'evaluator')}.svg`;
