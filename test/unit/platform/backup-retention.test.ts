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
