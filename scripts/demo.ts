import { createHash } from 'node:crypto';
import { demoDepartmentNames, demoRoster, demoUser, demoUsers, principalOf } from '../api/auth/demo-users.js';
import { demoDirectoryEntry } from '../api/routes/dev.js';
import { signToken } from '../api/auth/tokens.js';
import { loadConfig } from '../config/config.js';
import { jwtSecret } from '../config/secrets.js';
import { defaultReviewPolicy, defaultSlaPolicy } from '../domain/policies.js';

/**
 * `npm run demo`: fills a running `npm start` (same PORT and DATA_DIR, or JWT_SECRET) with a
 * believable data set, through the public HTTP API only: the demo committee and policies, product
 * initiatives at every stage (launched, in review with votes, changes requested, rejected,
 * withdrawn, just started) and complaints in every state (fresh, answered, transferred, waiting for
 * a compensation approval, resolved, closed, breached and escalated, in appeal, a repeat, one
 * about a launched product). Every command carries an Idempotency-Key derived from its place in
 * this script, so running it again changes nothing.
 */
const config = loadConfig();
const base = process.env.CXGOV_URL ?? `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
const say = (m: string) => process.stdout.write(`demo: ${m}\n`);
const secret = jwtSecret(config);
const tokens = new Map<string, Promise<string>>();

function tokenOf(userId: string): Promise<string> {
  const u = demoUser(userId);
  if (!u) throw new Error(`no demo user ${userId}`);
  if (!tokens.has(userId)) tokens.set(userId, signToken(principalOf(u), { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, secret }));
  return tokens.get(userId)!;
}

async function call<T = any>(who: string, method: string, path: string, body?: unknown, key?: string): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenOf(who)}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(key ? { 'idempotency-key': createHash('sha256').update(`demo-v1\n${key}`).digest('hex').slice(0, 40) } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} as ${who} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not up yet
    }
    if (i === 0) say(`waiting for the server at ${base} (start it with npm start)…`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no ready server at ${base}: run npm start first (same PORT and DATA_DIR)`);
}

// ── deliverables ──────────────────────────────────────────────────────────────────────────────
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const check = (notes: string) => ({ functionalCompleteness: true, stability: true, compatibility: true, notes });
const deliverables = {
  research: (topic: string) => ({
    methods: ['questionnaire', 'interview', 'competitor_analysis'],
    segments: ['城市白领', '小微企业主', '老年客户'],
    findings: {
      needs: [`${topic}需要全程线上办理`, '办理进度实时可查'],
      painPoints: ['纸质材料多', '网点排队时间长'],
      expectations: ['5 分钟内完成申请', '费用透明'],
    },
    attachments: [{ uri: `https://docs.bank.example/research/${encodeURIComponent(topic)}.pdf`, sha256: sha(topic) }],
  }),
  design: () => ({
    functionalDesign: '线上申请、实名认证、额度评估、电子合同签署四个环节。',
    interfaceDesign: '三屏完成，大字号模式，关键按钮对比度符合 WCAG AA。',
    processDesign: '身份核验 → 风险评估 → 合同签署 → 开通，异常转人工。',
    uxObjectives: ['申请完成率 ≥ 85%', '平均办理时长 ≤ 5 分钟'],
    accessibilityNotes: '支持读屏软件与大字号；提供语音客服入口。',
  }),
  prototype_testing: () => ({
    internalTest: { business: check('业务规则全部覆盖'), technology: check('压测 2000 TPS 通过'), qa: check('回归用例 412 条通过') },
    userTest: { participants: 24, usability: 86, functionality: 88, satisfaction: 90, findings: ['第二步字号偏小', '合同条款需要摘要'] },
    optimisations: ['第二步字号放大', '增加合同条款摘要'],
  }),
  launch_assessment: () => ({
    scores: { function: 92, performance: 88, security: 95, userExperience: 90 },
    report: '功能、性能、安全与用户体验均达到上线标准。',
    goLivePlan: '先在两家分行试点两周，再全国推广；设回滚预案。',
  }),
};
type Gate = keyof typeof deliverables;

const owners = { cards: 'linxiao', wealth: 'huangqiang' } as const;

async function initiative(key: string, owner: string, body: { name: string; businessLine: string; description: string; team: string }) {
  const i = await call(owner, 'POST', '/initiatives', body, `initiative:${key}`);
  if (key === 'card' && typeof i.createdAt === 'string') anchor = Date.parse(i.createdAt);
  say(`initiative “${body.name}” (${i.id})`);
  return i.id as string;
}

async function submit(key: string, owner: string, id: string, stage: Gate, topic: string, version = 1) {
  return call(owner, 'POST', `/initiatives/${id}/submissions`, { stage, deliverables: stage === 'research' ? deliverables.research(topic) : deliverables[stage]() }, `submit:${key}:${stage}:${version}`);
}
const vote = (key: string, who: string, id: string, stage: string, decision: string, comment: string, version = 1) =>
  call(who, 'POST', `/initiatives/${id}/review/votes`, { decision, comment }, `vote:${key}:${stage}:${version}:${who}`);
const signOff = (key: string, id: string, stage: string, decision: string, comment: string, version = 1) =>
  call('wangjg', 'POST', `/initiatives/${id}/review/signoff`, { decision, comment }, `signoff:${key}:${stage}:${version}`);

async function pass(key: string, owner: string, id: string, stage: Gate, topic: string) {
  await submit(key, owner, id, stage, topic);
  await vote(key, 'limin', id, stage, 'approve', '风险可控，同意。');
  await vote(key, 'zhangwei', id, stage, 'approve', '技术方案成熟。');
  await vote(key, 'chenjing', id, stage, 'approve', '合规审查无异议。');
  await signOff(key, id, stage, 'approve', '同意进入下一阶段。');
}

// ── complaints ─────────────────────────────────────────────────────────────────────────────────
/**
 * Back-dated receipts are relative to when the demo first ran (the first initiative's creation,
 * which a second run gets back unchanged), so a second run sends identical requests.
 */
let anchor = Date.now();
const hoursAgo = (h: number) => new Date(anchor - h * 3_600_000).toISOString();
let n = 0;
async function complaint(key: string, agent: string, over: Record<string, unknown>) {
  n++;
  const body = { channel: 'hotline', category: 'service', severity: 'general', ...over };
  const c = await call(agent, 'POST', '/complaints', body, `complaint:${key}`);
  say(`complaint ${n}: ${String(over.description).slice(0, 28)}… (${c.id})`);
  return c.id as string;
}
const cmd = (key: string, who: string, id: string, path: string, body: unknown) => call(who, 'POST', `/complaints/${id}${path}`, body, `cmd:${key}:${path}`);
const customer = (ref: string, name: string, phone: string, idNumber?: string) => ({ ref, name, phone, ...(idNumber ? { idNumber } : {}) });

async function main() {
  await waitForServer();
  say(`filling ${base} (idempotent: a second run changes nothing)`);

  say('committee roster and policies…');
  await call('heping', 'PUT', '/committee', { members: demoRoster() });
  await call('heping', 'PUT', '/policies/review', { ...defaultReviewPolicy, reviewDeadline: { amount: 3, unit: 'business_day' } });
  await call('heping', 'PUT', '/policies/sla', defaultSlaPolicy);

  // The directory first, so that the notices below reach people (mail to <id>@demo.cxgov.example,
  // delivered to the embedded Mailpit) and not only their in-app centres.
  say('directory of people…');
  for (const u of demoUsers) {
    const { email, department, ...rest } = demoDirectoryEntry(u);
    await call('heping', 'PUT', `/people/${u.userId}`, { userId: u.userId, ...rest, ...(email ? { email } : {}), ...(department ? { department } : {}) });
  }

  await call('heping', 'PUT', '/departments', demoDepartmentNames);

  say('initiatives…');
  const card = await initiative('card', owners.cards, { name: '信用卡线上即时发卡', businessLine: 'banking', description: '客户在手机银行完成申请后即时获得虚拟信用卡，可立即绑定移动支付。', team: 'retail-cards' });
  for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await pass('card', owners.cards, card, stage, '即时发卡');

  const robo = await initiative('robo', owners.wealth, { name: '智能投顾组合 2.0', businessLine: 'fund', description: '按客户风险测评自动配置基金组合，季度再平衡，费用逐笔披露。', team: 'wealth' });
  await pass('robo', owners.wealth, robo, 'research', '智能投顾');
  await pass('robo', owners.wealth, robo, 'design', '智能投顾');
  await submit('robo', owners.wealth, robo, 'prototype_testing', '智能投顾');
  await vote('robo', 'limin', robo, 'prototype_testing', 'approve', '测试充分。');
  await vote('robo', 'chenjing', robo, 'prototype_testing', 'request_changes', '风险揭示页需增加适当性匹配说明。');

  const pension = await initiative('pension', owners.wealth, { name: '个人养老金账户线上开户', businessLine: 'insurance', description: '个人养老金资金账户全流程线上开立，支持缴费提醒与税收凭证下载。', team: 'wealth' });
  await pass('pension', owners.wealth, pension, 'research', '养老金开户');
  await submit('pension', owners.wealth, pension, 'design', '养老金开户');
  await vote('pension', 'limin', pension, 'design', 'request_changes', '需补充老年客户的辅助流程。');
  await vote('pension', 'zhangwei', pension, 'design', 'request_changes', '税收凭证接口方案未说明。');
  await vote('pension', 'chenjing', pension, 'design', 'approve', '合规方面无异议。');
  await signOff('pension', pension, 'design', 'request_changes', '请补充后重新提交。');

  const remit = await initiative('remit', owners.cards, { name: '跨境汇款费用透明化', businessLine: 'banking', description: '汇款前展示全部费用与到账金额，支持进度追踪。', team: 'retail-cards' });
  await submit('remit', owners.cards, remit, 'research', '跨境汇款');

  const instal = await initiative('instal', owners.cards, { name: '分期提前还款免手续费', businessLine: 'banking', description: '信用卡分期提前还款免收剩余手续费。', team: 'retail-cards' });
  await submit('instal', owners.cards, instal, 'research', '分期还款');
  await vote('instal', 'limin', instal, 'research', 'reject', '收益测算显示亏损不可接受。');
  await vote('instal', 'chenjing', instal, 'research', 'reject', '与现行定价政策冲突。');
  await signOff('instal', instal, 'research', 'reject', '否决。');

  const sip = await initiative('sip', owners.wealth, { name: '基金定投智能提醒', businessLine: 'fund', description: '根据市场波动提示定投调整。', team: 'wealth' });
  await call(owners.wealth, 'POST', `/initiatives/${sip}/withdraw`, { reason: '与智能投顾 2.0 合并推进。' }, 'withdraw:sip');

  await initiative('ins', owners.wealth, { name: '百万医疗险线上理赔', businessLine: 'insurance', description: '小额理赔拍照上传、自动审核、T+1 到账。', team: 'wealth' });

  say('complaints…');
  const fresh = await complaint('fresh', 'zhaoli', { channel: 'hotline', category: 'service', customer: customer('C-310101-0007', '张伟明', '13812345678', '310101198803071234'), description: '网点排队超过一小时，叫号系统故障无人告知。' });
  await complaint('repeat', 'sunlei', { channel: 'app', category: 'service', customer: customer('C-310101-0007', '张伟明', '13812345678'), description: '再次投诉：网点仍无人处理叫号故障。' });

  const answered = await complaint('answered', 'zhaoli', { channel: 'app', category: 'system_technical', customer: customer('C-440301-0112', '李娜', '13922223333'), description: '手机银行转账提示“系统繁忙”，但资金已扣款。', receivedAt: hoursAgo(3) });
  await cmd('answered', 'zhaoli', answered, '/responses', { message: '已核实扣款记录，正在与清算中心确认，预计今日内回复。', channel: 'hotline' });

  const transferred = await complaint('transferred', 'zhaoli', { channel: 'email', category: 'product', severity: 'major', customer: customer('C-110105-0420', '王强', '13700001111', '110105197911110022'), description: '信用卡年费在首年免年费承诺下仍被收取。' });
  await cmd('transferred', 'zhaoli', transferred, '/responses', { message: '您好，已受理，转信用卡运营部核查年费规则。', channel: 'email' });
  await cmd('transferred', 'zhaoli', transferred, '/transfer', { department: 'cards-ops', reason: '需核查年费减免规则与系统配置。' });

  const approval = await complaint('approval', 'sunlei', { channel: 'online_chat', category: 'product', customer: customer('C-320102-0231', '陈芳', '13611112222'), description: '理财产品到期未按约定日期兑付，造成利息损失。', initiativeId: robo });
  await cmd('approval', 'sunlei', approval, '/responses', { message: '已确认延迟兑付，正在计算利息损失。', channel: 'online_chat' });
  await cmd('approval', 'sunlei', approval, '/resolution', { summary: '系统批处理延迟导致兑付推迟两天。', remedy: '补偿利息损失并致歉。', compensation: { amount: 2000, currency: 'CNY' } });

  const resolved = await complaint('resolved', 'zhaoli', { channel: 'branch', category: 'policy_process', customer: customer('C-330106-0088', '刘洋洋', '13533334444'), description: '开户要求重复提交收入证明。' });
  await cmd('resolved', 'zhaoli', resolved, '/responses', { message: '已受理，正在核实开户材料要求。', channel: 'branch' });
  await cmd('resolved', 'zhaoli', resolved, '/resolution', { summary: '网点误用旧版材料清单。', remedy: '已更新清单并培训网点员工。' });

  const closed = await complaint('closed', 'sunlei', { channel: 'hotline', category: 'service', customer: customer('C-510104-0301', '赵敏', '13344445555'), description: '客服热线等待时间过长。', receivedAt: hoursAgo(30) });
  await cmd('closed', 'sunlei', closed, '/responses', { message: '非常抱歉，已安排专人回电。', channel: 'hotline' });
  await cmd('closed', 'sunlei', closed, '/resolution', { summary: '高峰时段坐席不足。', remedy: '增加高峰坐席并提供回拨服务。' });
  await cmd('closed', 'sunlei', closed, '/customer-feedback', { satisfied: true, via: 'callback', comment: '客户表示满意。' });

  await complaint('urgent', 'zhaoli', { channel: 'social_media', category: 'system_technical', severity: 'urgent', customer: customer('C-440106-0777', '黄磊', '13255556666'), description: '信用卡被盗刷三笔，冻结申请两次未成功。', receivedAt: hoursAgo(30) });

  const appeal = await complaint('appeal', 'sunlei', { channel: 'regulator_referral', category: 'product', severity: 'major', customer: customer('C-210202-0055', '周杰', '13166667777', '210202198512120033'), description: '保险理赔被拒，理由与合同条款不符。' });
  await cmd('appeal', 'sunlei', appeal, '/responses', { message: '已受理，正在调阅理赔档案。', channel: 'hotline' });
  await cmd('appeal', 'sunlei', appeal, '/resolution', { summary: '理赔审核依据第 7 条免责条款。', remedy: '维持原理赔结论，提供条款解释。' });
  await cmd('appeal', 'sunlei', appeal, '/customer-feedback', { satisfied: false, via: 'callback', comment: '客户认为免责条款未充分提示。' });
  await cmd('appeal', 'sunlei', appeal, '/appeal', { reason: '客户申请复议：投保时未获免责条款提示。' });

  await complaint('card', 'zhaoli', { channel: 'app', category: 'product', customer: customer('C-310115-0990', '孙悦', '13077778888'), description: '虚拟信用卡绑定移动支付失败。', initiativeId: card });
  await complaint('old', 'sunlei', { channel: 'survey', category: 'policy_process', customer: customer('C-350203-0456', '吴婷', '18988889999'), description: '问卷反馈：贷款提前还款流程繁琐。', receivedAt: hoursAgo(24 * 8) });

  say(`done: ${n} complaints and 7 initiatives. Open ${base}/ and sign in as a demo user (e.g. 王建国 the chair, 赵丽 an agent, 郑华 the auditor).`);
  say(
    config.SMTP_URL
      ? 'their notices went out through the relay of SMTP_URL and are in each user’s notification centre (the bell).'
      : `their notices (escalations, committee requests…) are in Mailpit at http://127.0.0.1:${config.MAILPIT_UI_PORT} and in each user’s notification centre (the bell).`,
  );
  void fresh;
}

main().catch((err: unknown) => {
  process.stderr.write(`demo: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
