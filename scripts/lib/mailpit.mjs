// Finds Mailpit (the embedded SMTP server with a web inbox), building it with `go install` when it
// is nowhere to be found (scripts/lib/go-tool.mjs), for scripts/bootstrap.mjs (`npm start` without
// SMTP_URL) and the test global setup (the mail tests read delivered messages through its API).
import { ensureGoTool } from './go-tool.mjs';

/** Mailpit: `MAILPIT_PATH`, on PATH, in $GOPATH/bin, or built with `go install`. */
export function ensureMailpit({ say } = {}) {
  return ensureGoTool({ binary: 'mailpit', module: 'github.com/axllent/mailpit@v1.33.1', envVar: 'MAILPIT_PATH', label: 'Mailpit', say });
}
