/**
 * One scheduled backup (backup/schedule.ts, docs/operations.md "Backup and restore"): started by
 * the schedule `cxgov-backup` when BACKUP_SCHEDULE is set. The work is one activity in a worker;
 * a failed attempt leaves only a `.partial` folder, removed by the next attempt.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { BackupRunSummary } from '../backup/schedule.js';

interface BackupActivities {
  runBackup(): Promise<BackupRunSummary>;
}

const { runBackup } = proxyActivities<BackupActivities>({
  startToCloseTimeout: '1 hour',
  retry: { initialInterval: '30s', maximumInterval: '10m', maximumAttempts: 5 },
});

export async function backupWorkflow(): Promise<BackupRunSummary> {
  return runBackup();
}
