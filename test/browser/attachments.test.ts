import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortHash } from '../../domain/gates/attachments.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Attachments in the submission form (docs/gates.md "Attachments"): the owner picks a real file,
 * the form uploads it and lists it with the hash the server computed (nobody types a SHA-256),
 * a kind of file the bank does not accept is refused beside the field in the reader's language,
 * and after submitting the file is a download link in the deliverables under review.
 */
const words = {
  zh: { choose: '上传附件…', unsupported: '不接受', submit: '提交评审', width: 390, file: '需求调研报告.pdf' },
  en: { choose: 'Upload a file…', unsupported: 'is not a kind of file accepted here', submit: 'Submit for review', width: 1360, file: 'research-report.pdf' },
};

describe.skipIf(skipBrowser)('web UI: attachments are uploaded, not typed', () => {
  let stack: Stack;
  let browser: Browser;
  let dir: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    dir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-attachments-'));
    for (const locale of ['zh', 'en'] as const) {
      const created = await stack.as(demo('linxiao')).post('/api/v1/initiatives', { name: `Attachments ${locale}`, businessLine: 'banking', description: 'A travel card', team: 'retail-cards' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids[locale] = created.body.id as string;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const locale of ['zh', 'en'] as const) {
    it(`the owner uploads a file, sees its hash, submits, and the review shows the download link (${locale}, ${words[locale].width} px)`, async () => {
      const w = words[locale];
      const content = Buffer.from(`%PDF-1.4\n% ${w.file} for ${ids[locale]}\n%%EOF\n`, 'utf8');
      const sha256 = createHash('sha256').update(content).digest('hex');
      const file = path.join(dir, w.file);
      writeFileSync(file, content);
      const page = await browser.page();
      await page.setViewportSize({ width: w.width, height: 900 });
      await signIn(page, stack.url, 'linxiao', locale);
      await page.goto(`${stack.url}/initiatives/${ids[locale]}`);
      const form = page.getByTestId('submission-form');
      await form.waitFor();
      const field = form.getByTestId('attachments-field');
      expect(await form.locator('textarea[name="attachments"]').count()).toBe(0);

      // A kind of file the bank does not take: refused beside the field, in the reader's language.
      const page2 = path.join(dir, 'page.html');
      writeFileSync(page2, '<script>alert(1)</script>');
      await field.getByLabel(w.choose).setInputFiles(page2);
      await expect.poll(() => field.getByTestId('attachments-error').textContent()).toContain(w.unsupported);
      expect(await field.getByTestId('attachment-link').count()).toBe(0);

      // The real file: uploaded at once, listed under its name with the server's hash, shortened.
      await field.getByLabel(w.choose).setInputFiles(file);
      await expect.poll(() => field.getByTestId('attachment-link').textContent()).toBe(w.file);
      expect(await field.textContent()).toContain(`SHA-256 ${shortHash(sha256)}`);
      expect(await field.getByTestId('attachments-error').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);

      await form.locator('input[name="method:interview"]').check();
      await form.locator('textarea[name="segments"]').fill('young professionals');
      await form.locator('textarea[name="needs"]').fill('instant virtual card');
      await form.locator('textarea[name="painPoints"]').fill('paper forms');
      await form.locator('textarea[name="expectations"]').fill('approval in minutes');
      await screenshot(page, `attachments-form-${locale}`);
      await form.getByRole('button', { name: w.submit }).click();
      await expect.poll(async () => (await stack.as(demo('linxiao')).get(`/api/v1/initiatives/${ids[locale]}`)).body.review?.version).toBe(1);
      const submitted = (await stack.as(demo('linxiao')).get(`/api/v1/initiatives/${ids[locale]}`)).body.review.deliverables;
      expect(submitted.attachments).toEqual([{ uri: expect.stringMatching(/\/api\/v1\/attachments\/[0-9a-f-]{36}$/), sha256 }]);

      // Under review: the deliverables show the file as a link that downloads its bytes.
      const live = page.getByTestId('live-deliverables');
      await live.waitFor();
      if ((await live.getAttribute('open')) === null) await live.locator('summary').click();
      const link = live.getByTestId('attachment-link');
      await expect.poll(() => link.count()).toBe(1);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(w.file);
      const saved = path.join(dir, `downloaded-${locale}`);
      await download.saveAs(saved);
      expect(createHash('sha256').update(readFileSync(saved)).digest('hex')).toBe(sha256);
      expect(await link.textContent()).toContain(shortHash(sha256));
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `attachments-review-${locale}`);
    });
  }
});
