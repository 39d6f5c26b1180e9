import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { topicEvents } from '../../../domain/notifications/routing.js';

/**
 * Every notice a process can draft is routed, titled in mails and IM posts and titled in the web
 * UI's notification centre. The topics are read from the code that drafts them (`note(…)`,
 * `notice(…)`, `change.notify(…)` and the derived notices' `topic:`), so a family that adds a topic
 * without its words fails here instead of mailing "通知：incident.raised" to bank staff.
 */
const root = path.resolve(import.meta.dirname, '../../..');
function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));
}
/** The web UI's message keys (read as text: the web project resolves its modules its own way). */
const webKeys = (lang: 'zh' | 'en') => new Set([...readFileSync(path.join(root, `web/src/i18n/${lang}.ts`), 'utf8').matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]!));
const zhKeys = webKeys('zh');
const enKeys = webKeys('en');
const drafted = new Set<string>();
for (const text of [...sources('domain'), ...sources('workflows')]) {
  for (const m of text.matchAll(/\b(?:note|notice|notify)\([^;]*?,\s*'([a-z_]+\.[a-z_]+)'/g)) drafted.add(m[1]!);
  for (const m of text.matchAll(/\btopic: '([a-z_]+\.[a-z_]+)'/g)) drafted.add(m[1]!);
}

describe('notice topics', () => {
  it('are found in the code and the web UI’s keys are read (the scans themselves work)', () => {
    expect(zhKeys.has('notice.topic.report.ready') && enKeys.has('notice.topic.report.ready')).toBe(true);
    for (const known of ['complaint.escalated', 'gate.vote_requested', 'gate.signoff_requested', 'incident.raised', 'targets.decision_needed']) expect(drafted).toContain(known);
  });
  it.each([...drafted].sort())('%s has an event type, and a title in the web UI in Chinese and English', (topic) => {
    expect(topicEvents[topic], 'routing.ts topicEvents').toBeDefined();
    expect(zhKeys.has(`notice.topic.${topic}`), 'web/src/i18n/zh.ts').toBe(true);
    expect(enKeys.has(`notice.topic.${topic}`), 'web/src/i18n/en.ts').toBe(true);
  });
});
