import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * PII typed into free text — a phone number and an id number in a complaint's description, a
 * transfer reason, an initiative's withdrawal reason — is masked where the API takes it, so it
 * is in clear nowhere: not in the projection, the audit trail, the notifications, the workflow
 * history, nor the log.
 */
let stack: Stack;
const logLines: string[] = [];
const mobile = '13912345678';
const idNumber = '11010519491231002X';
const landline = '0755-87654321';
const secrets = [mobile, idNumber, '87654321'];

beforeAll(async () => {
  stack = await startStack({ env: { LOG_LEVEL: 'debug' }, logStream: { write: (line: string) => void logLines.push(line) } });
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

const expectNowhere = (what: string, text: string) => {
  for (const s of secrets) expect(text, `${what} holds ${s}`).not.toContain(s);
};

describe('PII in free text', () => {
  it('is masked in a complaint’s description and a transfer reason, everywhere they go', async () => {
    const c = await intake(stack, { description: `客户来电 ${mobile}，身份证 ${idNumber}，座机 ${landline}` });
    expect(c.description).toBe('客户来电 *******5678，身份证 **************002X，座机 ****-****4321');
    const transferred = await command(stack, people.agent, c.id, '/transfer', { department: 'cards-ops', reason: `customer asks to be called on ${mobile} (id ${idNumber})` });
    expect(transferred.transfers.at(-1).reason).toBe('customer asks to be called on *******5678 (id **************002X)');

    expectNowhere('the complaint', JSON.stringify((await stack.as(people.supervisor).get(`/api/v1/complaints/${c.id}`)).body));
    expectNowhere('the projection', JSON.stringify(await stack.query('select * from complaints where id = $1', [c.id])));
    expectNowhere('the audit trail', JSON.stringify(await stack.query(`select * from audit_events where entity_id = $1`, [c.id])));
    const notes = await stack.query(`select * from notifications where entity_id = $1`, [c.id]);
    expect(notes.length).toBeGreaterThan(0);
    expectNowhere('the notifications', JSON.stringify(notes));
    expectNowhere('the history', JSON.stringify(await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).fetchHistory()));
    expectNowhere('the log', logLines.join(''));
  });

  it('is masked in an initiative’s withdrawal reason', async () => {
    const id = await gates(stack).create();
    const res = await stack.as(people.owner).post(`/api/v1/initiatives/${id}/withdraw`, { reason: `call the owner on ${mobile}` });
    expect(res.status).toBe(200);
    const audit = await eventually(async () => {
      const rows = await stack.query<{ action: string; reason: string | null }>(`select action, reason from audit_events where entity_id = $1`, [id]);
      return rows.find((r) => r.action === 'initiative.withdrawn');
    }, 'the withdrawal in the audit trail');
    expect(audit.reason).toBe('call the owner on *******5678');
    expectNowhere('the history', JSON.stringify(await stack.temporal.workflow.getHandle(initiativeWorkflowId(id)).fetchHistory()));
    expectNowhere('the log', logLines.join(''));
  });

  it('keeps free text out of notification bodies', async () => {
    const c = await intake(stack);
    await command(stack, people.agent, c.id, '/transfer', { department: 'cards-ops', reason: 'a reason only the audit trail keeps' });
    const notes = await stack.query<{ topic: string; message: string }>(`select topic, message from notifications where entity_id = $1`, [c.id]);
    const transfer = notes.find((n) => n.topic === 'complaint.transferred');
    expect(transfer?.message).toBeDefined();
    expect(transfer!.message).not.toContain('a reason only the audit trail keeps');
  });
});
