import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autovacuumOn, postgresTargetFrom } from '../../scripts/lib/cluster/databases.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';

/**
 * `npm run cluster` and the bench warn when the PostgreSQL server does not vacuum by itself
 * (Temporal's task tables are queues; docs/operations.md "Sizing"). Read from a server of the
 * test's own, so both answers are seen whatever the machine's shared server is set to.
 */
describe('the PostgreSQL autovacuum check', () => {
  let server: PrivatePostgres;
  beforeAll(async () => {
    server = await startPrivatePostgres();
  });
  afterAll(() => server?.destroy());

  async function setAutovacuum(value: 'on' | 'off'): Promise<void> {
    const client = new pg.Client({ connectionString: server.url() });
    await client.connect();
    try {
      await client.query(`ALTER SYSTEM SET autovacuum = ${value}`);
      await client.query('select pg_reload_conf()');
      // A reload is a signal: wait until a new session sees the value.
      for (let i = 0; i < 50; i++) {
        const seen = new pg.Client({ connectionString: server.url() });
        await seen.connect();
        const now = (await seen.query<{ autovacuum: string }>('show autovacuum')).rows[0]!.autovacuum;
        await seen.end();
        if (now === value) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`autovacuum did not become ${value}`);
    } finally {
      await client.end();
    }
  }

  it('says on for PostgreSQL’s default and off once it is turned off', async () => {
    const target = postgresTargetFrom(server.url());
    expect(await autovacuumOn(target)).toBe(true);
    await setAutovacuum('off');
    expect(await autovacuumOn(target)).toBe(false);
    await setAutovacuum('on');
    expect(await autovacuumOn(target)).toBe(true);
  });
});
