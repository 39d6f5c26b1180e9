/**
 * Who hears of what (docs/notifications.md "Who gets what"): every notice topic belongs to an event
 * type; the routing table says, per event type, who hears of it besides the person or group the
 * process addressed (the *addressee*), and whether it goes out by email and to the IM group.
 * Everyone reached always gets the in-app entry; each person's own preference then picks email,
 * their department's IM group, or the in-app centre only.
 *
 * Pure: no I/O. The table is data (an administrable setting with the default below).
 */

export const eventTypes = [
  'reminder',
  'at_risk',
  'breach',
  'escalation',
  'compliance_notice',
  'vote_requested',
  'signoff_requested',
  'decision',
  'extension',
  'compensation_approval',
  'appeal',
  'report_ready',
  'handling',
] as const;
export type EventType = (typeof eventTypes)[number];

/** Which event type each topic of the processes belongs to; an unknown topic is `handling`. */
export const topicEvents: Readonly<Record<string, EventType>> = {
  'gate.reminder': 'reminder',
  'complaint.at_risk': 'at_risk',
  'complaint.breached': 'breach',
  'complaint.escalated': 'escalation',
  'gate.escalated': 'escalation',
  'gate.post_launch_review': 'escalation',
  'complaint.compliance_notice': 'compliance_notice',
  'gate.vote_requested': 'vote_requested',
  'gate.signoff_requested': 'signoff_requested',
  'complaint.signoff_needed': 'signoff_requested',
  'gate.decided': 'decision',
  'gate.review_withdrawn': 'decision',
  'gate.review_extended': 'extension',
  'complaint.approval_needed': 'compensation_approval',
  'complaint.approval_decided': 'compensation_approval',
  'complaint.appeal_lodged': 'appeal',
  'complaint.appeal_decided': 'appeal',
  'report.ready': 'report_ready',
  'complaint.transferred': 'handling',
  'complaint.reassigned': 'handling',
  'complaint.reassigned_away': 'handling',
  'complaint.repeat': 'handling',
  'complaint.resolution_proposed': 'handling',
  'complaint.resumed': 'handling',
  'complaint.deadline_moved': 'extension',
  'gate.deadline_moved': 'extension',
  'incident.raised': 'escalation',
  'incident.owner_assigned': 'handling',
  'incident.owner_replaced': 'handling',
  'incident.plan_submitted': 'handling',
  'incident.reminder': 'reminder',
  'incident.overdue': 'breach',
  'incident.escalated': 'escalation',
  'incident.closed': 'decision',
  'targets.decision_needed': 'signoff_requested',
  'targets.reminder': 'reminder',
  'targets.lapsed': 'decision',
  'pii_access.flagged': 'compliance_notice',
  'improvement.assigned': 'handling',
  'improvement.reminder': 'reminder',
  'improvement.overdue': 'breach',
  'improvement.escalated': 'escalation',
  'improvement.verification_needed': 'signoff_requested',
  'improvement.sent_back': 'handling',
  'improvement.closed': 'decision',
  'improvement.not_effective': 'decision',
  'follow_up.assigned': 'handling',
  'follow_up.reminder': 'reminder',
  'follow_up.overdue': 'breach',
  'follow_up.escalated': 'escalation',
  'erasure.approval_needed': 'compliance_notice',
  'erasure.approved': 'compliance_notice',
  'erasure.refused': 'compliance_notice',
  'erasure.completed': 'compliance_notice',
  'erasure.incomplete': 'compliance_notice',
  'meeting.convened': 'vote_requested',
  'meeting.item_decided': 'decision',
  'meeting.minutes_ready': 'signoff_requested',
  'meeting.minutes_reminder': 'reminder',
  'meeting.minutes_escalated': 'escalation',
  'meeting.minutes_signed': 'decision',
  'complaint.reclassified': 'handling',
  'feedback.first_response_at_risk': 'at_risk',
  'feedback.first_response_overdue': 'breach',
  'feedback.routed': 'handling',
  'feedback.responded': 'handling',
  'feedback.praised': 'handling',
  'feedback.reclassified': 'handling',
};

export function eventTypeOf(topic: string): EventType {
  return topicEvents[topic] ?? 'handling';
}

/**
 * Who may be added to a notice besides its addressee:
 * - `owner`: who handles the entity (the complaint's handling agent, the initiative's owner);
 * - `supervisor`, `compliance`: everyone with the role supervisor / compliance_auditor;
 * - `department`: the people of the complaint's handling department;
 * - `committee`, `chair`: the committee roster / its chair.
 */
export const audiences = ['owner', 'supervisor', 'department', 'committee', 'chair', 'compliance'] as const;
export type Audience = (typeof audiences)[number];

export interface Route {
  /** Also told, besides the addressee. */
  also: Audience[];
  /** Sent by email to people who take email. */
  email: boolean;
  /** Posted to the IM group of the entity (the complaint's department, or the committee). */
  im: boolean;
}
export type RoutingTable = Record<EventType, Route>;

export const defaultRoutingTable: RoutingTable = {
  reminder: { also: [], email: true, im: false },
  at_risk: { also: [], email: true, im: false },
  breach: { also: [], email: true, im: true },
  escalation: { also: [], email: true, im: true },
  compliance_notice: { also: [], email: true, im: false },
  vote_requested: { also: [], email: true, im: true },
  signoff_requested: { also: [], email: true, im: false },
  decision: { also: [], email: true, im: true },
  extension: { also: [], email: true, im: false },
  compensation_approval: { also: [], email: true, im: false },
  appeal: { also: ['compliance'], email: true, im: false },
  report_ready: { also: ['compliance'], email: true, im: false },
  handling: { also: [], email: true, im: true },
};

// ── People and their preferences ───────────────────────────────────────────────────────────────

export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];

/** How a person is reached besides the in-app centre (which everyone reached always gets). */
export const channelPreferences = ['email', 'im', 'inapp'] as const;
export type ChannelPreference = (typeof channelPreferences)[number];

/** A person of the directory as routing sees them. */
export interface Person {
  userId: string;
  name: string;
  email: string | null;
  language: Language;
  department: string | null;
  roles: string[];
  departmentHead: boolean;
  channel: ChannelPreference;
  active: boolean;
}

/** A notice as the process addressed it (`recipientKind` / `recipient` of the outbox row). */
export interface Addressed {
  recipientKind: string;
  recipient: string;
  topic: string;
  entityType: string;
}

/**
 * Whom a complaint's notices and escalation levels reach: its owner (the user holding it, else its
 * first responder) and its department (the one it was transferred to, else the first responder's).
 * The router (db/notifications.ts) and the web UI's escalation ladder use this one rule.
 */
export function complaintRouting(view: { owner: { kind: string; id: string }; agentId: string | null; department?: string | null }, people: readonly Pick<Person, 'userId' | 'department'>[]): { owner: string | null; department: string | null } {
  const owner = view.owner.kind === 'user' ? view.owner.id : view.agentId;
  const department = view.department ?? people.find((p) => p.userId === view.agentId)?.department ?? null;
  return { owner, department };
}

/** What routing knows about the entity and the organisation when it resolves a notice. */
export interface RoutingContext {
  people: readonly Person[];
  /** The chair on the committee roster now, and its members. */
  chair: string | null;
  committee: readonly string[];
  /** The entity's handler (user id) and department, when the entity has them. */
  owner: string | null;
  department: string | null;
  /** IM group ids by scope key (`department:<name>`, `committee`), enabled ones only. */
  imGroups: ReadonlyMap<string, string>;
}

/** What one notice becomes: in-app entries, emails, IM posts. */
export interface Routed {
  inApp: string[];
  email: string[];
  im: string[];
}

const byRole = (ctx: RoutingContext, role: string) => ctx.people.filter((p) => p.active && p.roles.includes(role)).map((p) => p.userId);
const inDepartment = (ctx: RoutingContext, department: string | null) =>
  department ? ctx.people.filter((p) => p.active && p.department === department).map((p) => p.userId) : [];

/**
 * The people the process addressed: a user; everyone with a role; a department's people; an
 * escalation level (supervisor → the supervisors; department head → the head of the entity's
 * department, else the supervisors; committee chair → the chair on the roster).
 */
export function addressees(n: Pick<Addressed, 'recipientKind' | 'recipient'>, ctx: RoutingContext): string[] {
  switch (n.recipientKind) {
    case 'user':
      return [n.recipient];
    case 'role':
      return byRole(ctx, n.recipient);
    case 'department':
      return inDepartment(ctx, n.recipient);
    case 'level': {
      if (n.recipient === 'committee_chair') return ctx.chair ? [ctx.chair] : byRole(ctx, 'supervisor');
      if (n.recipient === 'department_head') {
        const heads = ctx.people.filter((p) => p.active && p.departmentHead && p.department === ctx.department).map((p) => p.userId);
        return heads.length ? heads : byRole(ctx, 'supervisor');
      }
      if (n.recipient === 'cs_agent') return ctx.owner ? [ctx.owner] : [];
      return byRole(ctx, n.recipient);
    }
    default:
      return [];
  }
}

function audience(a: Audience, ctx: RoutingContext): string[] {
  switch (a) {
    case 'owner':
      return ctx.owner ? [ctx.owner] : [];
    case 'supervisor':
      return byRole(ctx, 'supervisor');
    case 'compliance':
      return byRole(ctx, 'compliance_auditor');
    case 'department':
      return inDepartment(ctx, ctx.department);
    case 'committee':
      return [...ctx.committee];
    case 'chair':
      return ctx.chair ? [ctx.chair] : [];
  }
}

/** The IM group of the entity: the complaint's department, the committee for gate matters. */
function entityGroup(n: Addressed, ctx: RoutingContext): string | undefined {
  if (n.entityType === 'initiative') return ctx.imGroups.get('committee');
  if (n.recipientKind === 'department') return ctx.imGroups.get(`department:${n.recipient}`);
  if (n.recipientKind === 'level' && n.recipient === 'committee_chair') return ctx.imGroups.get('committee');
  return ctx.department ? ctx.imGroups.get(`department:${ctx.department}`) : undefined;
}

/**
 * Resolves one notice: everyone reached (addressees and the route's audiences, once each) gets
 * the in-app entry; those who take email and have an address get a mail when the route sends
 * mail; those who prefer IM are reached through their department's group; the entity's group
 * gets a post when the route says so. A person unknown to the directory still gets the in-app
 * entry (the centre is keyed by user id), nothing else.
 */
export function route(n: Addressed, table: RoutingTable, ctx: RoutingContext): Routed {
  const r = table[eventTypeOf(n.topic)] ?? defaultRoutingTable.handling;
  const reached = [...new Set([...addressees(n, ctx), ...r.also.flatMap((a) => audience(a, ctx))])];
  const known = new Map(ctx.people.map((p) => [p.userId, p]));
  const email: string[] = [];
  const im = new Set<string>();
  for (const userId of reached) {
    const p = known.get(userId);
    if (!p || !p.active) continue;
    if (p.channel === 'email' && r.email && p.email) email.push(userId);
    if (p.channel === 'im' && p.department) {
      const group = ctx.imGroups.get(`department:${p.department}`);
      if (group) im.add(group);
    }
  }
  if (r.im) {
    const group = entityGroup(n, ctx);
    if (group) im.add(group);
  }
  return { inApp: reached, email, im: [...im] };
}
