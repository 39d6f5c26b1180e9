/**
 * Gate deliverables per stage (docs/business-rules.md §1 table, docs/http-contract.md "Resources") and their validation.
 *
 * Hand-written rather than zod because this runs inside Temporal's workflow sandbox, where only
 * pure, deterministic code may be imported. The API calls the same `validateDeliverables`, so a
 * submission is judged by one rule in one place whichever side sees it first.
 *
 * Rules decided here (beyond the table's wording):
 * - Every required list must have at least one entry: an empty list is a missing part
 *   (methods, segments, findings.needs/painPoints/expectations, uxObjectives,
 *   userTest.findings, optimisations).
 * - Required text must be non-empty after trimming whitespace.
 * - Scores are numbers from 0 to 100 inclusive; fractions are allowed.
 * - userTest.participants is a whole number, at least 1.
 * - attachments are optional (an empty list is fine); each needs a `uri` with a scheme
 *   (`https:`, `s3:`, …) and a `sha256` of exactly 64 hexadecimal characters, either case.
 * - Unknown fields are refused at every level, one problem per field, naming it.
 * - Problem paths start at `deliverables` (overridable) and use `.field` and `[index]`,
 *   e.g. `deliverables.attachments[0].sha256`.
 */
import type { FieldProblem } from '../field-rules.js';
import type { GateStage } from './stages.js';

export const researchMethods = ['questionnaire', 'interview', 'focus_group', 'competitor_analysis'] as const;
export type ResearchMethod = (typeof researchMethods)[number];

export interface Attachment {
  uri: string;
  /** 64 hexadecimal characters. */
  sha256: string;
}

export interface Research {
  methods: ResearchMethod[];
  segments: string[];
  findings: { needs: string[]; painPoints: string[]; expectations: string[] };
  attachments?: Attachment[];
}

export interface Design {
  functionalDesign: string;
  interfaceDesign: string;
  processDesign: string;
  uxObjectives: string[];
  accessibilityNotes?: string;
  attachments?: Attachment[];
}

/** One internal-test line: each criterion is pass (true) or fail (false). */
export interface Check {
  functionalCompleteness: boolean;
  stability: boolean;
  compatibility: boolean;
  notes?: string;
}

export interface PrototypeTesting {
  internalTest: { business: Check; technology: Check; qa: Check };
  /** Scores are 0–100. */
  userTest: { participants: number; usability: number; functionality: number; satisfaction: number; findings: string[] };
  optimisations: string[];
}

export interface LaunchScores {
  function: number;
  performance: number;
  security: number;
  userExperience: number;
}

export interface LaunchAssessment {
  /** Each 0–100. */
  scores: LaunchScores;
  report: string;
  goLivePlan: string;
  attachments?: Attachment[];
}

export interface DeliverablesByStage {
  research: Research;
  design: Design;
  prototype_testing: PrototypeTesting;
  launch_assessment: LaunchAssessment;
}
export type Deliverables = DeliverablesByStage[GateStage];

/** One validation failure; maps onto problem+json `errors: [{ path, message, code, limit? }]` (domain/field-rules.ts). */
export type DeliverableProblem = FieldProblem;

// ---------------------------------------------------------------------------------------------
// Small checkers. Each appends problems to `out` and returns nothing, so a validator reads as a
// list of rules and every problem is reported at once rather than stopping at the first.

type Problems = DeliverableProblem[];
type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

/** A value echoed in a message: quoted, and cut short so hostile input cannot bloat the error. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? typeof value : String(value);
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return typeof value === 'string' ? `"${short}"` : short;
}

const at = (path: string, key: string): string => `${path}.${key}`;
const item = (path: string, index: number): string => `${path}[${index}]`;

/** Refuses fields the contract does not define — a typo must not pass as an omitted optional. */
function rejectUnknownFields(obj: Obj, allowed: readonly string[], path: string, what: string, out: Problems): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      out.push({ path: at(path, key), message: `unknown field ${quote(key)} is not part of the ${what}`, code: 'unknown_field' });
    }
  }
}

/** Returns the nested object, or reports `message` and returns undefined. */
function requireObject(obj: Obj, key: string, path: string, message: string, out: Problems): Obj | undefined {
  const value = obj[key];
  if (isObject(value)) return value;
  out.push({ path: at(path, key), message, code: 'required' });
  return undefined;
}

function requireText(obj: Obj, key: string, path: string, message: string, out: Problems): void {
  if (!isText(obj[key])) out.push({ path: at(path, key), message, code: 'required' });
}

function optionalString(obj: Obj, key: string, path: string, message: string, out: Problems): void {
  if (obj[key] !== undefined && typeof obj[key] !== 'string') out.push({ path: at(path, key), message, code: 'invalid' });
}

function requireBoolean(obj: Obj, key: string, path: string, message: string, out: Problems): void {
  if (typeof obj[key] !== 'boolean') out.push({ path: at(path, key), message, code: 'required' });
}

function requireScore(obj: Obj, key: string, path: string, message: string, out: Problems): void {
  const v = obj[key];
  if (isScore(v)) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) out.push({ path: at(path, key), message, code: 'required' });
  else out.push({ path: at(path, key), message, ...(v < 0 ? { code: 'too_small', limit: 0 } : { code: 'too_big', limit: 100 }) });
}

/** A list of at least one non-empty text; `missing` covers absent, not-a-list and empty. */
function requireTextList(obj: Obj, key: string, path: string, missing: string, entry: string, out: Problems): void {
  const value = obj[key];
  const listPath = at(path, key);
  if (!Array.isArray(value) || value.length === 0) {
    out.push({ path: listPath, message: missing, code: 'required' });
    return;
  }
  value.forEach((v, i) => {
    if (!isText(v)) out.push({ path: item(listPath, i), message: entry, code: 'required' });
  });
}

// A URI needs a scheme (RFC 3986) and no whitespace; deeper checks belong to whoever fetches it.
const uriPattern = /^[a-z][a-z0-9+.-]*:\S+$/i;
const sha256Pattern = /^[0-9a-f]{64}$/i;

function optionalAttachments(obj: Obj, path: string, out: Problems): void {
  const value = obj['attachments'];
  if (value === undefined) return;
  const listPath = at(path, 'attachments');
  if (!Array.isArray(value)) {
    out.push({ path: listPath, message: 'attachments must be a list of { uri, sha256 }', code: 'invalid' });
    return;
  }
  value.forEach((entry, i) => {
    const entryPath = item(listPath, i);
    if (!isObject(entry)) {
      out.push({ path: entryPath, message: 'each attachment must be an object with uri and sha256', code: 'invalid' });
      return;
    }
    if (typeof entry['uri'] !== 'string' || !uriPattern.test(entry['uri'])) {
      out.push({ path: at(entryPath, 'uri'), message: 'attachment uri must be a URI with a scheme, e.g. https://… or s3://…', code: 'format' });
    }
    if (typeof entry['sha256'] !== 'string' || !sha256Pattern.test(entry['sha256'])) {
      out.push({ path: at(entryPath, 'sha256'), message: 'attachment sha256 must be exactly 64 hexadecimal characters', code: 'format' });
    }
    rejectUnknownFields(entry, ['uri', 'sha256'], entryPath, 'attachment', out);
  });
}

// ---------------------------------------------------------------------------------------------
// One validator per stage.

const methodList = 'questionnaire, interview, focus_group or competitor_analysis';

function validateResearch(d: Obj, path: string, out: Problems): void {
  const methods = d['methods'];
  if (!Array.isArray(methods) || methods.length === 0) {
    out.push({ path: at(path, 'methods'), message: `research report must list at least one method: ${methodList}`, code: 'required' });
  } else {
    methods.forEach((m, i) => {
      if (!(researchMethods as readonly unknown[]).includes(m)) {
        out.push({
          path: item(at(path, 'methods'), i),
          message: `${quote(m)} is not a research method; use ${methodList}`,
          code: 'choice',
        });
      }
    });
  }
  requireTextList(d, 'segments', path, 'research report must list at least one user segment covered',
    'each user segment must be non-empty text', out);

  const findingsPath = at(path, 'findings');
  const findings = requireObject(d, 'findings', path,
    'research report must include findings with needs, painPoints and expectations', out);
  if (findings) {
    requireTextList(findings, 'needs', findingsPath, 'findings must list at least one user need',
      'each need must be non-empty text', out);
    requireTextList(findings, 'painPoints', findingsPath, 'findings must list at least one pain point',
      'each pain point must be non-empty text', out);
    requireTextList(findings, 'expectations', findingsPath, 'findings must list at least one user expectation',
      'each expectation must be non-empty text', out);
    rejectUnknownFields(findings, ['needs', 'painPoints', 'expectations'], findingsPath, 'research findings', out);
  }
  optionalAttachments(d, path, out);
  rejectUnknownFields(d, ['methods', 'segments', 'findings', 'attachments'], path, 'research report', out);
}

function validateDesign(d: Obj, path: string, out: Problems): void {
  requireText(d, 'functionalDesign', path, 'design must include the functional design as non-empty text', out);
  requireText(d, 'interfaceDesign', path, 'design must include the interface design as non-empty text', out);
  requireText(d, 'processDesign', path, 'design must include the process design as non-empty text', out);
  requireTextList(d, 'uxObjectives', path, 'design must list at least one UX objective',
    'each UX objective must be non-empty text', out);
  optionalString(d, 'accessibilityNotes', path, 'accessibility notes, when given, must be text', out);
  optionalAttachments(d, path, out);
  rejectUnknownFields(d,
    ['functionalDesign', 'interfaceDesign', 'processDesign', 'uxObjectives', 'accessibilityNotes', 'attachments'],
    path, 'design deliverables', out);
}

const checkCriteria = ['functionalCompleteness', 'stability', 'compatibility'] as const;
const internalTeams = { business: 'business', technology: 'technology', qa: 'QA' } as const;

function validateCheck(check: Obj, path: string, team: string, out: Problems): void {
  for (const criterion of checkCriteria) {
    requireBoolean(check, criterion, path, `${team} internal test must state ${criterion} as pass (true) or fail (false)`, out);
  }
  optionalString(check, 'notes', path, `${team} internal test notes, when given, must be text`, out);
  rejectUnknownFields(check, [...checkCriteria, 'notes'], path, `${team} internal test`, out);
}

function validateUserTest(userTest: Obj, path: string, out: Problems): void {
  const participants = userTest['participants'];
  if (typeof participants !== 'number' || !Number.isInteger(participants) || participants < 1) {
    const code = typeof participants !== 'number' || !Number.isFinite(participants) ? 'required' : participants < 1 ? 'too_small' : 'invalid';
    out.push({ path: at(path, 'participants'), message: 'user test must state the number of participants as a whole number, at least 1', code, ...(code === 'too_small' ? { limit: 1 } : {}) });
  }
  for (const score of ['usability', 'functionality', 'satisfaction'] as const) {
    requireScore(userTest, score, path, `user test ${score} score must be a number from 0 to 100`, out);
  }
  requireTextList(userTest, 'findings', path, 'user test must list at least one finding',
    'each user-test finding must be non-empty text', out);
  rejectUnknownFields(userTest, ['participants', 'usability', 'functionality', 'satisfaction', 'findings'], path,
    'user test', out);
}

function validatePrototypeTesting(d: Obj, path: string, out: Problems): void {
  const internalPath = at(path, 'internalTest');
  const internal = requireObject(d, 'internalTest', path,
    'prototype testing report must include the internal test by business, technology and QA', out);
  if (internal) {
    for (const [key, team] of Object.entries(internalTeams)) {
      const check = requireObject(internal, key, internalPath,
        `internal test must include the ${team} check (functionalCompleteness, stability, compatibility)`, out);
      if (check) validateCheck(check, at(internalPath, key), team, out);
    }
    rejectUnknownFields(internal, Object.keys(internalTeams), internalPath, 'internal test', out);
  }

  const userTest = requireObject(d, 'userTest', path,
    'prototype testing report must include the user test (participants, scores, findings)', out);
  if (userTest) validateUserTest(userTest, at(path, 'userTest'), out);

  requireTextList(d, 'optimisations', path, 'prototype testing report must list at least one optimisation made after testing',
    'each optimisation must be non-empty text', out);
  rejectUnknownFields(d, ['internalTest', 'userTest', 'optimisations'], path, 'prototype testing report', out);
}

export const launchScoreNames = ['function', 'performance', 'security', 'userExperience'] as const;

function validateLaunchAssessment(d: Obj, path: string, out: Problems): void {
  const scoresPath = at(path, 'scores');
  const scores = requireObject(d, 'scores', path,
    'launch assessment must include scores for function, performance, security and userExperience', out);
  if (scores) {
    for (const name of launchScoreNames) {
      requireScore(scores, name, scoresPath, `launch assessment ${name} score must be a number from 0 to 100`, out);
    }
    rejectUnknownFields(scores, launchScoreNames, scoresPath, 'launch assessment scores', out);
  }
  requireText(d, 'report', path, 'launch assessment must include the assessment report as non-empty text', out);
  requireText(d, 'goLivePlan', path, 'launch assessment must include the go-live plan as non-empty text', out);
  optionalAttachments(d, path, out);
  rejectUnknownFields(d, ['scores', 'report', 'goLivePlan', 'attachments'], path, 'launch assessment', out);
}

const validators: Record<GateStage, (d: Obj, path: string, out: Problems) => void> = {
  research: validateResearch,
  design: validateDesign,
  prototype_testing: validatePrototypeTesting,
  launch_assessment: validateLaunchAssessment,
};

const stageLabels: Record<GateStage, string> = {
  research: 'the demand research report',
  design: 'the design deliverables',
  prototype_testing: 'the prototype testing report',
  launch_assessment: 'the launch assessment',
};

/**
 * Every problem with a stage's deliverables; an empty list means they are valid.
 * `stage` is typed, but untyped callers passing a non-gate stage get a problem at `stage`
 * instead of an exception.
 */
export function validateDeliverables(stage: GateStage, deliverables: unknown, basePath = 'deliverables'): DeliverableProblem[] {
  const validate = Object.hasOwn(validators, stage) ? validators[stage] : undefined;
  if (!validate) {
    return [{ path: 'stage', message: `${quote(stage)} is not a stage with a gate; use research, design, prototype_testing or launch_assessment`, code: 'choice' }];
  }
  if (!isObject(deliverables)) {
    return [{ path: basePath, message: `deliverables must be an object with ${stageLabels[stage]}`, code: 'required' }];
  }
  const out: Problems = [];
  validate(deliverables, basePath, out);
  return out;
}

/** Validation that also narrows the type, for callers that go on to use the deliverables. */
export function parseDeliverables<S extends GateStage>(
  stage: S,
  deliverables: unknown,
  basePath = 'deliverables',
): { ok: true; value: DeliverablesByStage[S] } | { ok: false; problems: DeliverableProblem[] } {
  const problems = validateDeliverables(stage, deliverables, basePath);
  return problems.length === 0
    ? { ok: true, value: deliverables as DeliverablesByStage[S] }
    : { ok: false, problems };
}

export interface LowScore {
  score: keyof LaunchScores;
  value: number;
  threshold: number;
}

/**
 * Launch scores strictly under their policy threshold (a score equal to it passes), in the fixed
 * order function, performance, security, userExperience. A launch assessment cannot be approved
 * while this list is non-empty.
 */
export function launchScoresBelowThreshold(scores: LaunchScores, thresholds: LaunchScores): LowScore[] {
  return launchScoreNames
    .filter((name) => scores[name] < thresholds[name])
    .map((name) => ({ score: name, value: scores[name], threshold: thresholds[name] }));
}

/** "security 85 < 90, performance 70 < 80" — for conflict messages. */
export function describeLowScores(low: readonly LowScore[]): string {
  return low.map((l) => `${l.score} ${l.value} < ${l.threshold}`).join(', ');
}
