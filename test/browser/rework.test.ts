import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverables } from '../support/gates.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Rework after the committee asked for changes: the owner reads each member's words under their
 * name with the decision in their own language, and the resubmission form starts from the version
 * the committee commented on, so a second version is a few edits, not a blank form.
 */
const words = {
  zh: { asked: '要求修改', member: '李敏', chairComment: '主任委员意见' },
  en: { asked: 'Request changes', member: '李敏', chairComment: "Chair's comment" },
};

describe.skipIf(skipBrowser)('web UI: rework starts from the previous version', () => {
  let stack: Stack;
  let browser: Browser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    for (const locale of ['zh', 'en'] as const) {
      const created = await stack.as(demo('linxiao')).post('/api/v1/initiatives', { name: `Rework ${locale}`, businessLine: 'banking', description: 'A travel card', team: 'retail-cards' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as string;
      ids[locale] = id;
      expect((await stack.as(demo('linxiao')).post(`/api/v1/initiatives/${id}/submissions`, { stage: 'research', deliverables: deliverables.research })).status).toBe(201);
      expect((await stack.as(demo('limin')).post(`/api/v1/initiatives/${id}/review/votes`, { decision: 'request_changes', comment: 'Interview branch staff as well' })).status).toBe(200);
      expect((await stack.as(demo('zhangwei')).post(`/api/v1/initiatives/${id}/review/votes`, { decision: 'approve', comment: '' })).status).toBe(200);
      const signed = await stack.as(demo('wangjg')).post(`/api/v1/initiatives/${id}/review/signoff`, { decision: 'request_changes', comment: 'Add the retirees segment findings' });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const locale of ['zh', 'en'] as const) {
    it(`the owner sees who asked for what and resubmits from the previous version (${locale})`, async () => {
      const w = words[locale];
      const page = await browser.page();
      await page.setViewportSize({ width: 1360, height: 900 });
      await signIn(page, stack.url, 'linxiao', locale);
      await page.goto(`${stack.url}/initiatives/${ids[locale]}`);
      const asked = page.getByTestId('requested-changes');
      await expect.poll(() => asked.textContent()).toContain('Interview branch staff as well');
      // The names come from the directory, read beside the initiative: on a loaded machine they
      // arrive after the words, so wait for them too.
      await expect.poll(() => asked.textContent()).toContain(`${w.member} (limin) · ${w.asked}`);
      const text = (await asked.textContent()) ?? '';
      expect(text).toContain(`${w.chairComment}: Add the retirees segment findings`);
      expect(text).not.toContain('request_changes');

      const form = page.getByTestId('submission-form');
      await expect.poll(() => form.getByTestId('rework-prefilled').count()).toBe(1);
      await expect(form.locator('textarea[name="segments"]').inputValue()).resolves.toBe('young professionals\nretirees');
      await expect(form.locator('textarea[name="needs"]').inputValue()).resolves.toBe('instant virtual card');
      expect(await form.locator('input[name="method:interview"]').isChecked()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `rework-prefilled-${locale}`);

      // One edit and the second version goes to the committee.
      await form.locator('textarea[name="painPoints"]').fill('paper forms\nno branch staff input');
      await form.getByRole('button').last().click();
      await expect
        .poll(async () => (await stack.as(demo('linxiao')).get(`/api/v1/initiatives/${ids[locale]}`)).body.review?.version)
        .toBe(2);
      const v2 = (await stack.as(demo('linxiao')).get(`/api/v1/initiatives/${ids[locale]}`)).body.review.deliverables;
      expect(v2.segments).toEqual(['young professionals', 'retirees']);
      expect(v2.findings.painPoints).toEqual(['paper forms', 'no branch staff input']);
      expect(v2.attachments).toEqual(deliverables.research.attachments);
    });
  }
});
