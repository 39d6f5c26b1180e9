import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionsFree, postgresTargetFrom } from '../../scripts/lib/cluster/databases.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';

/**
 * The bench's scale measurement refuses to start when PostgreSQL cannot take the connections of
 * its two stacks (bench/measurements/scale.ts, preflight): what the server can still accept is
 * `max_connections`, less the superuser's reserve, less the client sessions open now. Read from a
 * server of the test's own, so nobody else's sessions move the count.
 */
describe('the PostgreSQL free-connections check', () => {
  let server: PrivatePostgres;
  const held: pg.Client[] = [];
  beforeAll(async () => {
    server = await startPrivatePostgres();
  });
  afterAll(async () => {
    for (const c of held) await c.end().catch(() => undefined);
    server?.destroy();
  });

  it('is max_connections less the reserve, and falls by one for each session held open', async () => {
    const target = postgresTargetFrom(server.url());
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    const setting = async (name: string) => Number((await admin.query(`select current_setting('${name}') as v`)).rows[0].v);
    const max = await setting('max_connections');
    const reserved = await setting('superuser_reserved_connections');
    await admin.end();

    const before = await connectionsFree(target);
    expect(before).toEqual({ max, free: max - reserved });
    for (let i = 0; i < 3; i++) {
      const c = new pg.Client({ connectionString: server.url() });
      await c.connect();
      held.push(c);
    }
    expect(await connectionsFree(target)).toEqual({ max, free: max - reserved - 3 });
  });
});
