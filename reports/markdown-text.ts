/** Markdown building blocks that survive any content: hostile titles, backticks in policies, pipes. */

/** Text outside code: CommonMark lets a backslash escape any ASCII punctuation; these are the ones that bite. */
export const mdText = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|#~]/g, '\\$&');

const longestBacktickRun = (s: string): number => Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));

/** Inline code that stays one span whatever backticks the content holds (CommonMark §6.1). */
export function mdCode(s: string, inTable = false): string {
  const flat = s.replace(/\r?\n/g, ' ');
  const ticks = '`'.repeat(longestBacktickRun(flat) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  // A `|` closes a table cell even inside a code span on GitHub; escaping it is honoured there.
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** A fenced block longer than any backtick run inside, so a policy value cannot close it. */
export function mdFence(content: string, lang = ''): string {
  const ticks = '`'.repeat(Math.max(3, longestBacktickRun(content) + 1));
  return `${ticks}${lang}\n${content}\n${ticks}`;
}

/** A GitHub table; cells are given already formatted (escape with mdText or mdCode first). */
export function mdTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  /** Numbers read best right-aligned; label/value tables left. */
  align: 'numbers' | 'left' = 'numbers',
): string {
  const line = (cells: readonly (string | number)[]): string => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, i) => (i === 0 || align === 'left' ? '---' : '---:'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

export const prettyJson = (v: unknown): string => JSON.stringify(v, null, 2) ?? 'undefined';
