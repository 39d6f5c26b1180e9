import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/complaints.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, seriousViolations, signIn, skipBrowser, type Browser } from './support/browser.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * A supervisor reassigns an escalated complaint from one agent to another (docs/complaints.md
 * "Reassigning"), in Chinese at phone width and in English at desk width: the page names the
 * owner and whom the escalation reaches, the form refuses an empty submit at its fields in the
 * reader's language, a confirmation says what will happen, and the complaint then shows its new
 * agent and the reassignment in its timeline.
 */
const runs = [
  { locale: 'zh', width: 390 },
  { locale: 'en', width: 1360 },
] as const;
const words = {
  zh: { required: '请填写此项。', confirm: '将接替', reassigned: '改派' },
  en: { required: 'Please fill this in.', confirm: 'becomes the complaint’s agent and owner instead of', reassigned: 'Reassigned' },
};

describe.skipIf(skipBrowser)('web UI: reassigning a complaint', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    // The directory the picker and the names come from: two agents and the supervisor an escalation reaches.
    for (const [userId, name, roles] of [
      ['zhaoli', '赵丽', ['cs_agent']],
      ['sunlei', '孙磊', ['cs_agent']],
      ['zhoumin', '周敏', ['supervisor']],
    ] as const) {
      const put = await stack.as(people.admin).put(`/api/v1/people/${userId}`, { userId, name, department: 'customer-service', roles });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const { locale, width } of runs) {
    it(`a supervisor reassigns an escalated complaint (${locale}, ${width} px)`, async () => {
      const w = words[locale];
      const taken = await stack.as(demo('zhaoli')).post('/api/v1/complaints', intakeBody());
      expect(taken.status).toBe(201);
      const id = taken.body.id as string;
      expect((await stack.as(demo('zhaoli')).post(`/api/v1/complaints/${id}/escalate`, { reason: 'the customer asks for a manager' })).status).toBe(200);

      const page = await browser.page();
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, stack.url, 'zhoumin', locale);
      await page.goto(`${stack.url}/complaints/${id}`);
      // The owner and the escalation's recipient, by name.
      await expect.poll(() => page.getByTestId('owner').textContent()).toContain('赵丽');
      await expect.poll(() => page.getByTestId('escalated-to').textContent()).toContain('周敏');

      const panel = page.getByTestId('reassign');
      await panel.locator('button[aria-expanded]').click();
      const form = panel.locator('form.command-form');
      // Nothing chosen, no reason: refused at the fields, in the reader's language, nothing sent.
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBe(2);
      await expect(form.locator('.error-text').first().textContent()).resolves.toBe(w.required);
      expect(await seriousViolations(page)).toEqual([]);

      await expect.poll(() => form.locator('select[name="toUserId"] option').count()).toBeGreaterThan(2);
      // Agents only: the supervisor is not offered.
      expect(await form.locator('select[name="toUserId"] option[value="zhoumin"]').count()).toBe(0);
      await form.locator('select[name="toUserId"]').selectOption('sunlei');
      await form.locator('textarea[name="reason"]').fill('赵丽休假，孙磊接手 / Zhao Li is on leave');
      await form.locator('button[type="submit"]').click();
      const confirm = page.getByTestId('reassign-confirm');
      await expect(confirm.textContent()).resolves.toContain(w.confirm);
      await expect(confirm.textContent()).resolves.toContain('孙磊');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `complaint-reassign-confirm-${locale}-${width}`);
      await confirm.locator('button').first().click();

      await expect.poll(() => page.getByTestId('owner').textContent()).toContain('孙磊');
      await expect.poll(() => page.locator('.timeline').textContent()).toContain(w.reassigned);
      // The complaint was still taken by the agent who took it.
      await expect(page.locator('.timeline li').first().textContent()).resolves.toContain('赵丽');
      await expect(page.getByTestId('escalated-to').textContent()).resolves.toContain('周敏');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `complaint-reassigned-${locale}-${width}`);

      const api = await stack.as(demo('zhoumin')).get(`/api/v1/complaints/${id}`);
      expect(api.body).toMatchObject({ owner: { kind: 'user', id: 'sunlei' }, agentId: 'sunlei', escalationLevel: 1, escalationRecipients: [{ userId: 'zhoumin', name: '周敏' }] });
      // The new agent's inbox has it.
      const inbox = await stack.as(demo('sunlei')).get('/api/v1/tasks');
      expect(inbox.body.items.map((t: { entityId: string }) => t.entityId)).toContain(id);
    });
  }
});
