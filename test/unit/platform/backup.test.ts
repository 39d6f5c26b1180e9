import { describe, expect, it } from 'vitest';
import { backupName, backupsToRemove, isBackupName } from '../../../backup/retention.js';

describe('backup names and retention', () => {
  it('names a backup for its instant, to the millisecond, in an order that sorts by time', () => {
    expect(backupName(new Date('2026-12-01T02:00:00.000Z'))).toBe('cxgov-backup-20261201T020000000Z');
    const names = ['2026-12-01T02:00:00.001Z', '2026-11-30T23:59:59.999Z', '2027-01-01T00:00:00.000Z'].map((t) => backupName(new Date(t)));
    expect([...names].sort()).toEqual([names[1], names[0], names[2]]);
    expect(names.every(isBackupName)).toBe(true);
  });

  it('removes the oldest beyond keep, and never a folder of another name or an unfinished one', () => {
    const names = ['cxgov-backup-20261201T020000000Z', 'cxgov-backup-20261129T020000000Z', 'cxgov-backup-20261130T020000000Z', 'cxgov-backup-20261128T020000000Z.partial', 'photos', 'cxgov-backup-x'];
    expect(backupsToRemove(names, 2)).toEqual(['cxgov-backup-20261129T020000000Z']);
    expect(backupsToRemove(names, 1)).toEqual(['cxgov-backup-20261130T020000000Z', 'cxgov-backup-20261129T020000000Z']);
    expect(backupsToRemove(names, 5)).toEqual([]);
    expect(backupsToRemove(names, 0)).toEqual([]);
  });
});

describe('pg_dump and pg_restore arguments', () => {
  it('take the password from PGPASSWORD, never from the command line that ps shows', async () => {
    const { pgTool } = await import('../../../backup/backup.js');
    const t = pgTool('postgres://cxgov:s3cr%40t@db.bank.internal:5432/cxgov?sslmode=require');
    expect(t.url).toBe('postgres://cxgov@db.bank.internal:5432/cxgov?sslmode=require');
    expect(t.env.PGPASSWORD).toBe('s3cr@t');
    expect(pgTool('postgres://postgres@127.0.0.1:5432/cxgov').env.PGPASSWORD).toBe(process.env.PGPASSWORD);
  });
});
