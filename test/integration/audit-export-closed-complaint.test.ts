import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveClosedWorkflows } from '../../audit/archive.js';
import { createLogger } from '../../config/logger.js';
import { command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * The export of a closed complaint containing its archived history, end to end on the
 * real complaint workflow: taken, answered, resolved, confirmed by the customer and closed; the
 * archiver stores its history; the auditor's export carries that archived history, the verified
 * timeline, and no customer PII in clear.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

describe('audit export of a closed complaint', () => {
  it('contains the archived workflow history, the verified timeline and no clear PII', async () => {
    const c = await intake(stack, { customer: { ref: 'cust-export-1', name: '李四光', phone: '13912345678', idNumber: '110101198001011234' } });
    await command(stack, people.agent, c.id, '/responses', { message: 'We are on it', channel: 'hotline' });
    await command(stack, people.agent, c.id, '/resolution', { summary: 'Fee refunded', remedy: 'refund' });
    const closed = await command(stack, people.agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'thanks' });
    expect(closed.status).toBe('closed');

    // The workflow ends once closed; the archiver (a loop in the worker role) finds it.
    const logger = createLogger('silent', 'test');
    await eventually(async () => {
      await archiveClosedWorkflows(stack.temporal, stack.database.db, logger, { taskQueue: stack.taskQueue });
      const rows = await stack.query('select 1 from workflow_histories where workflow_id = $1', [`complaint-${c.id}`]);
      return rows.length === 1 ? true : undefined;
    }, 'the closed complaint archived');

    const res = await stack.as(people.auditor).get(`/api/v1/audit/complaint/${c.id}/export`);
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc).toMatchObject({ entityType: 'complaint', entityId: c.id, verification: { ok: true } });
    expect(doc.verification.checked).toBe(doc.events.length);
    expect(doc.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['complaint.received', 'complaint.responded', 'complaint.closed']));
    expect(doc.history.source).toBe('archive');
    const text = JSON.stringify(doc);
    expect(text).toContain('WORKFLOW_EXECUTION_COMPLETED');
    for (const clear of ['13912345678', '110101198001011234', '李四光']) expect(text).not.toContain(clear);
  });
});
