import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs (`apt-get install chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The screenshots the README links to. */
export const ARTIFACTS = join(__dirname, '..', 'artifacts', 'console');

/** A browser, its page (Spanish, 1280×900), and every error its console showed. */
export interface ConsoleBrowser {
  browser: Browser;
  page: Page;
  consoleErrors: string[];
}

/**
 * Debian's Chromium, headless, with a page that records what the browser's console reports
 * as an error (a CSP violation, a script error, a failed request): the specs expect none.
 */
export async function openConsoleBrowser(): Promise<ConsoleBrowser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ locale: 'es-ES', viewport: { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { browser, page, consoleErrors };
}

let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's WCAG 2 A and AA rules over the page as it is now. axe is evaluated through the
 * DevTools protocol rather than added as a `<script>`: the console's Content-Security-Policy
 * refuses inline scripts, and the tests keep it on.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    "axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })" +
      '.then((result) => result.violations)',
  );
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
