import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProblem } from '../../api/errors.js';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { adminUrl, withAdmin } from '../support/postgres.js';

/**
 * PostgreSQL refusing a connection because it holds as many as it takes (SQLSTATE 53300: "too
 * many clients already" for the server, "too many connections for role" for a role's limit) is
 * a moment of too little capacity, not a fault of the request: the API answers 503, retry later,
 * as for a database that is down — not a 500 "unexpected error" (which the bench's first run of two
 * cluster stacks on one server met, before its preflight). The error here is PostgreSQL's own,
 * through the same driver and drizzle as the API's: a login role with a connection limit of 0.
 */
const role = `cxgov_refused_${process.pid}`;
// A password, so the refusal is the connection limit's also where the server asks for one
// (PostgreSQL authenticates before it counts connections); with trust auth it is not read.
const password = randomBytes(12).toString('hex');
let handle: DatabaseHandle;

beforeAll(async () => {
  await withAdmin((c) => c.query(`create role "${role}" login password '${password}' connection limit 0`));
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  handle = await openDatabase({ url: url.toString(), dataDir: '/nonexistent', poolMax: 1 });
});
afterAll(async () => {
  await handle?.close();
  await withAdmin((c) => c.query(`drop role if exists "${role}"`));
});

describe('PostgreSQL refusing a connection for too many', () => {
  it('is answered 503, retry later, not 500', async () => {
    const err = await handle.db.execute(sql`select 1`).then(
      () => undefined,
      (e: unknown) => e,
    );
    const codes: unknown[] = [];
    for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) codes.push(e.code);
    expect(codes).toContain('53300');
    expect(toProblem(err)).toMatchObject({ status: 503, detail: expect.stringContaining('retry later') });
  });
});
