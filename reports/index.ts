/**
 * Report writers: every run leaves a folder a person (summary.md, index.html), a CI server (junit.xml),
 * a program (report.json) and the regression corpus (divergences/*.json) can each read.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunReport } from '../harness/results.js';
import { divergenceFileNames, failureToVectorFile } from './divergence.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { InvalidReportError, reportSchemaErrors } from './schema.js';

export { reportSchemaErrors, reportSchemaPath, InvalidReportError } from './schema.js';
export { defaultReportDir, summaryLine } from './summary-line.js';

export const DIVERGENCES_DIR = 'divergences';

/**
 * Writes report.json, summary.md, index.html, junit.xml and divergences/*.json into `dir` (created if
 * needed; divergence files of an earlier run in the same folder are removed so none is stale).
 * The report is checked against report.schema.json first: an invalid report is a bug, so this throws
 * InvalidReportError and writes nothing. Resolves to the paths written.
 */
export async function writeReportFolder(report: RunReport, dir: string): Promise<string[]> {
  // Validate what will be on disk: the JSON round trip drops `undefined` fields as writing does.
  const json = JSON.stringify(report, null, 2);
  const errors = reportSchemaErrors(JSON.parse(json));
  if (errors) throw new InvalidReportError(errors);

  const names = divergenceFileNames(report.failures);
  const relative = new Map([...names].map(([f, name]) => [f, `${DIVERGENCES_DIR}/${name}`]));
  const divergenceDir = join(dir, DIVERGENCES_DIR);
  await mkdir(divergenceDir, { recursive: true });
  for (const old of await readdir(divergenceDir)) {
    if (old.endsWith('.json')) await rm(join(divergenceDir, old), { force: true });
  }

  const written: string[] = [];
  const put = async (name: string, text: string): Promise<void> => {
    const path = join(dir, name);
    await writeFile(path, text, 'utf8');
    written.push(path);
  };
  await put('report.json', `${json}\n`);
  await put('summary.md', renderMarkdown(report, { files: relative, dir }));
  await put('index.html', renderHtml(report, { files: relative, dir }));
  await put('junit.xml', renderJunit(report, relative));
  const meta = {
    foundAt: report.startedAt,
    evaluator: report.evaluator.spec,
    ...(report.seed === undefined ? {} : { seed: report.seed }),
  };
  for (const [failure, name] of relative) {
    await put(name, `${JSON.stringify(failureToVectorFile(failure, meta), null, 2)}\n`);
  }
  return written;
}
