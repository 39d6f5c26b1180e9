import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../api/auth/demo-users.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';
import { launch, screenshot, signIn, skipBrowser, type Browser } from './support/browser.js';
import { pageChecks } from './support/page-checks.js';
import { demo, seedDemo } from './support/seed.js';

/**
 * Each role's main task walked in the web workspace, in Chinese on a phone (390 px) and in English
 * at a desk (1360 px). Every page the walk passes through is checked the same way (pageChecks):
 * nothing scrolls sideways, axe finds nothing serious, no developer text, and on a Chinese screen
 * no English. Everything the fixtures hold is Chinese, so English on a Chinese screen is the UI's.
 */
type Locale = 'zh' | 'en';
const runs = [
  { locale: 'zh', width: 390 },
  { locale: 'en', width: 1360 },
] as const;

const words = {
  zh: { approve: '通过', castVote: '投票', signOff: '签批', confirmSignOff: '确认签批', recordType: '记录类型', id: '编号', search: '查询审计记录', intact: '链完整', verifyAll: '校验全部审计链', csv: '下载 CSV', audit: '审计', departments: '部门', saveNames: '保存名称', saved: '部门名称已保存' },
  en: { approve: 'Approve', castVote: 'Cast vote', signOff: 'Sign off', confirmSignOff: 'Confirm sign-off', recordType: 'Record type', id: 'Id', search: 'Search the trail', intact: 'Chain intact', verifyAll: 'Verify the whole trail', csv: 'Download CSV', audit: 'Audit', departments: 'Departments', saveNames: 'Save the names', saved: 'The department names are saved.' },
} as const;

/** Research deliverables in Chinese (the methods are codes the UI words). */
const research = {
  methods: ['questionnaire', 'interview'],
  segments: ['年轻白领', '退休人员'],
  findings: { needs: ['即时虚拟卡'], painPoints: ['纸质表格'], expectations: ['几分钟内完成审批'] },
  attachments: [{ uri: 'https://docs.example/research.pdf', sha256: 'ab'.repeat(32) }],
};

/** The fixtures of one run (one locale): ids of what each role's task starts from. */
interface Fixtures {
  voteOn: { id: string; name: string };
  signOff: { id: string; name: string };
  rework: { id: string; name: string };
  respondTo: string;
  later: string;
  approve: string;
  handle: string;
  audit: string;
  department: { id: string; zh: string; en: string };
}

describe.skipIf(skipBrowser)('web UI: every role walks its main task, each page clean', () => {
  let stack: Stack;
  let browser: Browser;
  const fixtures = {} as Record<Locale, Fixtures>;

  const initiative = async (name: string) => {
    const created = await stack.as(demo('linxiao')).post('/api/v1/initiatives', { name, businessLine: 'banking', description: '开户即发虚拟借记卡', team: 'retail-cards' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const submitted = await stack.as(demo('linxiao')).post(`/api/v1/initiatives/${id}/submissions`, { stage: 'research', deliverables: research });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    return { id, name };
  };
  const vote = async (userId: string, id: string, decision: string, comment: string) => {
    const res = await stack.as(demo(userId)).post(`/api/v1/initiatives/${id}/review/votes`, { decision, comment });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  let ref = 0;
  const complaint = async (severity: string, description: string) => {
    ref++;
    const c = await stack.as(demo('zhaoli')).post('/api/v1/complaints', { channel: 'hotline', category: 'service', severity, customer: { ref: `KH-${String(ref).padStart(4, '0')}`, name: '王强', phone: '13700001111' }, description });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    return c.body.id as string;
  };
  const command = async (id: string, path: string, body: unknown) => {
    const res = await stack.as(demo('zhaoli')).post(`/api/v1/complaints/${id}${path}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launch()]);
    await seedDemo(stack);
    // The staff directory the pickers and the departments page read, as `npm run demo` keeps it.
    for (const u of demoUsers) {
      const res = await stack.as(people.admin).put(`/api/v1/people/${u.userId}`, { userId: u.userId, name: u.name, department: u.department, roles: u.roles, language: 'zh', channel: 'email', active: true, departmentHead: false });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    // Taken first, the two runs' urgent complaints have the soonest first-response deadlines: each
    // leads its agent's inbox in its run (the zh run answers its own before the en run begins).
    const urgent = {} as Record<Locale, string>;
    for (const { locale } of runs) urgent[locale] = await complaint('urgent', `境外交易被拒后卡片被冻结${locale === 'zh' ? '甲' : '乙'}`);
    for (const { locale } of runs) {
      const mark = locale === 'zh' ? '甲' : '乙';
      const voteOn = await initiative(`虚拟卡投票${mark}`);

      const signOff = await initiative(`虚拟卡签批${mark}`);
      for (const member of ['limin', 'zhangwei', 'chenjing']) await vote(member, signOff.id, 'approve', '调研充分');

      const rework = await initiative(`虚拟卡返工${mark}`);
      await vote('limin', rework.id, 'request_changes', '请补充网点员工访谈');
      await vote('zhangwei', rework.id, 'approve', '');
      const sent = await stack.as(demo('wangjg')).post(`/api/v1/initiatives/${rework.id}/review/signoff`, { decision: 'request_changes', comment: '请补充退休人员的调研结论' });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);

      // A later, less urgent one below it in the inbox.
      const later = await complaint('general', `账单日期有误${mark}`);
      const respondTo = urgent[locale];

      const approve = await complaint('general', `首年年费未减免${mark}`);
      const resolved = await command(approve, '/resolution', { summary: '年费误收', remedy: '退还年费并致歉', compensation: { amount: 2000, currency: 'CNY' } });
      expect(resolved.status).toBe('awaiting_approval');

      const handle = await complaint('major', `分期手续费计算有误${mark}`);
      await command(handle, '/transfer', { department: 'cards-ops', reason: '需信用卡运营部核查分期账务' });

      const audit = await complaint('general', `短信通知延迟${mark}`);
      await command(audit, '/responses', { message: '已收到，正在核查短信通道。', channel: 'hotline' });

      const department = locale === 'zh' ? { id: 'wealth', zh: '财富管理部', en: 'Wealth management' } : { id: 'risk', zh: '风险管理部', en: 'Risk management' };
      fixtures[locale] = { voteOn, signOff, rework, respondTo, later, approve, handle, audit, department };
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  interface Walk {
    page: Page;
    locale: Locale;
    width: number;
    f: Fixtures;
    w: (typeof words)[Locale];
    /** Checks the page as it is now; `step` names it in the problems and the screenshot. */
    check(step: string): Promise<void>;
  }

  /** Opens the inbox row (a task) whose text contains `text` (and `kind`, the task's kind in words). */
  const openTask = async ({ page }: Walk, text: string, kind?: string) => {
    const rows = page.locator('tbody tr', { hasText: text });
    const link = (kind ? rows.filter({ has: page.locator('.kind', { hasText: kind }) }) : rows).getByRole('link');
    await expect.poll(() => link.count(), { timeout: 30_000 }).toBe(1);
    await link.click();
  };
  /** Follows a main-menu link (behind the menu button on a phone). */
  const menu = async ({ page, width }: Walk, name: string) => {
    if (width < 800) await page.getByTestId('nav-toggle').click();
    await page.getByRole('link', { name, exact: true }).click();
  };
  const complaintApi = async (id: string) => (await stack.as(demo('zhoumin')).get(`/api/v1/complaints/${id}`)).body;
  const initiativeApi = async (id: string) => (await stack.as(demo('wangjg')).get(`/api/v1/initiatives/${id}`)).body;
  /** A complaint command's form, filled by `fill`, sent with its last button. */
  const complaintCommand = async (walk: Walk, cmd: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>) => {
    await walk.page.locator(`button[data-command="${cmd}"]`).click();
    const form = walk.page.locator('form.command-form');
    await form.waitFor();
    await fill(form);
    await walk.check(`${cmd}-form`);
    await form.getByRole('button').last().click();
  };

  const tasks: { role: string; userId: string; task: string; walk: (w: Walk) => Promise<void> }[] = [
    {
      role: 'committee member',
      userId: 'limin',
      task: 'votes on a submitted initiative from the inbox',
      walk: async (walk) => {
        const { page, f, w } = walk;
        await openTask(walk, f.voteOn.name);
        await page.waitForURL(`**/initiatives/${f.voteOn.id}`);
        const form = page.getByTestId('vote-form');
        await form.waitFor();
        await walk.check('initiative');
        await form.getByRole('radio', { name: w.approve }).check();
        await form.locator('textarea[name="comment"]').fill('调研覆盖了主要客群');
        await form.getByRole('button', { name: w.castVote }).click();
        await expect.poll(() => page.locator('[data-testid="live-review"] tr[data-member="limin"]').textContent(), { timeout: 30_000 }).toContain('调研覆盖了主要客群');
        await walk.check('voted');
        expect((await initiativeApi(f.voteOn.id)).review.votes).toEqual([expect.objectContaining({ userId: 'limin', decision: 'approve', comment: '调研覆盖了主要客群' })]);
      },
    },
    {
      role: 'committee chair',
      userId: 'wangjg',
      task: 'signs off a gate the members voted on, through the confirmation',
      walk: async (walk) => {
        const { page, f, w } = walk;
        await openTask(walk, f.signOff.name, w.signOff);
        await page.waitForURL(`**/initiatives/${f.signOff.id}`);
        const form = page.getByTestId('signoff-form');
        await form.waitFor();
        await walk.check('initiative');
        await form.getByRole('radio', { name: w.approve }).check();
        await form.locator('textarea[name="comment"]').fill('同意进入设计阶段');
        await form.getByRole('button', { name: w.signOff, exact: true }).click();
        await form.getByTestId('signoff-confirm').waitFor();
        await walk.check('confirm');
        await form.getByRole('button', { name: w.confirmSignOff }).click();
        await expect.poll(async () => (await initiativeApi(f.signOff.id)).stage, { timeout: 30_000 }).toBe('design');
        await expect.poll(() => page.getByTestId('signoff-form').count()).toBe(0);
        await walk.check('signed-off');
        expect(await initiativeApi(f.signOff.id)).toMatchObject({ stage: 'design', status: 'in_progress' });
      },
    },
    {
      role: 'product owner',
      userId: 'linxiao',
      task: 'resubmits the version the committee sent back, from the prefilled previous one',
      walk: async (walk) => {
        const { page, f } = walk;
        await openTask(walk, f.rework.name);
        await page.waitForURL(`**/initiatives/${f.rework.id}`);
        const form = page.getByTestId('submission-form');
        await expect.poll(() => form.getByTestId('rework-prefilled').count()).toBe(1);
        await expect.poll(() => page.getByTestId('requested-changes').textContent()).toContain('请补充网点员工访谈');
        await walk.check('rework');
        await form.locator('textarea[name="painPoints"]').fill('纸质表格\n缺少网点员工意见');
        await form.getByRole('button').last().click();
        await expect.poll(async () => (await initiativeApi(f.rework.id)).review?.version, { timeout: 30_000 }).toBe(2);
        await walk.check('resubmitted');
        expect((await initiativeApi(f.rework.id)).review.deliverables.findings.painPoints).toEqual(['纸质表格', '缺少网点员工意见']);
      },
    },
    {
      role: 'agent',
      userId: 'zhaoli',
      task: 'opens the most urgent complaint and records the first response',
      walk: async (walk) => {
        const { page, f } = walk;
        // The most urgent first: the complaint whose first response is due sooner comes before the
        // one taken after it (the zh run's complaints, answered or not, lead in the en run).
        const links = page.locator('tbody tr a');
        const order = async () => {
          const hrefs = await links.evaluateAll((as) => as.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute('href')));
          return [hrefs.indexOf(`/complaints/${f.respondTo}`), hrefs.indexOf(`/complaints/${f.later}`)];
        };
        await expect.poll(async () => (await order()).every((i) => i >= 0), { timeout: 30_000 }).toBe(true);
        const [urgent, later] = await order();
        expect(urgent).toBeLessThan(later!);
        await page.locator(`tbody a[href="/complaints/${f.respondTo}"]`).click();
        await page.waitForURL(`**/complaints/${f.respondTo}`);
        await page.locator('button[data-command="respond"]').waitFor();
        await walk.check('complaint');
        await complaintCommand(walk, 'respond', (form) => form.locator('textarea[name="message"]').fill('您好，已为您解冻卡片，正在核查拒付原因。'));
        await expect.poll(async () => (await complaintApi(f.respondTo)).clocks.firstResponse.state, { timeout: 30_000 }).toBe('met');
        await walk.check('responded');
        expect((await complaintApi(f.respondTo)).status).toBe('responded');
      },
    },
    {
      role: 'supervisor',
      userId: 'zhoumin',
      task: 'approves a compensation above the agent’s limit, with the facts in the form',
      walk: async (walk) => {
        const { page, f } = walk;
        await expect.poll(() => page.locator(`tbody a[href="/complaints/${f.approve}"]`).count(), { timeout: 30_000 }).toBe(1);
        await page.locator(`tbody a[href="/complaints/${f.approve}"]`).click();
        await page.waitForURL(`**/complaints/${f.approve}`);
        await page.locator('button[data-command="approve"]').waitFor();
        await walk.check('complaint');
        await complaintCommand(walk, 'approve', async (form) => {
          await expect.poll(() => form.getByTestId('approval-facts').textContent()).toContain('退还年费并致歉');
          // Above the agent's limit: the amount and the limit side by side.
          await expect.poll(() => form.getByTestId('approval-amount').textContent()).toMatch(/2,000/);
          await expect.poll(() => form.getByTestId('approval-limit').textContent()).toMatch(/1,000/);
          await form.locator('input[type="radio"][value="true"]').check();
          await form.locator('textarea[name="comment"]').fill('符合补偿政策');
        });
        await expect.poll(async () => (await complaintApi(f.approve)).status, { timeout: 30_000 }).toBe('resolved');
        await walk.check('approved');
      },
    },
    {
      role: 'business handler',
      userId: 'wugang',
      task: 'resolves a complaint transferred to their department',
      walk: async (walk) => {
        const { page, f } = walk;
        await expect.poll(() => page.locator(`tbody a[href="/complaints/${f.handle}"]`).count(), { timeout: 30_000 }).toBe(1);
        await page.locator(`tbody a[href="/complaints/${f.handle}"]`).click();
        await page.waitForURL(`**/complaints/${f.handle}`);
        await page.locator('button[data-command="resolve"]').waitFor();
        await walk.check('complaint');
        await complaintCommand(walk, 'resolve', async (form) => {
          await form.locator('textarea[name="summary"]').fill('分期手续费按错误费率计收');
          await form.locator('textarea[name="remedy"]').fill('按正确费率重算并退还差额');
        });
        await expect.poll(async () => (await complaintApi(f.handle)).status, { timeout: 30_000 }).toBe('resolved');
        await walk.check('resolved');
      },
    },
    {
      role: 'compliance auditor',
      userId: 'zhenghua',
      task: 'searches a complaint’s record, verifies the whole trail and downloads the CSV',
      walk: async (walk) => {
        const { page, f, w } = walk;
        await menu(walk, w.audit);
        await page.waitForURL(/\/audit/);
        await page.locator('.audit-events').first().waitFor();
        await walk.check('audit');
        await page.getByLabel(w.recordType).selectOption('complaint');
        await page.getByLabel(w.id, { exact: true }).fill(f.audit);
        await page.getByRole('button', { name: w.search }).first().click();
        await expect.poll(() => page.locator('.audit-events > table > tbody > tr').count(), { timeout: 30_000 }).toBe(2);
        await expect.poll(() => page.getByTestId('verification').textContent()).toContain(w.intact);
        await walk.check('record');
        await page.getByRole('button', { name: w.verifyAll }).click();
        await expect.poll(() => page.getByTestId('whole-trail').textContent(), { timeout: 30_000 }).toContain(w.intact);
        await walk.check('whole-trail');
        const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.csv }).click()]);
        expect(csv.suggestedFilename()).toMatch(/\.csv$/);
        const text = await readFile((await csv.path())!, 'utf8');
        expect(text).toContain(f.audit);
      },
    },
    {
      role: 'administrator',
      userId: 'heping',
      task: 'names a department in both languages',
      walk: async (walk) => {
        const { page, f, w } = walk;
        await menu(walk, w.departments);
        await page.waitForURL(/\/admin\/departments$/);
        const row = page.locator(`[data-testid="department-names"] tr[data-department="${f.department.id}"]`);
        await row.waitFor();
        await walk.check('departments');
        await row.locator(`input[name="${f.department.id}.zh"]`).fill(f.department.zh);
        await row.locator(`input[name="${f.department.id}.en"]`).fill(f.department.en);
        await page.getByRole('button', { name: w.saveNames }).click();
        await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toContain(w.saved);
        await walk.check('saved');
        const names = (await stack.as(people.admin).get('/api/v1/departments')).body.departments as { id: string; name: unknown }[];
        expect(names).toContainEqual({ id: f.department.id, name: { zh: f.department.zh, en: f.department.en } });
      },
    },
  ];

  for (const t of tasks) {
    for (const { locale, width } of runs) {
      it(`${t.role} ${t.userId} ${t.task} (${locale}, ${width} px)`, async () => {
        const page = await browser.page();
        await page.setViewportSize({ width, height: 900 });
        const problems: string[] = [];
        const walk: Walk = {
          page,
          locale,
          width,
          f: fixtures[locale],
          w: words[locale],
          check: async (step) => {
            problems.push(...(await pageChecks(page, locale, `${t.userId} ${step}`)));
            await screenshot(page, `walk-${t.userId}-${step}-${locale}-${width}`);
          },
        };
        await signIn(page, stack.url, t.userId, locale);
        await walk.check('inbox');
        await t.walk(walk);
        expect(problems).toEqual([]);
        await page.close();
      });
    }
  }
});
