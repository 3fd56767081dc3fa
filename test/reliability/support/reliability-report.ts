import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { readFigures, ReliabilityFigure } from './reliability-figures';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** RELIABILITY.md: the table of guarantees, written from the suites' saved figures. */
export function reliabilityMarkdown(figures: readonly ReliabilityFigure[]): string {
  const rows = figures.map((figure) =>
    [figure.guarantee, `\`${figure.test}\``, figure.figure, `${figure.storage}, ${figure.ranAt}`]
      .map(escapeCell)
      .join(' | '),
  );
  return [
    '# Reliability',
    '',
    'What the service promises under concurrency, crashes, hostile input and unauthorised',
    'access, each shown by a suite of `npm run test:reliability`. This file is generated: every',
    'suite saves its figures in `test/reliability/results/*.json` and the run regenerates the',
    'table (`npm run reliability:report` does it without running the suites).',
    '',
    '| guarantee | test | figure (last run) | run on |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}

/** Regenerates RELIABILITY.md, formatted as `prettier --check` expects it. */
export async function writeReliabilityReport(
  path = join(__dirname, '..', '..', '..', 'RELIABILITY.md'),
): Promise<void> {
  const options = await resolveConfig(path);
  const markdown = await format(reliabilityMarkdown(readFigures()), {
    ...options,
    filepath: path,
  });
  writeFileSync(path, markdown);
}
