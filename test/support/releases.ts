import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Earlier releases whose running processes the current workflow code must take over, by the
 * commit their workflow code was released from. An upgrade test starts processes under each
 * release's workflow code, then hands them to today's.
 */
export const earlierReleases = {
  '0.1.0': '84ae3ab4bf5aabf587d55e22e590ed1fd4c859ed',
} as const;
export type EarlierRelease = keyof typeof earlierReleases;

/**
 * The workflow bundle of an earlier release, built from the git history: its `workflows/` and
 * `domain/` exactly as committed, bundled with today's SDK (as a worker of that release would be
 * after an SDK upgrade; workflow code is the part that must stay replayable). Needs the commit in
 * the clone (a full clone has it; a shallow one must fetch it).
 */
export async function workflowBundleOf(release: EarlierRelease): Promise<string> {
  const commit = earlierReleases[release];
  const dir = mkdtempSync(path.join(os.tmpdir(), `cxgov-release-${release}-`));
  try {
    try {
      execFileSync('sh', ['-c', `git -C "${root}" archive ${commit} workflows domain | tar -x -C "${dir}"`], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      throw new Error(`cannot read release ${release} (commit ${commit}) from the git history: ${String((err as { stderr?: Buffer }).stderr ?? err)}. A shallow clone needs: git fetch --unshallow`);
    }
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    const workflowsDir = path.join(dir, 'workflows');
    const interceptors = [path.join(workflowsDir, 'interceptors.ts')];
    const { code } = await bundleWorkflowCode({
      workflowsPath: path.join(workflowsDir, 'index.ts'),
      workflowInterceptorModules: interceptors,
      preloadModules: ['@temporalio/workflow', path.join(workflowsDir, 'index.ts'), ...interceptors],
      logger: quietLogger,
    });
    return code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const noop = () => undefined;
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error };
