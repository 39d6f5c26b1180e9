/**
 * Why a complaint happened: the root-cause taxonomy an admin keeps (a two-level tree, versioned
 * and audited like every policy) and the root cause a resolution names. The hot issues, the
 * spike watcher and the KPI facts count complaints by it (docs/reports.md, docs/incidents.md).
 *
 * Workflow-safe: pure.
 *
 * Decisions:
 * - A resolution names a leaf (a second-level cause); its group (the first level) is stored beside
 *   it, so a later taxonomy change never moves a recorded complaint to another group.
 * - The taxonomy in force when the cause is named is the one checked (the API reads it then);
 *   the complaint records the taxonomy version with the cause.
 * - Whether a resolution must name one is the policy's `requiredOnResolution` (default false, so
 *   an institution turns it on once its staff know the tree).
 * - The cause may name the product (initiative) the problem lies in; without one the complaint's
 *   own linked product counts.
 */

export interface Label {
  zh: string;
  en: string;
}

export interface RootCauseNode {
  code: string;
  label: Label;
}

export interface RootCauseGroup extends RootCauseNode {
  children: RootCauseNode[];
}

/** The taxonomy policy (`GET/PUT /api/v1/policies/root-causes`). */
export interface RootCausePolicy {
  requiredOnResolution: boolean;
  groups: RootCauseGroup[];
}

/** A root cause as a command names it. */
export interface RootCauseChoice {
  code: string;
  /** The product (initiative) the problem lies in, if not the complaint's own. */
  initiativeId?: string;
}

/** A root cause as a complaint keeps it (resolved against the taxonomy). */
export interface RootCause {
  code: string;
  group: string;
  initiativeId: string | null;
  taxonomyVersion: number;
}

/** The complaint's current root cause, with who named it and how. */
export interface RootCauseRecord extends RootCause {
  by: string;
  at: string;
  via: 'resolution' | 'correction';
  reason?: string;
}

const node = (code: string, zh: string, en: string): RootCauseNode => ({ code, label: { zh, en } });
const group = (code: string, zh: string, en: string, children: RootCauseNode[]): RootCauseGroup => ({ ...node(code, zh, en), children });

export const defaultRootCausePolicy: RootCausePolicy = {
  requiredOnResolution: false,
  groups: [
    group('product_design', '产品设计', 'Product design', [
      node('product_design.features', '功能缺陷或缺失', 'Missing or faulty feature'),
      node('product_design.usability', '操作复杂、不易用', 'Hard to use'),
      node('product_design.suitability', '产品与客户需求不匹配', 'Product does not suit the customer'),
    ]),
    group('fees_pricing', '收费与定价', 'Fees and pricing', [
      node('fees_pricing.undisclosed', '收费未充分告知', 'Fee not disclosed'),
      node('fees_pricing.level', '收费或利率过高', 'Fee or rate too high'),
      node('fees_pricing.error', '计费错误', 'Wrong charge'),
    ]),
    group('process_policy', '流程与制度', 'Process and policy', [
      node('process_policy.too_slow', '办理时间过长', 'Takes too long'),
      node('process_policy.documents', '材料要求繁琐', 'Too many documents'),
      node('process_policy.rule', '制度规定不合理', 'Unreasonable rule'),
    ]),
    group('system_technology', '系统与技术', 'System and technology', [
      node('system_technology.outage', '系统故障或中断', 'Outage'),
      node('system_technology.defect', '系统缺陷', 'Software defect'),
      node('system_technology.security', '账户安全', 'Account security'),
    ]),
    group('staff_conduct', '员工行为', 'Staff conduct', [
      node('staff_conduct.attitude', '服务态度', 'Attitude'),
      node('staff_conduct.competence', '业务能力不足', 'Lack of competence'),
      node('staff_conduct.misselling', '误导销售', 'Mis-selling'),
    ]),
    group('communication_disclosure', '沟通与信息披露', 'Communication and disclosure', [
      node('communication_disclosure.unclear', '信息不清晰', 'Unclear information'),
      node('communication_disclosure.missing', '未及时告知', 'Not told in time'),
    ]),
    group('third_party', '第三方', 'Third party', [
      node('third_party.partner', '合作机构', 'Partner institution'),
      node('third_party.merchant', '商户', 'Merchant'),
    ]),
  ],
};

/** Codes: lower-case letters, digits, `_` and `.` (a leaf usually `<group>.<name>`). */
export const rootCauseCodePattern = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

/** Every problem of a taxonomy, each with its path: codes unique across the tree, each group with a leaf. */
export function taxonomyProblems(policy: RootCausePolicy): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, string>();
  const claim = (code: string, path: (string | number)[]) => {
    const where = path.join('.');
    if (seen.has(code)) problems.push({ path: [...path, 'code'], message: `code ${code} is used twice (also at ${seen.get(code)})` });
    else seen.set(code, where);
  };
  policy.groups.forEach((g, i) => {
    claim(g.code, ['groups', i]);
    if (g.children.length === 0) problems.push({ path: ['groups', i, 'children'], message: `group ${g.code} needs at least one cause` });
    g.children.forEach((c, j) => claim(c.code, ['groups', i, 'children', j]));
  });
  return problems;
}

/** The leaf `code` with its group, or undefined when the taxonomy has no such leaf. */
export function findRootCause(policy: RootCausePolicy, code: string): { group: RootCauseGroup; cause: RootCauseNode } | undefined {
  for (const g of policy.groups) {
    const cause = g.children.find((c) => c.code === code);
    if (cause) return { group: g, cause };
  }
  return undefined;
}

export type RootCauseCheck = { ok: true; rootCause: RootCause | null } | { ok: false; message: string };

/**
 * The root cause a command names, checked against the taxonomy in force (version `version`):
 * null when none is named and none is required; a refusal naming what is wrong otherwise.
 */
export function resolveRootCause(policy: RootCausePolicy, version: number, choice: RootCauseChoice | undefined, required = policy.requiredOnResolution): RootCauseCheck {
  if (!choice) return required ? { ok: false, message: 'a root cause is required: name one of the taxonomy’s causes (GET /api/v1/policies/root-causes)' } : { ok: true, rootCause: null };
  const found = findRootCause(policy, choice.code);
  if (!found) {
    const isGroup = policy.groups.some((g) => g.code === choice.code);
    return { ok: false, message: isGroup ? `${choice.code} is a group: name one of its causes (${policy.groups.find((g) => g.code === choice.code)!.children.map((c) => c.code).join(', ')})` : `${choice.code} is not a cause of the root-cause taxonomy (version ${version})` };
  }
  return { ok: true, rootCause: { code: found.cause.code, group: found.group.code, initiativeId: choice.initiativeId ?? null, taxonomyVersion: version } };
}

/** The label of a code (a leaf or a group) in `locale`, or the code itself when the taxonomy no longer has it. */
export function rootCauseLabel(policy: RootCausePolicy, code: string, locale: keyof Label): string {
  for (const g of policy.groups) {
    if (g.code === code) return g.label[locale];
    const c = g.children.find((x) => x.code === code);
    if (c) return c.label[locale];
  }
  return code;
}

/**
 * Who may correct a complaint's root cause: a supervisor, in any status (closed included: the
 * hot issues are read long after complaints close). Null when allowed, else the 403 detail.
 */
export function rootCauseCorrectionRefusal(actor: { roles: readonly string[] }): string | null {
  return actor.roles.includes('supervisor') ? null : 'only a supervisor may correct a complaint’s root cause';
}

/** The complaint's current root cause after `by` named `rootCause` at `at`. */
export function rootCauseRecord(rootCause: RootCause, by: string, at: string, via: RootCauseRecord['via'], reason?: string): RootCauseRecord {
  return { ...rootCause, by, at, via, ...(reason !== undefined ? { reason } : {}) };
}
