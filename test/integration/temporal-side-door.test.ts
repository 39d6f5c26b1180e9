import { randomUUID } from 'node:crypto';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actorOf } from '../../api/auth/roles.js';
import { commandErrorTypes } from '../../domain/command-errors.js';
import { defaultKpiTargets } from '../../domain/targets/targets.js';
import { CommandSigner, generateSigningKey, parseSigningKey } from '../../security/command-signing.js';
import { complaintWorkflowId, respondUpdate, type ComplaintInput } from '../../workflows/complaint/messages.js';
import { createInitiative, initiativeWorkflowId, initiativeWorkflowType } from '../../workflows/initiative/messages.js';
import { proposeTargetsUpdate, targetProposalWorkflowId, targetProposalWorkflowType, type ProposalInput } from '../../workflows/targets/messages.js';
import { command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, testCommandSigner, type Stack } from '../support/stack.js';

/**
 * Temporal is no side door: a command sent straight to the Temporal frontend — with the SDK's
 * client, not through the API — with a made-up actor is refused by the workflow and leaves
 * nothing behind, and so is one whose proof expired, was altered or signed with another key. The
 * API's own commands pass (the run's workflow bundle knows the API's public key).
 */
let stack: Stack;
let direct: Client;
let connection: Connection;
const signer = () => testCommandSigner();

beforeAll(async () => {
  stack = await startStack();
  await setPolicy(stack, secondsPolicy());
  // A client of our own, as an attacker with network access to the frontend would have.
  connection = await Connection.connect({ address: inject('temporalAddress') });
  direct = new Client({ connection });
});
afterAll(async () => {
  await connection?.close();
  await stack?.stop();
});

const auditCount = async (entityId: string) => (await stack.query<{ n: number }>(`select count(*)::int as n from audit_events where entity_id = $1`, [entityId]))[0]!.n;

async function refusal(p: Promise<unknown>): Promise<{ type?: string; message: string }> {
  try {
    await p;
  } catch (err) {
    const cause = (err as { cause?: { type?: string; message?: string } }).cause;
    return { type: cause?.type, message: cause?.message ?? (err as Error).message };
  }
  throw new Error('the command was accepted');
}

/** Why a process failed (its failure's cause), or undefined if it completed. */
const failureOf = (workflowId: string) =>
  direct.workflow
    .getHandle(workflowId)
    .result()
    .then(
      () => undefined,
      (err: { cause?: { type?: string; message?: string } }) => err.cause,
    );

describe('a complaint command sent to Temporal directly', () => {
  let id: string;
  let workflowId: string;
  const made_up = { ...actorOf(people.agent) };
  beforeAll(async () => {
    id = (await intake(stack)).id;
    workflowId = complaintWorkflowId(id);
  });

  const respond = (cmd: object, updateId = randomUUID()) => direct.workflow.getHandle(workflowId).executeUpdate(respondUpdate, { args: [cmd as never], updateId });

  it('with a made-up actor and no proof: refused (forbidden), nothing recorded', async () => {
    const before = await auditCount(id);
    const r = await refusal(respond({ actor: made_up, message: 'we will refund you', channel: 'app' }));
    expect(r).toEqual({ type: commandErrorTypes.forbidden, message: expect.stringContaining('no proof') });
    expect(await auditCount(id)).toBe(before);
    expect((await stack.as(people.supervisor).get(`/api/v1/complaints/${id}`)).body).toMatchObject({ status: 'open', responses: [] });
    // a refused validator leaves nothing in the history either
    const { events } = await direct.workflow.getHandle(workflowId).fetchHistory();
    expect(events!.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === respondUpdate.name)).toBe(false);
  });

  it('with a proof that expired, was altered, is for another update, or was signed with another key: refused', async () => {
    const before = await auditCount(id);
    const cmd = { actor: made_up, message: 'we will refund you', channel: 'app' };
    const updateId = randomUUID();
    const scope = { workflowId, name: respondUpdate.name, updateId };
    const expired = signer().sign(scope, cmd, Date.now() - 11 * 60_000);
    expect((await refusal(respond(expired, updateId))).message).toContain('expired');
    const good = signer().sign(scope, cmd);
    expect((await refusal(respond({ ...good, message: 'altered' }, updateId))).message).toContain('does not match');
    expect((await refusal(respond({ ...good, actor: { ...made_up, roles: ['supervisor'] } }, updateId))).message).toContain('does not match');
    expect((await refusal(respond(good, randomUUID()))).message).toContain('does not match');
    const otherKey = new CommandSigner(parseSigningKey(generateSigningKey()));
    expect((await refusal(respond(otherKey.sign(scope, cmd), updateId))).message).toContain('does not know');
    const forged = { ...good, proof: { ...good.proof, keyId: otherKey.keyId } };
    expect((await refusal(respond(forged, updateId))).type).toBe(commandErrorTypes.forbidden);
    expect(await auditCount(id)).toBe(before);
  });

  it('signed as the API signs: accepted (the check is not what refuses everything)', async () => {
    const updateId = randomUUID();
    const cmd = signer().sign({ workflowId, name: respondUpdate.name, updateId }, { actor: made_up, message: 'signed', channel: 'app' });
    const view = (await respond(cmd, updateId)) as { status: string };
    expect(view.status).toBe('responded');
  });

  it('through the API: works', async () => {
    const c = await intake(stack);
    expect((await command(stack, people.agent, c.id, '/responses', { message: 'through the API', channel: 'app' })).status).toBe('responded');
  });
});

describe('a process started in Temporal directly', () => {
  it('a complaint started without the API: fails at once, records nothing', async () => {
    const id = randomUUID();
    const input: ComplaintInput = {
      id,
      channel: 'app',
      category: 'service',
      severity: 'general',
      description: 'made up',
      receivedAt: new Date().toISOString(),
      customerRef: 'c-x',
      piiRef: id,
      intakeBy: actorOf(people.agent),
    };
    const handle = await direct.workflow.start('complaintWorkflow', { workflowId: complaintWorkflowId(id), taskQueue: stack.taskQueue, args: [input] });
    const failure = await failureOf(handle.workflowId);
    expect(failure).toMatchObject({ type: commandErrorTypes.forbidden, message: expect.stringContaining('no proof') });
    expect(await auditCount(id)).toBe(0);
    expect(await stack.query('select id from complaints where id = $1', [id])).toEqual([]);
  });

  it('an initiative created by update-with-start without the API: refused, nothing recorded', async () => {
    const id = randomUUID();
    const workflowId = initiativeWorkflowId(id);
    const owner = actorOf(people.owner);
    const input = { init: { id, name: 'Side door', businessLine: 'banking', description: 'd', team: 'retail-cards', owner } };
    const r = await refusal(
      direct.workflow.executeUpdateWithStart(createInitiative, {
        args: [{ actor: owner }],
        startWorkflowOperation: new WithStartWorkflowOperation(initiativeWorkflowType, { workflowId, taskQueue: stack.taskQueue, args: [input], workflowIdConflictPolicy: 'USE_EXISTING' }),
      }),
    );
    // The process fails before it registers any handler, so the update finds none to accept it.
    expect(r.message).toMatch(/proof|no registered handler/i);
    await eventually(async () => ((await direct.workflow.getHandle(workflowId).describe()).status.name === 'FAILED' ? true : undefined), 'the forged process to fail');
    expect(await auditCount(id)).toBe(0);
    expect(await stack.query('select id from initiatives where id = $1', [id])).toEqual([]);
  });

  it('a KPI target proposal started without the API, in a made-up admin\'s name: refused, nothing recorded, the chair not asked', async () => {
    await gates(stack).roster(); // a chair, who would be asked to decide
    const id = randomUUID();
    const workflowId = targetProposalWorkflowId(id);
    const input: ProposalInput = { id, targets: { ...defaultKpiTargets, firstResponseOnTime: 0.5 }, reason: 'made up', proposedBy: actorOf(people.admin), proposedAt: new Date().toISOString() };
    const r = await refusal(
      direct.workflow.executeUpdateWithStart(proposeTargetsUpdate, {
        args: [{ actor: actorOf(people.admin) }],
        startWorkflowOperation: new WithStartWorkflowOperation(targetProposalWorkflowType, { workflowId, taskQueue: stack.taskQueue, args: [input], workflowIdConflictPolicy: 'USE_EXISTING' }),
      }),
    );
    // As for the initiative: the process fails before it registers any handler, for want of a proof.
    expect(r.message).toMatch(/proof|no registered handler/i);
    const failure = await failureOf(workflowId);
    expect(failure).toMatchObject({ type: commandErrorTypes.forbidden, message: expect.stringContaining('no proof') });
    expect(await auditCount(id)).toBe(0);
    expect(await stack.query('select id from target_proposals where id = $1', [id])).toEqual([]);
    expect(await stack.query(`select id from notifications where topic = 'targets.decision_needed'`)).toEqual([]);
  });
});
