import type { Language } from '../domain/notifications/routing.js';
import type { CustomerNoticeKind } from '../domain/notifications/derive.js';

/**
 * The words of every message cxgov sends, in Chinese and English (docs/notifications.md
 * "Templates"). Staff messages name the topic, the entity's reference and structured facts
 * (deadlines, levels, outcomes) and link into the web UI — never the process's free text, which
 * may quote the customer, and never a customer's contact details. Customer messages carry the
 * complaint number and what was decided for them.
 *
 * Pure functions: no I/O.
 */

type Words = { zh: string; en: string };

const topicTitles: Record<string, Words> = {
  'complaint.at_risk': { zh: '投诉处理时限临近', en: 'A complaint deadline is near' },
  'complaint.breached': { zh: '投诉处理已超时', en: 'A complaint deadline was missed' },
  'complaint.escalated': { zh: '投诉已升级至您处理', en: 'A complaint was escalated to you' },
  'complaint.compliance_notice': { zh: '合规提示：重大投诉超时', en: 'Compliance notice: a serious complaint missed its deadline' },
  'complaint.transferred': { zh: '投诉已转至您的部门', en: 'A complaint was transferred to your department' },
  'complaint.reassigned': { zh: '投诉已改派给您处理', en: 'A complaint was reassigned to you' },
  'complaint.reassigned_away': { zh: '您负责的投诉已改派他人', en: 'A complaint you held was reassigned to another agent' },
  'complaint.approval_needed': { zh: '补偿方案待您审批', en: 'A compensation needs your approval' },
  'complaint.approval_decided': { zh: '补偿方案审批结果', en: 'A compensation was decided' },
  'complaint.resolution_proposed': { zh: '部门已提出处理方案，请反馈客户', en: 'The department proposed a resolution: tell the customer' },
  'complaint.signoff_needed': { zh: '投诉待您签批结案', en: 'A complaint waits for your sign-off' },
  'complaint.appeal_lodged': { zh: '客户申请复核', en: 'The customer asks for reconsideration' },
  'complaint.appeal_decided': { zh: '复核已有结论', en: 'An appeal was decided' },
  'complaint.repeat': { zh: '重复投诉提醒', en: 'A repeat complaint' },
  'complaint.resumed': { zh: '暂停额度用尽，时限恢复计时', en: 'The pause allowance is used up: the clocks run again' },
  'gate.reminder': { zh: '评审投票提醒', en: 'Reminder: your vote is due' },
  'gate.vote_requested': { zh: '请您参与评审投票', en: 'Your vote is requested' },
  'gate.escalated': { zh: '评审已升级至主任决定', en: 'A review was escalated to you' },
  'gate.signoff_requested': { zh: '评审已达法定人数，请签批', en: 'A review reached its quorum: your sign-off is requested' },
  'gate.decided': { zh: '评审已有结论', en: 'A review was decided' },
  'gate.review_extended': { zh: '评审期限已延长', en: 'A review was extended' },
  'gate.review_withdrawn': { zh: '评审已撤回', en: 'A review was withdrawn' },
  'gate.post_launch_review': { zh: '上线后投诉超阈值，需复盘评审', en: 'Complaints since launch call for a post-launch review' },
  'report.ready': { zh: '报表已生成', en: 'A report is ready' },
  'complaint.deadline_moved': { zh: '工作日历调整，投诉时限已变更', en: 'The business calendar changed: a complaint deadline moved' },
  'gate.deadline_moved': { zh: '工作日历调整，评审期限已变更', en: 'The business calendar changed: a review deadline moved' },
  'incident.raised': { zh: '投诉激增，已立为事件', en: 'A complaint spike was raised as an incident' },
  'incident.owner_assigned': { zh: '您被指定为事件处置负责人', en: 'You are the response owner of an incident' },
  'incident.owner_replaced': { zh: '事件处置负责人已变更', en: 'An incident has a new response owner' },
  'incident.plan_submitted': { zh: '事件处置方案已提交', en: 'An incident response plan was submitted' },
  'incident.reminder': { zh: '事件处置步骤即将到期', en: 'An incident step is due soon' },
  'incident.overdue': { zh: '事件处置步骤已逾期', en: 'An incident step is overdue' },
  'incident.escalated': { zh: '事件已升级至您处', en: 'An incident was escalated to you' },
  'incident.closed': { zh: '事件已结案', en: 'An incident was closed' },
  'targets.decision_needed': { zh: 'KPI 目标调整待您审批', en: 'New KPI targets wait for your approval' },
  'targets.reminder': { zh: 'KPI 目标调整审批提醒', en: 'Reminder: proposed KPI targets wait for your decision' },
  'targets.lapsed': { zh: 'KPI 目标调整提案已失效', en: 'Proposed KPI targets lapsed' },
  'pii_access.flagged': { zh: '客户信息查看异常：短时间内查看客户过多', en: 'Unusually many customers opened in clear' },
  'improvement.assigned': { zh: '您被指定为整改措施负责人', en: 'You own an improvement action' },
  'improvement.reminder': { zh: '整改措施即将到期', en: 'An improvement action is due soon' },
  'improvement.overdue': { zh: '整改措施已逾期', en: 'An improvement action is overdue' },
  'improvement.escalated': { zh: '逾期整改措施已升级至您处', en: 'An overdue improvement action was escalated to you' },
  'improvement.verification_needed': { zh: '整改措施已完成，待您验证', en: 'An improvement action waits for your verification' },
  'improvement.sent_back': { zh: '整改措施被退回', en: 'An improvement action was sent back' },
  'improvement.closed': { zh: '整改措施已验证关闭', en: 'An improvement action was verified and closed' },
  'complaint.reclassified': { zh: '您的投诉已改类为客户意见', en: 'A complaint of yours was reclassified as feedback' },
  'feedback.first_response_at_risk': { zh: '咨询即将超过首次答复时限', en: 'An inquiry is close to its first-response deadline' },
  'feedback.first_response_overdue': { zh: '咨询已超过首次答复时限', en: 'An inquiry missed its first-response deadline' },
  'feedback.routed': { zh: '客户建议已转交您的团队', en: 'A customer suggestion was routed to your team' },
  'feedback.responded': { zh: '产品团队已回复客户建议', en: 'The product team responded to a suggestion' },
  'feedback.praised': { zh: '客户表扬了您', en: 'A customer praised you' },
  'feedback.reclassified': { zh: '您登记的客户意见已改为投诉', en: 'A feedback item of yours was reclassified as a complaint' },
  'improvement.not_effective': { zh: '整改措施效果评估：未见成效', en: 'An improvement action did not reduce complaints' },
  'follow_up.assigned': { zh: '差评客户待您回访', en: 'A detractor waits for your follow-up call' },
  'follow_up.reminder': { zh: '差评回访即将到期', en: 'A detractor follow-up is due soon' },
  'follow_up.overdue': { zh: '差评回访已逾期', en: 'A detractor follow-up is overdue' },
  'follow_up.escalated': { zh: '逾期差评回访已升级至您处', en: 'An overdue detractor follow-up was escalated to you' },
  'erasure.approval_needed': { zh: '个人信息删除申请待您审批', en: 'A personal-data erasure waits for your approval' },
  'erasure.approved': { zh: '个人信息删除申请已批准', en: 'A personal-data erasure was approved' },
  'erasure.refused': { zh: '个人信息删除申请被拒绝', en: 'A personal-data erasure was refused' },
  'erasure.completed': { zh: '个人信息已删除并验证', en: 'Personal data erased and verified' },
  'erasure.incomplete': { zh: '个人信息删除验证未通过', en: 'A personal-data erasure failed its verification' },
  'meeting.convened': { zh: '委员会月度会议已召开，请出席', en: 'The committee meeting is convened: please attend' },
  'meeting.item_decided': { zh: '委员会会议议题已决定', en: 'A committee meeting item was decided' },
  'meeting.minutes_ready': { zh: '会议议题均已决定，纪要待主任签署', en: 'Every item is decided: the minutes wait for the chair’s signature' },
  'meeting.minutes_reminder': { zh: '会议纪要待签署提醒', en: 'Reminder: the meeting minutes wait for your signature' },
  'meeting.minutes_escalated': { zh: '会议纪要逾期未签署，已升级', en: 'The meeting minutes are overdue for signature' },
  'meeting.minutes_signed': { zh: '会议纪要已签署', en: 'The meeting minutes are signed' },
};

export function topicTitle(topic: string, lang: Language): string {
  return topicTitles[topic]?.[lang] ?? (lang === 'zh' ? `通知：${topic}` : `Notice: ${topic}`);
}

const entityNames: Record<string, Words> = {
  complaint: { zh: '投诉', en: 'Complaint' },
  initiative: { zh: '产品项目', en: 'Initiative' },
  report: { zh: '报表', en: 'Report' },
  incident: { zh: '事件', en: 'Incident' },
  target_proposal: { zh: 'KPI 目标提案', en: 'KPI target proposal' },
  improvement: { zh: '整改措施', en: 'Improvement action' },
  erasure: { zh: '个人信息删除申请', en: 'Erasure request' },
  follow_up: { zh: '差评回访', en: 'Detractor follow-up' },
};

/** "投诉 C-1" / "Complaint C-1": the reference a staff message names the entity by. */
export function reference(entityType: string, entityId: string, lang: Language): string {
  const name = entityNames[entityType]?.[lang] ?? entityType;
  return lang === 'zh' ? `${name} ${entityId}` : `${name} ${entityId}`;
}

/** The path of the entity in the web UI. */
export function entityPath(entityType: string, entityId: string): string {
  if (entityType === 'complaint') return `/complaints/${encodeURIComponent(entityId)}`;
  if (entityType === 'initiative') return `/initiatives/${encodeURIComponent(entityId)}`;
  if (entityType === 'incident') return `/incidents/${encodeURIComponent(entityId)}`;
  if (entityType === 'improvement') return `/improvements/${encodeURIComponent(entityId)}`;
  if (entityType === 'follow_up') return `/follow-ups/${encodeURIComponent(entityId)}`;
  if (entityType === 'erasure') return `/erasures/${encodeURIComponent(entityId)}`;
  if (entityType === 'feedback') return `/feedback/${encodeURIComponent(entityId)}`;
  if (entityType === 'report') return '/reports';
  if (entityType === 'target_proposal') return '/targets';
  return '/inbox';
}

const labels = {
  reference: { zh: '编号', en: 'Reference' },
  deadline: { zh: '截止时间', en: 'Deadline' },
  clock: { zh: '时限', en: 'Clock' },
  level: { zh: '升级层级', en: 'Escalation level' },
  outcome: { zh: '结论', en: 'Outcome' },
  quorum: { zh: '投票', en: 'Votes' },
  period: { zh: '期间', en: 'Period' },
  step: { zh: '步骤', en: 'Step' },
  open: { zh: '在 cxgov 中查看', en: 'Open in cxgov' },
  footer: { zh: '此邮件由 cxgov 自动发送；详情请登录系统查看。', en: 'Sent by cxgov; sign in for the details.' },
} satisfies Record<string, Words>;

const clockNames: Record<string, Words> = {
  firstResponse: { zh: '首次响应', en: 'first response' },
  resolution: { zh: '处理完成', en: 'resolution' },
  customerFeedback: { zh: '客户反馈', en: 'customer feedback' },
  investigation: { zh: '部门调查', en: 'investigation' },
  appeal: { zh: '复核', en: 'appeal' },
};
const levelNames: Record<string, Words> = {
  supervisor: { zh: '主管', en: 'supervisor' },
  department_head: { zh: '部门负责人', en: 'department head' },
  committee_chair: { zh: '委员会主任', en: 'committee chair' },
};
const incidentSteps: Record<string, Words> = {
  owner: { zh: '指定处置负责人', en: 'naming a response owner' },
  plan: { zh: '处置方案', en: 'the response plan' },
  review: { zh: '事后复盘', en: 'the post-incident review' },
};
const outcomes: Record<string, Words> = {
  approve: { zh: '通过', en: 'approved' },
  request_changes: { zh: '需修改', en: 'changes requested' },
  reject: { zh: '否决', en: 'rejected' },
};

export interface StaffMessageInput {
  topic: string;
  entityType: string;
  entityId: string;
  data: unknown;
  language: Language;
  /** Base URL of the web UI, without a trailing slash. */
  publicUrl: string;
  timeZone: string;
}

export interface StaffMessage {
  subject: string;
  /** Lines of the body, plain text (the first is the title). */
  lines: string[];
  link: string;
}

export function formatInstant(value: unknown, lang: Language, timeZone: string): string | undefined {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return undefined;
  try {
    return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  } catch {
    return new Date(value).toISOString();
  }
}

/** Facts of the notice's data worth a line: only known, structured fields (no free text). */
function factLines(data: unknown, lang: Language, timeZone: string): string[] {
  const d = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const lines: string[] = [];
  const deadline = formatInstant(d.deadline ?? d.investigationDeadline ?? d.after, lang, timeZone);
  if (deadline) lines.push(`${labels.deadline[lang]}: ${deadline}`);
  if (typeof d.clock === 'string') lines.push(`${labels.clock[lang]}: ${clockNames[d.clock]?.[lang] ?? d.clock}`);
  if (typeof d.levelName === 'string') lines.push(`${labels.level[lang]}: ${levelNames[d.levelName]?.[lang] ?? d.levelName}`);
  else if (typeof d.level === 'number' && d.level > 0) lines.push(`${labels.level[lang]}: ${d.level}`);
  if (typeof d.outcome === 'string') lines.push(`${labels.outcome[lang]}: ${outcomes[d.outcome]?.[lang] ?? d.outcome}`);
  const q = d.quorum !== null && typeof d.quorum === 'object' ? (d.quorum as Record<string, unknown>) : undefined;
  if (q && typeof q.cast === 'number' && typeof q.required === 'number') lines.push(`${labels.quorum[lang]}: ${q.cast}/${q.required}`);
  if (typeof d.period === 'string') lines.push(`${labels.period[lang]}: ${d.period}`);
  if (typeof d.step === 'string') lines.push(`${labels.step[lang]}: ${incidentSteps[d.step]?.[lang] ?? d.step}`);
  return lines;
}

export function staffMessage(i: StaffMessageInput): StaffMessage {
  const title = topicTitle(i.topic, i.language);
  const ref = reference(i.entityType, i.entityId, i.language);
  const link = `${i.publicUrl}${entityPath(i.entityType, i.entityId)}`;
  return {
    subject: `[cxgov] ${title} · ${ref}`,
    lines: [title, `${labels.reference[i.language]}: ${ref}`, ...factLines(i.data, i.language, i.timeZone)],
    link,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The mail of a staff message: plain text and a simple HTML alternative. */
export function staffMail(m: StaffMessage, lang: Language): { subject: string; text: string; html: string } {
  const text = [...m.lines, '', `${labels.open[lang]}: ${m.link}`, '', labels.footer[lang]].join('\n');
  const [title, ...rest] = m.lines;
  const html = [
    `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><body style="font-family:sans-serif">`,
    `<h2 style="font-size:18px">${escapeHtml(title ?? '')}</h2>`,
    `<ul>${rest.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    `<p><a href="${escapeHtml(m.link)}">${escapeHtml(labels.open[lang])}</a></p>`,
    `<p style="color:#666;font-size:12px">${escapeHtml(labels.footer[lang])}</p>`,
    '</body></html>',
  ].join('');
  return { subject: m.subject, text, html };
}

/** An IM group post: one title and markdown lines, in the group's language (Chinese, then English). */
export function imPost(zh: StaffMessage, en: StaffMessage, mention: string[]): { title: string; markdown: string; text: string } {
  const [titleZh, ...restZh] = zh.lines;
  const [titleEn] = en.lines;
  const title = `${titleZh} / ${titleEn}`;
  const mentionLine = mention.length ? [`@${mention.join(' @')}`] : [];
  const markdown = [`### ${title}`, ...restZh.map((l) => `- ${l}`), `[${labels.open.zh} / ${labels.open.en}](${zh.link})`, ...mentionLine].join('\n');
  const text = [title, ...restZh, zh.link, ...mentionLine].join('\n');
  return { title, markdown, text };
}

// ── The customer ───────────────────────────────────────────────────────────────────────────────

export interface CustomerMessageInput {
  kind: CustomerNoticeKind;
  complaintId: string;
  data: unknown;
  language: Language;
  timeZone: string;
  /** Who signs the message (the institution's name). */
  sender: string;
  /** The survey notice's one-time link (`<PUBLIC_URL>/survey/<token>`), signed at send time. */
  surveyLink?: string;
}

/**
 * The customer's acknowledgement, result, appeal-decision and survey notices: short enough for an SMS,
 * signed with the institution's name, naming the complaint number the customer can quote.
 */
export function customerMessage(i: CustomerMessageInput): { subject: string; text: string } {
  const d = i.data !== null && typeof i.data === 'object' ? (i.data as Record<string, unknown>) : {};
  const zh = i.language === 'zh';
  const sign = zh ? `【${i.sender}】` : `[${i.sender}] `;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  switch (i.kind) {
    case 'acknowledgement': {
      const due = formatInstant(d.firstResponseDeadline, i.language, i.timeZone);
      return zh
        ? { subject: `您的投诉已受理（编号 ${i.complaintId}）`, text: `${sign}您的投诉已受理，编号 ${i.complaintId}。${due ? `我们将于 ${due} 前与您联系，` : '我们将尽快与您联系，'}并在规定时限内给出处理结果。` }
        : { subject: `Your complaint was received (no. ${i.complaintId})`, text: `${sign}We received your complaint, no. ${i.complaintId}. ${due ? `We will contact you by ${due}` : 'We will contact you soon'} and give you our decision within the set time.` };
    }
    case 'result': {
      const summary = str(d.summary);
      const remedy = str(d.remedy);
      return zh
        ? {
            subject: `您的投诉处理结果（编号 ${i.complaintId}）`,
            text: `${sign}您的投诉（编号 ${i.complaintId}）已处理完毕。${summary ? `处理结果：${summary}。` : ''}${remedy ? `补救措施：${remedy}。` : ''}如对结果有异议，可联系我们申请复核。`,
          }
        : {
            subject: `The result of your complaint (no. ${i.complaintId})`,
            text: `${sign}Your complaint no. ${i.complaintId} has been resolved.${summary ? ` Result: ${summary}.` : ''}${remedy ? ` Remedy: ${remedy}.` : ''} If you disagree, contact us to ask for reconsideration.`,
          };
    }
    case 'appeal_result': {
      const decision = str(d.decision);
      const upheld = d.upheld === true;
      return zh
        ? { subject: `您的复核申请结果（编号 ${i.complaintId}）`, text: `${sign}您对投诉（编号 ${i.complaintId}）的复核申请${upheld ? '已获支持' : '经审查维持原处理结果'}。${decision ? `复核结论：${decision}。` : ''}` }
        : { subject: `The decision on your appeal (no. ${i.complaintId})`, text: `${sign}Your appeal on complaint no. ${i.complaintId} was ${upheld ? 'upheld' : 'dismissed; the resolution stands'}.${decision ? ` Decision: ${decision}.` : ''}` };
    }
    case 'survey': {
      const until = formatInstant(d.expiresAt, i.language, i.timeZone);
      const link = i.surveyLink ?? '';
      const appeal = d.surveyKind === 'appeal';
      if (d.surveyKind === 'product_nps') {
        // A product NPS campaign (docs/surveys.md "Product NPS"): about the product, not the case.
        return zh
          ? {
              subject: `邀请您评价我们的产品（编号 ${i.complaintId}）`,
              text: `${sign}您近期就我们的产品与我们有过联系（编号 ${i.complaintId}）。您向亲友推荐这款产品的可能性有多大？诚邀您花一分钟告诉我们：${link} ${until ? `链接仅限本人使用一次，${until} 前有效。` : '链接仅限使用一次。'}`,
            }
          : {
              subject: `Would you recommend our product? (no. ${i.complaintId})`,
              text: `${sign}You were in touch with us about one of our products recently (no. ${i.complaintId}). How likely are you to recommend it? Please take a minute to tell us: ${link} ${until ? `The link works once, until ${until}.` : 'The link works once.'}`,
            };
      }
      return zh
        ? {
            subject: `请评价我们的服务（编号 ${i.complaintId}）`,
            text: `${sign}感谢您的耐心。您的${appeal ? '复核申请' : '投诉'}（编号 ${i.complaintId}）已办结，诚邀您花一分钟评价我们的服务：${link} ${until ? `链接仅限本人使用一次，${until} 前有效。` : '链接仅限使用一次。'}`,
          }
        : {
            subject: `How did we do? (no. ${i.complaintId})`,
            text: `${sign}Thank you for your patience. Your ${appeal ? 'appeal' : 'complaint'} no. ${i.complaintId} is closed; please take a minute to rate our service: ${link} ${until ? `The link works once, until ${until}.` : 'The link works once.'}`,
          };
    }
  }
}
