// Finds the Temporal CLI (dev server + Web UI), building it with `go install` when it is nowhere
// to be found (scripts/lib/go-tool.mjs), for scripts/bootstrap.mjs (`npm start`, `npm run bench`)
// and the test global setup (only when a test needs Temporal).
import { ensureGoTool } from './go-tool.mjs';

/** The Temporal CLI: `TEMPORAL_CLI_PATH`, on PATH, in $GOPATH/bin, or built with `go install`. */
export function ensureTemporalCli({ say } = {}) {
  return ensureGoTool({ binary: 'temporal', module: 'github.com/temporalio/cli/cmd/temporal@v1.5.1', envVar: 'TEMPORAL_CLI_PATH', label: 'the Temporal CLI', say });
}
