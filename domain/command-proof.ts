/**
 * Proof that the cxgov API authorised a command. The API signs each command it sends to a
 * workflow (security/command-signing.ts, Ed25519) and the workflow checks the signature before
 * it accepts the command (workflows/process/proof.ts), against public keys built into the
 * workflow bundle — so an update sent to Temporal past the API, with a made-up actor, is refused.
 *
 * What is signed: the canonical JSON (below) of the workflow id, the update's name and id, the
 * key id, the instant of signing and the command itself without its proof — the actor with all
 * its fields and every argument. A proof is good for one command on one workflow, briefly: it
 * is refused when issued more than `commandProofMaxAgeMs` before the workflow reads it, or more
 * than `commandProofMaxSkewMs` after.
 *
 * Shared by the API and the workflows: pure, no packages, no clock.
 */
export interface CommandProof {
  keyId: string;
  /** ISO-8601 UTC with milliseconds. */
  issuedAt: string;
  /** Ed25519 signature of `proofMessage(...)`, hex. */
  signature: string;
}

/** What a proof is good for: one update (by name and id) of one workflow, or one workflow start. */
export interface ProofScope {
  workflowId: string;
  /** The update's name, or the workflow type for the start input. */
  name: string;
  /** The update id; null for a workflow start. */
  updateId: string | null;
}

export const commandProofMaxAgeMs = 10 * 60_000;
export const commandProofMaxSkewMs = 60_000;
const domainTag = 'cxgov-command-proof/v1';

/** JSON with object keys sorted (UTF-16 order) and undefined members left out, like JSON.stringify. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** The command as signed: everything but its `proof`. */
export function withoutProof(command: unknown): unknown {
  if (command === null || typeof command !== 'object' || Array.isArray(command)) return command;
  const { proof: _proof, ...rest } = command as Record<string, unknown>;
  return rest;
}

/** The exact text that is signed. */
export function proofMessage(scope: ProofScope, keyId: string, issuedAt: string, command: unknown): string {
  return `${domainTag}\n${canonicalJson({ workflowId: scope.workflowId, name: scope.name, updateId: scope.updateId, keyId, issuedAt, command: withoutProof(command) })}`;
}

/** The proof of a command, if it carries one of the right shape. */
export function proofOf(command: unknown): CommandProof | undefined {
  const proof = command !== null && typeof command === 'object' ? (command as { proof?: unknown }).proof : undefined;
  if (proof === null || typeof proof !== 'object') return undefined;
  const { keyId, issuedAt, signature } = proof as Record<string, unknown>;
  if (typeof keyId !== 'string' || typeof issuedAt !== 'string' || typeof signature !== 'string') return undefined;
  if (!/^[0-9a-f]{128}$/.test(signature)) return undefined;
  return { keyId, issuedAt, signature };
}

/** Why a proof issued at `issuedAt` is too old or too new at `nowMs`; undefined when in time. */
export function proofTimeRefusal(issuedAt: string, nowMs: number): string | undefined {
  const at = Date.parse(issuedAt);
  if (Number.isNaN(at)) return 'its issue time is not an instant';
  if (at > nowMs + commandProofMaxSkewMs) return 'it was issued in the future';
  if (nowMs - at > commandProofMaxAgeMs) return `it expired (issued ${issuedAt}, good for ${commandProofMaxAgeMs / 60_000} minutes)`;
  return undefined;
}
