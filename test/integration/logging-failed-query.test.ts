import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../config/logger.js';
import { activityInterceptors } from '../../temporal/activity-interceptors.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * A failed query never leaves its parameters in the log: drizzle's error message carries them
 * ("Failed query: … params: …"), and PostgreSQL's own message and detail may quote the values
 * ("Failing row contains (…)"). The log keeps the SQL with its placeholders and the error code.
 */
let stack: Stack;
const logLines: string[] = [];
const secretName = '王小明 13912345678';

beforeAll(async () => {
  stack = await startStack({ withoutWorker: true, env: { LOG_LEVEL: 'debug' }, logStream: { write: (line: string) => void logLines.push(line) } });
});
afterAll(async () => stack?.stop());

describe('a failing query in the log', () => {
  it('through the API: a 500 whose log line holds the SQL and the code, not the values', async () => {
    // A constraint the roster write will break, so that its insert fails with the names as parameters.
    await stack.query(`alter table committee_members add constraint refuse_for_test check (name <> '${secretName}')`);
    try {
      const res = await stack.as(people.admin).put('/api/v1/committee', { members: [{ userId: 'gm', name: secretName, department: 'executive', chair: true }] });
      expect(res.status).toBe(500);
      const log = logLines.join('');
      const failure = logLines.map((l) => JSON.parse(l)).find((l) => l.err?.type === 'DrizzleQueryError');
      expect(failure.err).toMatchObject({ message: expect.stringContaining('insert into "committee_members"'), query: expect.stringContaining('$2'), cause: { code: '23514', constraint: 'refuse_for_test', table: 'committee_members' } });
      expect(failure.err.params).toBeUndefined();
      expect(log).toContain('23514'); // check_violation
      expect(log).not.toContain('13912345678');
      expect(log).not.toContain('王小明');
    } finally {
      await stack.query(`alter table committee_members drop constraint refuse_for_test`);
    }
  });

  it('logged directly: parameters and quoted values are gone, at any depth of causes', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', 'test', { write: (l: string) => void lines.push(l) });
    const err = await stack.database.db.execute(sql`select ${'id 110101199003071234'}::int8`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeDefined();
    logger.error({ err }, 'query failed');
    logger.warn({ err: new Error('wrapped', { cause: err }) }, 'wrapped');
    const log = lines.join('');
    expect(JSON.parse(lines[0]!).err.message).toBe('Failed query: select $1::int8');
    expect(log).toContain('22P02'); // invalid_text_representation
    expect(log).not.toContain('110101199003071234');
  });

  it('in an activity: the failure that goes to the workflow history and the SDK log holds no values', async () => {
    const interceptors = activityInterceptors()({ info: { activityType: 'recordComplaint', isLocal: true, attempt: 1, workflowExecution: { workflowId: 'w', runId: 'r' } } } as never);
    const failed = await interceptors.inbound!.execute!({ args: [], headers: {} } as never, () => stack.database.db.execute(sql`select ${'tel 13912345678'}::int8`)).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failed).toBeInstanceOf(Error);
    expect(failed!.message).toContain('Failed query: select $1::int8');
    expect(failed!.message).toContain('22P02');
    expect(`${failed!.message}\n${failed!.stack}`).not.toContain('13912345678');
  });
});
