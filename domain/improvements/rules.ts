/**
 * The improvement action's rules (docs/improvements.md): which command is allowed in which status,
 * who may give it, who may raise an action from which source, who verifies, and the checks of the
 * command's content. Used by the workflow's validators, the API and the web UI alike.
 *
 * Workflow-safe: pure.
 *
 * Decisions:
 * - progress: the owner reports progress (a note, optional evidence links) while in progress.
 * - complete: the owner reports it done with at least one evidence link; it waits for verification.
 * - verify / send_back: the verifier decides — the committee chair for committee and post-launch
 *   actions, whoever raised it otherwise (the supervisors when the roster had no chair). A send-back
 *   needs a reason and a new due date; the owner works on it again.
 * - raise: a supervisor from any source but the committee's; a compliance auditor an audit finding;
 *   the committee chair (on the roster) a committee or post-launch action.
 */
import { allowed, refusal, type CommandCheck } from '../command-errors.js';
import type { Actor } from '../actor.js';
import { committeeSourceKinds, type EvidenceLink, type ImprovementCommand, type ImprovementSourceKind, type ImprovementStatus } from './types.js';

const stateTable: Record<ImprovementStatus, Partial<Record<ImprovementCommand, ImprovementStatus | 'same'>>> = {
  in_progress: { progress: 'same', complete: 'awaiting_verification' },
  awaiting_verification: { verify: 'closed', send_back: 'in_progress' },
  closed: {},
};

export function allowedImprovementCommands(status: ImprovementStatus): ImprovementCommand[] {
  return Object.keys(stateTable[status]) as ImprovementCommand[];
}

/** The status after `command` in `status`, or a refusal naming the state. */
export function improvementStatusAfter(status: ImprovementStatus, command: ImprovementCommand): { ok: true; status: ImprovementStatus } | { ok: false; reason: string } {
  const target = stateTable[status][command];
  if (target === undefined) {
    const now = allowedImprovementCommands(status);
    return { ok: false, reason: `'${command}' is not allowed while the action is '${status}' (allowed: ${now.length ? now.join(', ') : 'none'})` };
  }
  return { ok: true, status: target === 'same' ? status : target };
}

/** Who verifies: the chair for committee sources (null: no chair on the roster), the raiser otherwise. */
export function verifierOf(source: ImprovementSourceKind, raisedBy: string, chair: string | null): string | null {
  return committeeSourceKinds.includes(source) ? chair : raisedBy;
}

/** Who may give `command`: the owner works and completes; the verifier (or, without one, a supervisor) decides. */
export function improvementAccess(command: ImprovementCommand, actor: Actor, who: { ownerId: string; verifierId: string | null }): CommandCheck {
  if (command === 'progress' || command === 'complete') {
    return actor.userId === who.ownerId ? allowed : refusal('forbidden', `only the action's owner (${who.ownerId}) may ${command === 'progress' ? 'report progress' : 'report it complete'}`);
  }
  if (who.verifierId === null) return actor.roles.includes('supervisor') ? allowed : refusal('forbidden', 'only a supervisor may verify this action (no committee chair was on the roster)');
  if (actor.userId === who.verifierId) return allowed;
  return refusal('forbidden', `only the verifier (${who.verifierId}) may ${command === 'verify' ? 'verify the action' : 'send it back'}`);
}

/** Who may raise an action from a source kind. `isChair`: the caller chairs the committee now. */
export function mayRaise(kind: ImprovementSourceKind, actor: Pick<Actor, 'roles'>, isChair: boolean): CommandCheck {
  if (committeeSourceKinds.includes(kind)) return isChair ? allowed : refusal('forbidden', 'only the committee chair may raise a committee or post-launch action');
  if (kind === 'audit_finding') return actor.roles.includes('compliance_auditor') || actor.roles.includes('supervisor') ? allowed : refusal('forbidden', 'only a compliance auditor or a supervisor may raise an action from an audit finding');
  return actor.roles.includes('supervisor') ? allowed : refusal('forbidden', 'only a supervisor may raise an improvement action');
}

export const maxDueDays = 250;
export const maxEvidence = 20;

/** A due date in working days: a whole number from 1 to 250. */
export function validDueDays(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= maxDueDays;
}

/** An evidence link: an http(s) URL (≤ 2000) and a note (≤ 500). */
export function evidenceProblem(e: unknown): string | null {
  const x = e as Partial<EvidenceLink> | null;
  if (typeof x !== 'object' || x === null) return 'an evidence link needs a URL and a note';
  if (typeof x.url !== 'string' || x.url.length > 2000 || !/^https?:\/\/[^\s]+$/i.test(x.url)) return 'an evidence link’s URL must be an http(s) address';
  if (typeof x.note !== 'string' || x.note.length > 500) return 'an evidence link’s note is text of at most 500 characters';
  return null;
}

export function evidenceListProblem(list: unknown, required: boolean): string | null {
  if (!Array.isArray(list)) return 'evidence must be a list of links';
  if (required && list.length === 0) return 'completion needs at least one evidence link';
  if (list.length > maxEvidence) return `at most ${maxEvidence} evidence links`;
  for (const e of list) {
    const p = evidenceProblem(e);
    if (p) return p;
  }
  return null;
}
