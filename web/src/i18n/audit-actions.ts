import type { Locale } from './index';

/**
 * The audit trail's action codes in words, per language (an action the list does not know yet
 * shows as its code). The codes are what the processes record (docs/audit.md); the words are for
 * the auditor reading the timeline.
 */
const actions: Record<string, [en: string, zh: string]> = {
  'complaint.received': ['Complaint received', '受理投诉'],
  'complaint.responded': ['Responded to the customer', '已答复客户'],
  'complaint.transferred': ['Transferred to a department', '转办部门'],
  'complaint.resolution_proposed': ['Resolution proposed', '提出处理方案'],
  'complaint.resolution_approved': ['Compensation approved', '补偿已批准'],
  'complaint.resolution_rejected': ['Compensation refused', '补偿被驳回'],
  'complaint.resolved': ['Resolved', '已处理'],
  'complaint.customer_confirmed': ['Customer confirmed the result', '客户确认处理结果'],
  'complaint.closed': ['Closed', '已结案'],
  'complaint.reopened': ['Reopened', '重新打开'],
  'complaint.appealed': ['Appeal lodged', '客户申诉'],
  'complaint.appeal_lodged': ['Appeal lodged', '客户申诉'],
  'complaint.appeal_decided': ['Appeal decided', '申诉已裁定'],
  'complaint.paused': ['Clock paused', '计时暂停'],
  'complaint.resumed': ['Clock resumed', '计时恢复'],
  'complaint.escalated': ['Escalated', '已升级'],
  'complaint.breach_escalated': ['Deadline missed: escalated', '超时升级'],
  'complaint.breached': ['Deadline missed', '超时'],
  'complaint.clock_breached': ['Deadline missed', '超时'],
  'complaint.at_risk': ['Deadline at risk', '即将超时'],
  'complaint.clock_at_risk': ['Deadline at risk', '即将超时'],
  'complaint.signed_off': ['Signed off by the chair', '主任已签批'],
  'complaint.callback_recorded': ['Callback recorded', '已记录回访'],
  'follow_up.opened': ['Detractor follow-up opened', '差评回访已创建'],
  'follow_up.reminder_sent': ['Follow-up reminder sent', '已发送回访提醒'],
  'follow_up.escalated': ['Follow-up overdue: escalated', '回访逾期升级'],
  'follow_up.outcome_recorded': ['Follow-up outcome recorded', '已记录回访结果'],
  'complaint.deadline_moved': ['Deadline moved (calendar change)', '截止时间调整（日历变更）'],
  'complaint.customer_updated': ['Customer details corrected', '客户信息更正'],
  'complaint.root_cause_corrected': ['Root cause corrected', '根因更正'],
  'complaint.reassigned': ['Reassigned to another agent', '改派处理人'],
  'complaint.repeat': ['Repeat complaint detected', '识别为重复投诉'],
  'complaint.compliance_notice': ['Compliance notified', '已通知合规'],
  'initiative.created': ['Initiative created', '创建项目'],
  'initiative.advanced': ['Advanced to the next stage', '进入下一阶段'],
  'initiative.changes_requested': ['Changes requested', '要求修改'],
  'initiative.launched': ['Launched', '已上线'],
  'initiative.rejected': ['Rejected', '已否决'],
  'initiative.withdrawn': ['Withdrawn', '已撤回'],
  'review.opened': ['Gate review opened', '开启阶段评审'],
  'review.vote_cast': ['Vote cast', '委员投票'],
  'review.vote_revised': ['Vote revised', '委员改票'],
  'review.signed_off': ['Signed off by the chair', '主任签批'],
  'review.override': ['Decided by the chair alone', '主任单独决定'],
  'review.reminder_sent': ['Reminder sent', '已发送提醒'],
  'review.escalated': ['Review escalated to the chair', '评审升级至主任'],
  'review.extended': ['Review extended', '评审延期'],
  'review.deadline_moved': ['Deadline moved (calendar change)', '截止时间调整（日历变更）'],
  'post_launch.monitoring_started': ['Post-launch monitoring started', '开始上线后监测'],
  'post_launch.complaint_linked': ['Complaint linked to the product', '投诉关联到产品'],
  'post_launch.review_raised': ['Post-launch review raised', '提出上线后复盘'],
  'post_launch.monitoring_ended': ['Post-launch monitoring ended', '上线后监测结束'],
  'incident.raised': ['Incident raised', '发现突发事件'],
  'incident.owner_assigned': ['Response owner named', '指定处置负责人'],
  'incident.owner_replaced': ['Response owner replaced', '更换处置负责人'],
  'incident.plan_submitted': ['Response plan submitted', '提交处置方案'],
  'incident.plan_revised': ['Response plan revised', '修订处置方案'],
  'incident.complaints_linked': ['Complaints linked', '关联投诉'],
  'incident.reminder_sent': ['Reminder sent', '已发送提醒'],
  'incident.overdue': ['Overdue', '已逾期'],
  'incident.escalated': ['Escalated', '已升级'],
  'incident.closed': ['Closed after review', '复盘后关闭'],
  'targets.proposed': ['Targets proposed', '提出目标值'],
  'targets.reminder_sent': ['Reminder sent', '已发送提醒'],
  'targets.lapsed': ['Proposal lapsed', '提议失效'],
  'calendar.year_imported': ['Holiday schedule imported', '导入节假日安排'],
  'committee.updated': ['Committee changed', '委员会成员变更'],
  'departments.updated': ['Department names changed', '部门名称变更'],
  'person.created': ['Person added', '新增人员'],
  'person.updated': ['Person changed', '人员信息变更'],
  'person.preferences_updated': ['Notification settings changed', '通知设置变更'],
  'im_channel.created': ['IM channel added', '新增即时通讯渠道'],
  'im_channel.updated': ['IM channel changed', '即时通讯渠道变更'],
  'report.generated': ['Report generated', '生成报告'],
  'report.regenerated': ['Report regenerated', '重新生成报告'],
  'customer_notice.queued': ['Notice to the customer queued', '客户通知已排队'],
  'customer_notice.sent': ['Notice sent to the customer', '客户通知已发送'],
  'customer_notice.failed': ['Notice to the customer failed', '客户通知发送失败'],
  'customer_notice.not_sent': ['Notice to the customer not sent', '客户通知未发送'],
  'customer_notice.redriven': ['Notice to the customer resent', '客户通知重新发送'],
  'pii_access.granted': ['Customer details shown in clear', '客户信息明文展示'],
  'pii_access.flagged': ['Unusual access flagged to compliance', '异常访问已提示合规'],
  'survey.answered': ['Survey answered by the customer', '客户已完成满意度调查'],
};

/** Actions several families record alike, by their last part (`review.updated`, `complaint.history_archived`). */
const endings: Record<string, [en: string, zh: string]> = {
  updated: ['Changed', '已变更'],
  history_archived: ['History archived', '历史已归档'],
  terminated: ['Process terminated outside cxgov', '流程在系统外被终止'],
  timed_out: ['Process timed out', '流程超时终止'],
  cancelled: ['Process cancelled outside cxgov', '流程在系统外被取消'],
  failed: ['Process failed', '流程失败'],
  reseal_started: ['Re-sealing under the new key started', '开始以新密钥重新加密'],
  reseal_progress: ['Re-sealing progress', '重新加密进度'],
  reseal_completed: ['Re-sealing completed', '重新加密完成'],
};

/** The families the action filter offers, each `family.` matching all its actions. */
const families: Record<string, [en: string, zh: string]> = {
  complaint: ['complaints', '投诉'],
  initiative: ['initiatives', '产品项目'],
  review: ['gate reviews', '阶段评审'],
  post_launch: ['post-launch monitoring', '上线后监测'],
  incident: ['incidents', '突发事件'],
  targets: ['KPI targets', '指标目标值'],
  calendar: ['the calendar', '工作日历'],
  committee: ['the committee', '委员会'],
  person: ['people', '人员'],
  im_channel: ['IM channels', '即时通讯渠道'],
  report: ['reports', '报告'],
  customer_notice: ['notices to customers', '客户通知'],
  pii_access: ['customer data access', '客户信息访问'],
  survey: ['satisfaction surveys', '满意度调查'],
};
export const actionFamilies = Object.keys(families);

export function familyLabel(locale: Locale, family: string): string {
  const words = families[family];
  return words ? words[locale === 'zh' ? 1 : 0] : family;
}

/** Every action the list knows, for the filter. */
export const knownActions = Object.keys(actions);

export function actionLabel(locale: Locale, action: string): string {
  const words = actions[action] ?? endings[action.slice(action.indexOf('.') + 1)];
  return words ? words[locale === 'zh' ? 1 : 0] : action;
}
