import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { seriousViolations } from './browser.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Every message key of the UI dictionary: one shown verbatim is a missing translation. */
export const messageKeys: readonly string[] = [...readFileSync(path.join(root, 'web/src/i18n/en.ts'), 'utf8').matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]!);

/** The API's own English (zod and route messages) that must never reach a screen in place of the UI's words. */
export const developerText = /must not be empty|Too small|Too big|request body|not valid|expected |Invalid input|unknown field|no initiative|ids are letters/i;

/** A code word: snake_case, as enum values and field names are spelled. */
const codeWord = /\b[a-z]+(?:_[a-z]+)+\b/g;

/** Two or more Latin words in a row: an English phrase, a UI leak on a Chinese screen. */
const englishPhrase = /[A-Za-z][A-Za-z'’]+(?:[ ,:;]+[A-Za-z][A-Za-z'’]+)+/g;

/**
 * What is shown as it was typed or stored, not worded by the UI, so left out of the word checks:
 * form controls (what the user types or picks), <code> (ids, hashes, audit action names shown
 * as such), and anything the page marks `data-verbatim`.
 */
const verbatim = 'code, pre, input, textarea, select, option, script, style, [data-verbatim]';

/** The text the reader sees, without the verbatim parts: rendered text nodes outside `verbatim`. */
async function wordedText(page: Page): Promise<string> {
  return page.evaluate((skip) => {
    type El = { closest(s: string): unknown; checkVisibility(o?: unknown): boolean };
    type TextNode = { nodeValue: string | null; parentElement: El | null };
    const d = (globalThis as unknown as { document: { body: unknown; createTreeWalker(root: unknown, what: number): { nextNode(): TextNode | null } } }).document;
    const walker = d.createTreeWalker(d.body, 4 /* NodeFilter.SHOW_TEXT */);
    const parts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip) || !el.checkVisibility({ visibilityProperty: true })) continue;
      const text = (n.nodeValue ?? '').trim();
      if (text) parts.push(text);
    }
    return parts.join('\n');
  }, verbatim);
}

/** Proper nouns and units a Chinese screen may show in Latin letters, as single words; phrases of them are still leaks. */
const latinAllowed = /https?:\/\/\S+|\S+@\S+|\bcxgov\b|\bCNY\b|\bCSV\b|\bJSON\b|\bSLA\b|\bID\b|\bCX\b|\bUX\b|\bKPI\b|\bPDF\b/g;

/**
 * The checks every page of a walk passes, returned as problems (an empty list is a pass):
 * nothing scrolls sideways; axe finds nothing serious; no developer text — no message key shown
 * as such, no snake_case code word, none of the API's English; and on a Chinese screen no English
 * phrase (the fixtures are seeded in Chinese, so English there is the UI's).
 */
export async function pageChecks(page: Page, locale: 'zh' | 'en', where = page.url()): Promise<string[]> {
  const problems: string[] = [];
  const at = (p: string) => problems.push(`${where}: ${p}`);
  await page.waitForLoadState('networkidle').catch(() => undefined);

  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const e = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return { scrollWidth: e.scrollWidth, clientWidth: e.clientWidth };
  });
  if (scrollWidth > clientWidth + 1) at(`scrolls sideways: ${scrollWidth} px wide in ${clientWidth} px`);

  for (const v of await seriousViolations(page)) at(`axe ${v.impact} ${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);

  const text = await wordedText(page);
  // In worded text only: some audit action codes (review.vote, complaint.received) are spelled
  // like message keys, and the audit page shows them, as recorded, beside their words.
  for (const k of messageKeys) if (text.includes(k)) at(`message key shown: ${k}`);
  for (const m of new Set(text.match(codeWord) ?? [])) at(`code word shown: ${m}`);
  const api = developerText.exec(text);
  if (api) at(`API text shown: ${line(text, api.index)}`);
  if (locale === 'zh') {
    const latin = text.replace(latinAllowed, ' ');
    for (const m of new Set(latin.match(englishPhrase) ?? [])) at(`English on a Chinese screen: "${m}"`);
  }
  return problems;
}

function line(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? undefined : end);
}
