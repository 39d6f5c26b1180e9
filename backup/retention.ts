/**
 * Names of backups and which old ones a retention of `keep` removes. A backup folder is named for
 * its instant (`cxgov-backup-20261201T174500Z`), so names sort in time order; folders of another
 * name (and unfinished `.partial` ones) are never touched.
 */
const pattern = /^cxgov-backup-(\d{8}T\d{6}(?:\d{3})?Z)$/;

export function backupName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
  return `cxgov-backup-${stamp}`;
}

export function isBackupName(name: string): boolean {
  return pattern.test(name);
}

/** The backups beyond the newest `keep` ones, oldest last; `keep` < 1 keeps everything. */
export function backupsToRemove(names: readonly string[], keep: number): string[] {
  if (keep < 1) return [];
  const backups = names.filter(isBackupName).sort().reverse();
  return backups.slice(keep);
}
