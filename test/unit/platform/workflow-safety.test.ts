import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The determinism line, read from the source: workflow code runs in Temporal's sandbox and is
 * replayed from history, so it may import only the SDK's workflow packages, other workflow
 * files and pure domain modules — and a pure domain module never reads the clock, draws random
 * numbers, touches the process or imports a package. The business calendar (its holiday data
 * changes between releases) and what is built on it stay on the activity side. The workflow
 * bundle itself is checked in test/replay/bundle.test.ts.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const sdkPackages = ['@temporalio/workflow', '@temporalio/common'];
/**
 * Packages workflow code may import besides the SDK, each deliberately: pure JavaScript, no I/O,
 * no clock, no randomness on the paths used, the same answer for the same input.
 * - `@noble/curves/ed25519.js`: verifies the API's Ed25519 signature on every command
 *   (workflows/process/proof.ts); `node:crypto` does not exist in the sandbox, and verification
 *   is synchronous and deterministic (audited, dependency-free apart from @noble/hashes).
 * - `@noble/hashes/utils.js`: its byte helpers (hex and UTF-8 to bytes) for that check.
 */
const allowedPackages = [...sdkPackages, '@noble/curves/ed25519.js', '@noble/hashes/utils.js'];
const impure = /Date\.now\s*\(|new Date\s*\(\s*\)|Math\.random|performance\.now|\bprocess\./;
/** The code without its comments and import lines (a module may be named process.ts; a comment may say "process."). */
const codeOf = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/^(import|export)\s[^;]*?from\s+'[^']+';/gms, '');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : name.endsWith('.ts') ? [full] : [];
  });
}
const relative = (file: string) => path.relative(root, file);
/** Every import specifier, and whether it is a value import. */
function importsOf(file: string): { specifier: string; value: boolean }[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({ specifier: m[3] ?? '', value: m[2] === undefined }));
}
const resolve = (from: string, specifier: string) => path.resolve(path.dirname(from), specifier.replace(/\.js$/, '.ts'));
const isDomain = (file: string) => relative(file).startsWith('domain/');

/**
 * Domain modules that are activity-side: the business calendar (domain/calendar.ts, which carries
 * the holiday data) and everything that imports it. The pure calendar modules of domain/calendar/
 * (dates, coverage, the change a process is told of) are workflow-safe like any other.
 */
const domainFiles = filesUnder(path.join(root, 'domain'));
const activitySide = new Set<string>();
for (let grew = true; grew; ) {
  grew = false;
  for (const file of domainFiles) {
    if (activitySide.has(file)) continue;
    const onCalendar = relative(file) === 'domain/calendar.ts' || importsOf(file).some((i) => i.specifier.startsWith('.') && activitySide.has(resolve(file, i.specifier)));
    if (onCalendar) activitySide.add(file), (grew = true);
  }
}
const pureDomain = domainFiles.filter((f) => !activitySide.has(f));

describe('workflow code imports only what the sandbox allows', () => {
  it.each(filesUnder(path.join(root, 'workflows')).map(relative))('%s', (file) => {
    const full = path.join(root, file);
    for (const { specifier, value } of importsOf(full)) {
      if (!specifier.startsWith('.')) {
        if (value) expect(allowedPackages, `${file} imports the package ${specifier}`).toContain(specifier);
        continue;
      }
      const target = resolve(full, specifier);
      if (isDomain(target)) expect(activitySide.has(target), `${file} imports the activity-side ${relative(target)}`).toBe(false);
      else if (value) expect(relative(target).startsWith('workflows/'), `${file} imports ${relative(target)} as a value`).toBe(true);
    }
    expect(codeOf(full)).not.toMatch(/Math\.random|\bprocess\./);
  });
});

describe('pure domain modules are workflow-safe', () => {
  it('knows the calendar is activity-side', () => {
    expect([...activitySide].map(relative)).toContain('domain/calendar.ts');
  });

  it.each(pureDomain.map(relative))('%s imports only pure domain modules and never reads the clock or randomness', (file) => {
    const full = path.join(root, file);
    for (const { specifier } of importsOf(full)) {
      expect(specifier.startsWith('.'), `${file} imports the package ${specifier}`).toBe(true);
      const target = resolve(full, specifier);
      expect(isDomain(target) && !activitySide.has(target), `${file} imports ${relative(target)}`).toBe(true);
    }
    expect(codeOf(full)).not.toMatch(impure);
  });
});
