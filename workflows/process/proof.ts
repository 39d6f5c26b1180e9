import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { currentUpdateInfo, workflowInfo } from '@temporalio/workflow';
import { proofMessage, proofOf, proofTimeRefusal, type ProofScope } from '../../domain/command-proof.js';
import { refuse } from './refuse.js';

/**
 * The workflow's side of command proofs (domain/command-proof.ts): every command must carry an
 * Ed25519 signature of the cxgov API, checked against the public keys built into this bundle
 * (temporal/worker.ts defines `CXGOV_COMMAND_VERIFY_KEYS` at bundle time from
 * COMMAND_VERIFY_KEYS) — never against anything the command or the workflow input brings.
 * A command without a good proof is refused `forbidden` in the update's validator, so it leaves
 * nothing in history. Validators do not run on replay: histories recorded before proofs existed
 * replay as they are, while every new command needs one. @noble/curves verifies synchronously in
 * plain JavaScript (no node:crypto in the sandbox), and the same inputs always give the same answer.
 */
declare const CXGOV_COMMAND_VERIFY_KEYS: Record<string, string> | undefined;
const verifyKeys: Readonly<Record<string, string>> = Object.freeze(typeof CXGOV_COMMAND_VERIFY_KEYS === 'object' && CXGOV_COMMAND_VERIFY_KEYS !== null ? { ...CXGOV_COMMAND_VERIFY_KEYS } : {});

/** Refuses (forbidden) unless `command` carries a good proof for `scope`. */
export function requireProof(scope: ProofScope, command: unknown): void {
  const what = scope.updateId === null ? 'process start' : `${scope.name} refused`;
  const proof = proofOf(command);
  if (!proof) refuse('forbidden', `${what}: the command carries no proof that the cxgov API authorised it (commands go through the API)`);
  const key = verifyKeys[proof.keyId];
  if (!key) refuse('forbidden', `${what}: the command was signed with a key this worker does not know (${proof.keyId})`);
  const late = proofTimeRefusal(proof.issuedAt, Date.now());
  if (late) refuse('forbidden', `${what}: the command's proof is not valid now: ${late}`);
  let valid = false;
  try {
    valid = ed25519.verify(hexToBytes(proof.signature), utf8ToBytes(proofMessage(scope, proof.keyId, proof.issuedAt, command)), hexToBytes(key));
  } catch {
    valid = false;
  }
  if (!valid) refuse('forbidden', `${what}: the command's proof does not match the command (altered, or signed for another command)`);
}

/** The validator every update runs first: the command's proof for this workflow, this update. */
export function requireUpdateProof(command: unknown): void {
  const update = currentUpdateInfo();
  requireProof({ workflowId: workflowInfo().workflowId, name: update?.name ?? '', updateId: update?.id ?? '' }, command);
}

/**
 * The start input's proof (a process created by the API carries one for its own input). Checked
 * when the workflow first runs, like a validator, and not on replay: a history recorded before
 * proofs existed, or under a key since retired, replays as it ran.
 */
export function requireStartProof(input: unknown): void {
  const info = workflowInfo();
  if (info.unsafe.isReplaying) return;
  requireProof({ workflowId: info.workflowId, name: info.workflowType, updateId: null }, input);
}
