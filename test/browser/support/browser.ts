import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/**
 * Browser tests drive Debian's chromium (installed by .ci/run when missing; the machine has no
 * network, so no browser download) with playwright-core, against a real stack serving the built UI.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const screenshotDir = path.join(root, 'test-results', 'screenshots');

/**
 * Skip only on a developer machine without chromium, loudly; in CI (CI set) the tests run and
 * fail if chromium is missing, because .ci/run installs it.
 */
export const skipBrowser = !existsSync(chromiumPath) && !process.env.CI;
if (skipBrowser) {
  process.stderr.write(
    `\n${'!'.repeat(78)}\n!! browser tests SKIPPED: no chromium at ${chromiumPath}.\n!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH; CI installs it and never skips.\n${'!'.repeat(78)}\n\n`,
  );
}

const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  /** A new tab; each tab has its own sessionStorage, so its own signed-in user. */
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** Headless chromium with a fresh profile (user-data-dir) of its own, removed at close. */
export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cxgov-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: flags,
    viewport: { width: 1360, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(20_000);
  return {
    context,
    page: async () => {
      const page = await context.newPage();
      page.on('pageerror', (err) => process.stderr.write(`browser page error: ${err.message}\n`));
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The browser globals that page.evaluate callbacks use (the root tsconfig has no DOM library:
 * these callbacks run in the page, the rest of the test in Node).
 */
export interface PageGlobals {
  localStorage: { setItem(key: string, value: string): void; getItem(key: string): string | null };
  sessionStorage: { getItem(key: string): string | null };
  document: { documentElement: { lang: string } };
  axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
}

/** Signs in through the sign-in page's demo-user picker (POST /api/v1/dev/tokens). */
export async function signIn(page: Page, baseUrl: string, userId: string, locale: 'en' | 'zh' = 'en'): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.evaluate((l) => (globalThis as unknown as PageGlobals).localStorage.setItem('cxgov.locale', l), locale);
  await page.reload();
  await page.locator(`button[data-user="${userId}"]`).click();
  await page.waitForURL(/\/inbox$/);
}

/**
 * Chooses a month (`YYYY-MM`) in the month picker inside `scope` (web/src/components/MonthPicker.tsx):
 * the year, then the month; returns the two options' shown texts (in the page's language).
 */
export async function chooseMonth(scope: Page | Locator, month: string): Promise<{ year: string; month: string }> {
  const picker = scope.locator('.month-picker').first();
  await picker.locator('select[data-part="year"]').selectOption(month.slice(0, 4));
  await picker.locator('select[data-part="month"]').selectOption(month.slice(5, 7));
  const shown = (part: string) => picker.locator(`select[data-part="${part}"] option:checked`).textContent().then((t) => t ?? '');
  return { year: await shown('year'), month: await shown('month') };
}

/** A full-page screenshot in test-results/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // From the top, so the sticky sidebar sits where a reader expects it in a full-page picture.
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; html: string }[];
}

const axeSource = (() => {
  const require = createRequire(import.meta.url);
  return require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') as string;
})();

/**
 * axe-core (WCAG 2.x A/AA rules) on the page as it is; returns the serious and critical
 * violations. Injected through the DevTools protocol (page.evaluate), so the page's CSP, which
 * allows no inline script, stays as served.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    const result = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
