import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPiiText } from '../../domain/pii-text.js';
import { intakeBody, secondsPolicy, setPolicy } from '../support/complaints.js';
import {
  endpointFixtures,
  fixtureIncidentPolicy,
  isProblem,
  sampleRequests,
  send,
  servedOperations,
  type FixtureKind,
  type SampleRequest,
  type SendOptions,
  type ServedOperation,
} from '../support/endpoints.js';
import { gates, standardRoster } from '../support/gates.js';
import { people } from '../support/people.js';
import { startStack, type HttpAnswer, type Stack } from '../support/stack.js';

/**
 * Hostile input, property-based (docs/quality-bars.md "Security": malformed, oversized, wrongly typed and
 * hostile — SQL, HTML, unicode — input to every endpoint). Every operation of the served OpenAPI
 * document with a body, path or query parameters is fed mangled variants of a valid request
 * (test/support/endpoints.ts) by an allowed caller:
 * - the answer is never 5xx; a 4xx is an application/problem+json document with type/title/status;
 * - input that cannot be valid (wrong types, unknown or prototype-polluting keys, malformed or
 *   deeply nested JSON, oversized text, unstorable text) is refused with a 4xx;
 * - the service stays up (/healthz 200 after each batch) and Object.prototype stays clean (the
 *   API runs in this process);
 * - hostile but valid text round-trips byte for byte through POST/PUT then GET.
 *
 * Deterministic: seed FUZZ_SEED (default below); fast-check prints seed and path on a failure
 * (rerun with FUZZ_SEED=<seed>). FUZZ_RUNS scales the number of runs (default 1). Shrinking is off
 * (each run is an HTTP request); FUZZ_SHRINK=1 turns it on.
 */
const seed = Number(process.env.FUZZ_SEED ?? 5_2026);
const scale = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * scale));
const fcOptions = (numRuns: number) => ({ seed, numRuns: runs(numRuns), endOnFailure: process.env.FUZZ_SHRINK !== '1' });

/** Small, so an oversized upload is cheap to send. */
const attachmentLimit = 50_000;
let stack: Stack;
let operations: ServedOperation[];
let samples: Record<string, SampleRequest>;
let fixtures: ReturnType<typeof endpointFixtures>;
const fixtureIds = new Map<FixtureKind, string>();

beforeAll(async () => {
  stack = await startStack({ env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_PER_TOKEN_PER_MINUTE: '1000000', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000', ATTACHMENT_MAX_BYTES: String(attachmentLimit) } });
  const g = gates(stack);
  await g.roster();
  await g.policy();
  await setPolicy(stack, secondsPolicy());
  expect((await stack.as(people.admin).put('/api/v1/policies/incidents', fixtureIncidentPolicy)).status).toBe(200);
  operations = await servedOperations(stack);
  samples = sampleRequests(stack);
  fixtures = endpointFixtures(stack);
  for (const kind of new Set(Object.values(samples).map((s) => s.fixture))) fixtureIds.set(kind, await fixtures[kind]());
});
afterAll(async () => stack?.stop());

// ── hostile values ──────────────────────────────────────────────────────────────────────────────
const sqlText = [
  "' OR '1'='1",
  "'; DROP TABLE complaints; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5); --',
  "' UNION SELECT hash, prev_hash FROM audit_events --",
  '$1',
  "\\'; --",
  "%' AND 1=1 --",
  "'); TRUNCATE audit_events; --",
  "'::jsonb",
];
const htmlText = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '"><svg/onload=alert(1)>', '{{7*7}}', '${7*7}', '</textarea><b>', '&lt;&amp;&#0;'];
const unicodeText = [
  '\u202Eevil\u202C', // right-to-left override
  'مرحبا بالعالم',
  'שלום\u200F',
  'a\u200B\u200C\u200D\u2060\uFEFFb', // zero-width characters
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇨🇳',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '𝕿𝖊𝖘𝖙',
  '张三丰',
  'a\u00A0\u3000b',
  'a\u2028\u2029b',
  '\uFFFD\uFFFE\uFFFF',
  '\u0001\u001F\u007F',
  '\\u0000',
  '%00%2e%2e%2f',
  'line\r\nbreak\ttab',
];
/** Text PostgreSQL cannot store (NUL) or that is not Unicode (lone surrogates): always refused. */
const unstorableText = ['\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\uDBFF\u0041'];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Well-formed, storable text that may well be valid input. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...sqlText, ...htmlText, ...unicodeText),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !s.includes('\u0000')),
  fc.array(fc.constantFrom(...sqlText, ...htmlText, ...unicodeText), { minLength: 2, maxLength: 5 }).map((a) => a.join(' ')),
);
/** Anything a string can hold, unstorable text and odd UTF-16 included. */
const hostileString: fc.Arbitrary<string> = fc.oneof(hostileText, fc.constantFrom(...unstorableText), fc.string({ unit: anyCodeUnit, maxLength: 20 }));
const oddNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 1e308, -1e308, 2 ** 53 + 1, 0.1 + 0.2, -1));
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    oddNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(hostileString, tie('v'), { maxKeys: 3 }),
  ),
})).v;

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
const jsonType = (v: unknown): JsonType => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType));
/** A value of another JSON type than `original`. */
const wrongTypeFor = (original: unknown) => hostileValue.filter((v) => jsonType(v) !== jsonType(original));

/** Every position in a JSON value (not the root), as key paths. */
function positions(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...positions(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...positions(v, [...prefix, k])]);
  return [];
}
const objectPositions = (value: unknown) => [[], ...positions(value)].filter((p) => jsonType(get(value, p)) === 'object');
const stringPositions = (value: unknown) => positions(value).filter((p) => typeof get(value, p) === 'string');
const get = (value: unknown, path: (string | number)[]): unknown => path.reduce<any>((v, k) => v?.[k], value);
function set(value: unknown, path: (string | number)[], to: unknown): unknown {
  const copy = structuredClone(value) as any;
  if (path.length === 0) return to;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k];
  at[path.at(-1)!] = to;
  return copy;
}
const marker = '\u0091FUZZ-MARKER\u0092';
/** JSON text of `value` with the raw JSON `raw` at `path` (text JSON.stringify cannot make: __proto__ keys, 1e999, deep nesting). */
function withRaw(value: unknown, path: (string | number)[], raw: string): string {
  return JSON.stringify(set(value, path, marker)).replace(JSON.stringify(marker), () => raw);
}
/** JSON text of `value` with an extra member `"key": raw` in the object at `path`. */
function withMember(value: unknown, path: (string | number)[], key: string, raw: string): string {
  const obj = get(value, path) as Record<string, unknown>;
  const tagged = set(value, path, { ...obj, [marker]: 0 });
  return JSON.stringify(tagged).replace(`${JSON.stringify(marker)}:0`, () => `${JSON.stringify(key)}:${raw}`);
}
const pollutingKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'isAdmin', '$where', "' OR 1=1 --", '<script>', ''];
/** Every UTF-8 byte percent-encoded (a lone surrogate becomes U+FFFD, as fetch would send it). */
const percentEncode = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

// ── running a batch ─────────────────────────────────────────────────────────────────────────────
interface Variant {
  label: string;
  opts: SendOptions;
  /** true: no valid request looks like this, so the answer must be a 4xx */
  invalid: boolean;
}

let failures: string[] = [];

function judge(res: HttpAnswer | Error, v: Variant): string | undefined {
  if (res instanceof Error) return `no answer: ${res.message}`;
  if (res.status >= 500) return `${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`;
  if (v.invalid && (res.status < 400 || res.status >= 500)) return `accepted (${res.status}) input that cannot be valid`;
  if (res.status >= 400 && !isProblem(res)) return `${res.status} is not a problem document: ${res.headers.get('content-type')} ${JSON.stringify(res.body).slice(0, 200)}`;
  return undefined;
}

/** Sends every variant `arb` draws for one operation; collects failures; checks the service is still up. */
async function batch(op: ServedOperation, category: string, arb: fc.Arbitrary<Variant>, numRuns: number): Promise<void> {
  const sample = samples[op.endpoint]!;
  const id = fixtureIds.get(sample.fixture) ?? '';
  try {
    await fc.assert(
      fc.asyncProperty(arb, async (v) => {
        const res = await send(stack, sample.as, op.endpoint, sample, id, { ...v.opts, signal: AbortSignal.timeout(10_000) }).catch((e: Error) => e);
        const wrong = judge(res, v);
        if (wrong) throw new Error(`${v.label.slice(0, 160)} → ${wrong}`);
      }),
      fcOptions(numRuns),
    );
  } catch (err) {
    // fast-check names seed and path in its message and keeps the property's error as the cause
    const seedLine = (err as Error).message.split('\n').find((l) => l.includes('seed')) ?? '';
    const cause = (err as { cause?: Error }).cause?.message ?? (err as Error).message.slice(0, 300);
    const found = `${op.endpoint} [${category}] ${seedLine} ${cause}`;
    failures.push(found);
    console.error(found);
  }
  const health = await stack.anonymous.get('/healthz');
  if (health.status !== 200) failures.push(`${op.endpoint} [${category}]: /healthz answered ${health.status} afterwards`);
  const polluted = Object.keys(Object.prototype).concat(Object.keys(Array.prototype));
  if (polluted.length > 0) failures.push(`${op.endpoint} [${category}]: prototype polluted with ${polluted.join(', ')}`);
}

async function sampleBody(op: ServedOperation): Promise<unknown> {
  const body = samples[op.endpoint]!.body;
  return typeof body === 'function' ? await (body as () => Promise<unknown>)() : body;
}

/** Puts back what a batch on an administration endpoint may have changed with valid input. */
async function restoreSettings(op: ServedOperation): Promise<void> {
  if (op.endpoint === 'PUT /api/v1/committee') await gates(stack).roster(standardRoster);
  if (op.endpoint === 'PUT /api/v1/policies/review') await gates(stack).policy();
  if (op.endpoint === 'PUT /api/v1/policies/sla') await setPolicy(stack, secondsPolicy());
}

/** Operations taking JSON; uploads (a file as the body) have their own batch below. */
const withBody = () => operations.filter((o) => o.hasBody && o.jsonBody);
const withFile = () => operations.filter((o) => o.hasBody && !o.jsonBody);

describe('hostile input to every endpoint (property-based)', () => {
  it('every operation with a body, path or query parameters has a sample request to mangle', () => {
    const missing = operations.filter((o) => (o.hasBody || o.params.some((p) => p.in !== 'header')) && !samples[o.endpoint]).map((o) => o.endpoint);
    expect(missing).toEqual([]);
    expect(withBody().length).toBeGreaterThan(20);
  });

  it('bodies: wrong types, unknown and prototype-polluting keys, unstorable text → 4xx problem documents', async () => {
    failures = [];
    for (const op of withBody()) {
      const body = await sampleBody(op);
      const all = positions(body);
      const objects = objectPositions(body);
      const strings = stringPositions(body);
      const arb = fc.oneof(
        // a field (or the whole body) of the wrong JSON type
        fc.constantFrom([], ...all).chain((path) =>
          wrongTypeFor(get(body, path)).map((v): Variant => ({ label: `${path.join('.') || '(body)'} = ${JSON.stringify(v)?.slice(0, 80)}`, opts: { body: set(body, path, v) }, invalid: true })),
        ),
        // an unknown member, prototype-polluting names included (as real JSON members, not via JSON.stringify)
        fc.tuple(fc.constantFrom(...objects), fc.oneof(fc.constantFrom(...pollutingKeys), hostileString), hostileValue).map(([path, key, v]): Variant => ({
          label: `unknown member ${JSON.stringify(key)} at ${path.join('.') || '(body)'}`,
          opts: { rawBody: withMember(body, path, key, JSON.stringify(v) ?? 'null') },
          invalid: true,
        })),
        fc.tuple(fc.constantFrom(...objects), fc.constantFrom('__proto__', 'constructor')).map(([path, key]): Variant => ({
          label: `${key} pollution at ${path.join('.') || '(body)'}`,
          opts: { rawBody: withMember(body, path, key, key === '__proto__' ? '{"polluted":true,"isAdmin":true}' : '{"prototype":{"polluted":true}}') },
          invalid: true,
        })),
        // text that cannot be stored
        ...(strings.length
          ? [
              fc.tuple(fc.constantFrom(...strings), fc.constantFrom(...unstorableText)).map(([path, s]): Variant => ({
                label: `${path.join('.')} = ${JSON.stringify(s)}`,
                opts: { body: set(body, path, s) },
                invalid: true,
              })),
            ]
          : []),
      );
      await batch(op, 'types and keys', arb, 24);
      await restoreSettings(op);
    }
    expect(failures).toEqual([]);
  });

  it('bodies: malformed, oversized and deeply nested JSON, odd content types → 4xx problem documents', async () => {
    failures = [];
    for (const op of withBody()) {
      const body = await sampleBody(op);
      const text = JSON.stringify(body);
      const all = [[], ...positions(body)];
      const strings = stringPositions(body);
      const arb = fc.oneof(
        fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((n): Variant => ({ label: `truncated at ${n}`, opts: { rawBody: text.slice(0, n) }, invalid: true })),
        fc
          .constantFrom('null', 'true', '0', '"text"', '[]', '[{}]', "{'single': 'quotes'}", '{"a":1,}', '{a:1}', '{"a":NaN}', '/* c */ {}', '{"a":"\\x41"}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', 'undefined')
          .map((raw): Variant => ({ label: `body text ${JSON.stringify(raw)}`, opts: { rawBody: raw }, invalid: true })),
        // an empty body (or one the parser reads as empty) is `{}`: valid where every field is optional
        fc.constantFrom('', '\uFEFF{}', ' \n ').map((raw): Variant => ({ label: `body text ${JSON.stringify(raw)}`, opts: { rawBody: raw }, invalid: false })),
        // numbers JSON can write but no field takes (1e999 parses as Infinity)
        fc.tuple(fc.constantFrom(...all), fc.constantFrom('1e999', '-1e999', '123456789012345678901234567890', '-0.0e-400')).map(([path, raw]): Variant => ({
          label: `${path.join('.') || '(body)'} = ${raw}`,
          opts: { rawBody: withRaw(body, path, raw) },
          // Infinity is no number any field takes; the others are numbers a number field may take
          invalid: raw.includes('e999') || path.length === 0 || typeof get(body, path) !== 'number',
        })),
        // deep nesting, in place of a field or as the body
        fc.tuple(fc.constantFrom(...all), fc.integer({ min: 50, max: 20_000 }), fc.boolean()).map(([path, depth, arrays]): Variant => ({
          label: `${path.join('.') || '(body)'} nested ${depth} deep`,
          opts: { rawBody: withRaw(body, path, arrays ? deepArray(depth) : deepObject(depth)) },
          invalid: true,
        })),
        // oversized text: over the field's limit, or over the body limit (413)
        ...(strings.length
          ? [
              fc.tuple(fc.constantFrom(...strings), fc.constantFrom(201, 2_001, 10_001, 60_000, 150_000), fc.constantFrom('x', '界', '😀')).map(([path, n, ch]): Variant => ({
                label: `${path.join('.')} = ${n} × ${ch}`,
                opts: { body: set(body, path, ch.repeat(n)) },
                // 201 of '界' may be within a 2 000 limit: only the longest are surely invalid
                invalid: n >= 10_001,
              })),
            ]
          : []),
        // the sample body under other content types: refused or read as no body
        fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/xml', 'application/json; charset=utf-16').map((ct): Variant => ({
          label: `content-type ${ct}`,
          opts: { rawBody: text, contentType: ct },
          invalid: false,
        })),
      );
      await batch(op, 'malformed', arb, 24);
      await restoreSettings(op);
    }
    expect(failures).toEqual([]);
  });

  it('bodies: hostile text in every text field → never 5xx (valid text is accepted)', async () => {
    failures = [];
    for (const op of withBody()) {
      const body = await sampleBody(op);
      const strings = stringPositions(body);
      if (strings.length === 0) continue;
      const arb = fc.tuple(fc.constantFrom(...strings), hostileText).map(([path, s]): Variant => ({ label: `${path.join('.')} = ${JSON.stringify(s)}`, opts: { body: set(body, path, s) }, invalid: false }));
      await batch(op, 'hostile text', arb, 8);
      await restoreSettings(op);
    }
    expect(failures).toEqual([]);
  });

  it('file bodies: any bytes of an accepted type are kept; other types, no type, empty and oversized files → 4xx problem documents', async () => {
    failures = [];
    expect(withFile().map((o) => o.endpoint)).toEqual(['POST /api/v1/initiatives/{id}/attachments']);
    for (const op of withFile()) {
      const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((b) => Buffer.from(b).toString('latin1'));
      const arb = fc.oneof(
        // any bytes (as latin1 text, so every byte value is sent) under an accepted type: kept
        fc.tuple(bytes(1, 2_000), fc.constantFrom('application/pdf', 'image/png', 'text/plain', 'text/csv; charset=gbk', 'APPLICATION/PDF')).map(([b, type]): Variant => ({ label: `${b.length} bytes as ${type}`, opts: { rawBody: b, contentType: type }, invalid: false })),
        fc.oneof(hostileString.filter((s) => !/[\r\n\u0000]/.test(s) && /^[\x20-\x7e]*$/.test(s)), fc.constantFrom('text/html', 'image/svg+xml', 'application/javascript', 'application/x-msdownload', 'multipart/form-data; boundary=x', 'application/json', 'application/xml', 'application/octet-stream', 'pdf', '*/*', 'text/html; x=application/pdf'))
          .map((type): Variant => ({ label: `content-type ${JSON.stringify(type)}`, opts: { rawBody: '%PDF-1.4', contentType: type }, invalid: true })),
        fc.constantFrom(''.padEnd(0), 'x'.repeat(attachmentLimit + 1), 'y'.repeat(attachmentLimit * 3)).map((b): Variant => ({ label: `${b.length} bytes`, opts: { rawBody: b, contentType: 'application/pdf' }, invalid: true })),
      );
      await batch(op, 'file', arb, 24);
    }
    expect(failures).toEqual([]);
  });

  it('path parameters: hostile, malformed and oversized ids → 4xx problem documents', async () => {
    failures = [];
    const malformedEscapes = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF', '%00', '%2e%2e%2f%2e%2e%2f', '..%2F..%2Fetc%2Fpasswd', '%u0041'];
    for (const op of operations.filter((o) => o.params.some((p) => p.in === 'path'))) {
      const names = op.params.filter((p) => p.in === 'path').map((p) => p.name);
      const value = fc.oneof(
        hostileString.filter((s) => s.length > 0).map(percentEncode),
        fc.constantFrom(...malformedEscapes),
        fc.integer({ min: 201, max: 6_000 }).map((n) => 'a'.repeat(n)),
        fc.constantFrom('00000000-0000-4000-8000-000000000000', 'no-such-id', 'initiative', 'audit_events', '1', '-1', 'null', 'undefined', '__proto__', 'constructor'),
      );
      const arb = fc.tuple(fc.constantFrom(...names), value).map(([name, v]): Variant => ({ label: `{${name}} = ${v.slice(0, 100)}`, opts: { pathValues: { [name]: v } }, invalid: true }));
      await batch(op, 'path', arb, 16);
    }
    expect(failures).toEqual([]);
  });

  it('query parameters: hostile values, repeated and unknown parameters, forged cursors → never 5xx', async () => {
    failures = [];
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
    for (const op of operations.filter((o) => o.params.some((p) => p.in === 'query'))) {
      const sample = samples[op.endpoint]!;
      const names = op.params.filter((p) => p.in === 'query').map((p) => p.name);
      const base = Object.entries(sample.query ?? {}).map(([k, v]) => [k, v === '{id}' ? fixtureIds.get(sample.fixture)! : v] as [string, string]);
      const cursor = fc.oneof(
        hostileValue.map((v) => b64(JSON.stringify(v) ?? '')),
        fc.tuple(fc.oneof(hostileString, fc.constantFrom('2020', '0000-01-01T00:00:00Z', '275760-09-13T00:00:00Z', '2020-01-01', 'Tue, 01 Jan 2030 00:00:00 GMT', '1', '')), hostileValue).map(([a, b]) => b64(JSON.stringify([a, b]))),
        fc.record({ id: hostileValue, createdAt: fc.constantFrom('2020', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', 'x') }).map((c) => b64(JSON.stringify(c))),
        fc.bigInt({ min: 0n, max: 10n ** 25n }).map((n) => b64(`ae:${n}`)),
        hostileString.map((s) => s),
      );
      const timestamp = fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999+14:00', '2020-02-29T00:00:00-23:59', '1969-12-31T23:59:59.999999999Z', '2020-01-01T24:00:00Z', '2020-13-01T00:00:00Z');
      const valueFor = (name: string) =>
        name === 'cursor' ? cursor : name === 'from' || name === 'to' || name === 'receivedAt' ? fc.oneof(timestamp, hostileString) : name === 'limit' ? fc.oneof(fc.constantFrom('0', '-1', '1e3', '0x10', '9'.repeat(30), 'NaN', '1.5', ''), hostileString) : hostileString;
      const mutation = fc.oneof(
        fc.constantFrom(...names).chain((name) => valueFor(name).map((v) => ({ label: `${name}=${JSON.stringify(v).slice(0, 100)}`, pairs: [...base.filter(([k]) => k !== name), [name, v] as [string, string]] }))),
        fc.tuple(fc.constantFrom(...names), hostileString, hostileString).map(([name, a, b]) => ({ label: `${name} twice`, pairs: [...base, [name, a], [name, b]] as [string, string][] })),
        fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', '__proto__[polluted]', 'constructor[prototype][polluted]', 'a[b][c]', ''), hostileString), hostileString).map(([k, v]) => ({ label: `unknown ${JSON.stringify(k)}`, pairs: [...base, [k, v] as [string, string]] })),
      );
      const arb = fc.oneof(
        mutation.map((m): Variant => ({ label: m.label, opts: { rawQuery: new URLSearchParams(m.pairs).toString() }, invalid: false })),
        // a forged or replayed-from-elsewhere cursor, where the operation pages
        ...(names.includes('cursor')
          ? [cursor.map((c): Variant => ({ label: `cursor=${c.slice(0, 100)} (${Buffer.from(c, 'base64url').toString('utf8').slice(0, 100)})`, opts: { rawQuery: new URLSearchParams([...base, ['cursor', c]]).toString() }, invalid: false }))]
          : []),
        fc.constantFrom('%', '%zz', '%E0%A4%A', 'a=%ED%A0%80', '&&&', '=x', 'limit=1&limit=2', `${names[0]}[]=x`).map((raw): Variant => ({ label: `raw query ${raw}`, opts: { rawQuery: raw }, invalid: false })),
      );
      await batch(op, 'query', arb, 24);
    }
    expect(failures).toEqual([]);
  });
});

describe('what the hostile-input tests found (each was a 5xx or a hang; now a 400 problem document)', () => {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
  const found: [string, string, (id: string) => SendOptions][] = [
    ['GET /api/v1/complaints/{id}', 'a path parameter that is not UTF-8', () => ({ pathValues: { id: '%C0%AF' } })],
    ['POST /api/v1/initiatives/{id}/review/votes', 'a path parameter that is not UTF-8', () => ({ pathValues: { id: '%E0%A4%A' } })],
    ['PUT /api/v1/committee', 'a lone surrogate in a member’s name', () => ({ body: { members: standardRoster.map((m, i) => (i === 1 ? { ...m, name: 'Mina\uDBFF' } : m)) } })],
    ['POST /api/v1/complaints/{id}/responses', 'NUL in a message (the workflow’s write failed forever)', () => ({ body: { message: 'hello\u0000', channel: 'hotline' } })],
    ['POST /api/v1/initiatives/{id}/review/votes', 'a lone surrogate in a comment (silently became U+FFFD)', () => ({ body: { decision: 'approve', comment: '\uD800' } })],
    ['POST /api/v1/initiatives/{id}/submissions', 'a key with a lone surrogate deep in the deliverables', () => ({ rawBody: '{"stage":"research","deliverables":{"methods":["interview"],"segments":["a"],"findings":{"needs":[],"painPoints":[],"expectations":[],"\\udc00":1}}}' })],
    ['GET /api/v1/audit/events', 'an offset PostgreSQL does not take', () => ({ rawQuery: 'from=2020-02-29T00:00:00-23:59' })],
    ['GET /api/v1/audit/events', 'year 0000', () => ({ rawQuery: 'to=0000-01-01T00:00:00Z' })],
    ['GET /api/v1/audit/events', 'a forged cursor beyond int8', () => ({ rawQuery: `cursor=${b64('ae:9999999999999999999')}` })],
    ['GET /api/v1/audit/pii-access', 'an offset PostgreSQL does not take', () => ({ rawQuery: 'from=2020-02-29T00:00:00-23:59' })],
    ['GET /api/v1/audit/pii-access', 'a forged cursor beyond int8', () => ({ rawQuery: `cursor=${b64('ae:9999999999999999999')}` })],
    ['GET /api/v1/audit/pii-access', 'a complaint id with a JSON quote', () => ({ rawQuery: 'complaintId=%22%5D' })],
    ['GET /api/v1/initiatives', 'a forged cursor (year +275760, lone surrogate id)', () => ({ rawQuery: `cursor=${b64(JSON.stringify({ id: '\uDBFFA', createdAt: '+275760-09-13T00:00:00Z' }))}` })],
    ['GET /api/v1/initiatives', 'a forged cursor (a date PostgreSQL does not take)', () => ({ rawQuery: `cursor=${b64(JSON.stringify({ id: 'x', createdAt: '0000-01-01T00:00:00Z' }))}` })],
    ['GET /api/v1/complaints', 'a forged cursor (a date Date.parse takes, PostgreSQL not)', () => ({ rawQuery: `cursor=${b64(JSON.stringify(['2020', 'x']))}` })],
    ['GET /api/v1/complaints', 'a forged cursor (NUL in the id)', () => ({ rawQuery: `cursor=${b64(JSON.stringify(['2020-01-01T00:00:00.000Z', 'a\u0000']))}` })],
    ['GET /api/v1/reports', 'a forged cursor (a date Date.parse takes, PostgreSQL not)', () => ({ rawQuery: `kind=monthly&cursor=${b64(JSON.stringify(['1', 'x']))}` })],
    ['POST /api/v1/complaints', 'a link to a product that does not exist (reached the CSV as a formula)', () => ({ body: intakeBody({ initiativeId: '-2-3@A1' }) })],
  ];
  it.each(found)('%s: %s', async (endpoint, _what, options) => {
    const sample = samples[endpoint]!;
    const id = fixtureIds.get(sample.fixture) ?? '';
    const res = await send(stack, sample.as, endpoint, sample, id, { ...options(id), signal: AbortSignal.timeout(10_000) });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(isProblem(res, 400)).toBe(true);
  });
});

describe('hostile but valid text round-trips byte for byte', () => {
  /** Valid text for a field: trimmed fields (requiredText) keep no outer whitespace, by design. */
  const validText = (max: number, trimmed = true) =>
    hostileText.filter((t) => t.length >= 1 && t.length <= max && (!trimmed || (t.trim() === t && t.length > 0)));
  const same = (got: unknown, sent: string) => typeof got === 'string' && got === sent && Buffer.from(got, 'utf8').equals(Buffer.from(sent, 'utf8'));

  /**
   * `freeText`: the field is free text about a case, whose phone / id / card numbers the API masks
   * (domain/pii-text.ts); everything else of it still round-trips byte for byte.
   */
  async function roundTrip(what: string, arb: fc.Arbitrary<string>, numRuns: number, store: (t: string) => Promise<unknown>, freeText = false) {
    await fc.assert(
      fc.asyncProperty(arb, async (t) => {
        const got = await store(t);
        const expected = freeText ? maskPiiText(t) : t;
        if (!same(got, expected)) throw new Error(`${what}: sent ${JSON.stringify(t)}, got back ${JSON.stringify(got)}`);
      }),
      fcOptions(numRuns),
    );
    expect((await stack.anonymous.get('/healthz')).status).toBe(200);
  }

  it('a complaint’s description, a response message, the customer’s name (sealed at rest, read through a reveal) and a reveal’s reason', async () => {
    const agent = stack.as(people.agent);
    await roundTrip('description', validText(10_000), 8, async (t) => {
      const created = await agent.post('/api/v1/complaints', intakeBody({ description: t }));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return (await agent.get(`/api/v1/complaints/${created.body.id}`)).body.description;
    }, true);
    const id = await fixtures.open(); // its own: the batches above may have closed the shared ones
    await roundTrip('response message', validText(10_000), 6, async (t) => {
      const res = await agent.post(`/api/v1/complaints/${id}/responses`, { message: t, channel: 'app' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (await agent.get(`/api/v1/complaints/${id}`)).body.responses.at(-1).message;
    }, true);
    await roundTrip('customer name', validText(200), 6, async (t) => {
      const res = await agent.put(`/api/v1/complaints/${id}/customer`, { name: t, reason: 'spelling' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (await agent.post(`/api/v1/complaints/${id}/customer/reveal`, { fields: ['name'] })).body.customer.name;
    });
    // A reveal's reason reaches the PII access log, numbers masked, the rest byte for byte.
    const supervisor = stack.as(people.supervisor);
    await roundTrip('reveal reason', validText(500), 6, async (t) => {
      const requestId = `fuzz-reveal-${randomUUID()}`;
      const res = await supervisor.post(`/api/v1/complaints/${id}/customer/reveal`, { fields: ['phone'], reason: t }, { 'x-request-id': requestId });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const log = await stack.as(people.auditor).get(`/api/v1/audit/pii-access?${new URLSearchParams({ actor: people.supervisor.userId, complaintId: id, limit: '1000' })}`);
      return (log.body.items as { requestId: string; reason: string | null }[]).find((r) => r.requestId === requestId)?.reason;
    }, true);
  });

  it('an initiative’s name, a vote comment (untrimmed) and a committee member’s name', async () => {
    const owner = stack.as(people.owner);
    await roundTrip('initiative name', validText(200), 6, async (t) => {
      const created = await owner.post('/api/v1/initiatives', { name: t, businessLine: 'fund', description: 'd', team: 'wealth' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return (await owner.get(`/api/v1/initiatives/${created.body.id}`)).body.name;
    });
    const id = await fixtures.inReview();
    await roundTrip('vote comment', validText(10_000, false), 6, async (t) => {
      const res = await stack.as(people.m1).post(`/api/v1/initiatives/${id}/review/votes`, { decision: 'request_changes', comment: t });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (await owner.get(`/api/v1/initiatives/${id}`)).body.review.votes.at(-1).comment;
    }, true);
    try {
      await roundTrip('committee member name', validText(200), 4, async (t) => {
        const res = await stack.as(people.admin).put('/api/v1/committee', { members: standardRoster.map((m) => (m.userId === 'm4' ? { ...m, name: t } : m)) });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return (await stack.as(people.admin).get('/api/v1/committee')).body.members.find((m: { userId: string }) => m.userId === 'm4').name;
      });
    } finally {
      await gates(stack).roster(standardRoster);
    }
  });
});

describe('hostile but valid text round-trips byte for byte: a committee meeting', () => {
  const same = (got: unknown, sent: string) => typeof got === 'string' && got === sent && Buffer.from(got, 'utf8').equals(Buffer.from(sent, 'utf8'));
  const validText = (max: number, trimmed = true) => hostileText.filter((t) => t.length >= 1 && t.length <= max && (!trimmed || (t.trim() === t && t.length > 0)));
  const chair = { userId: 'gm', name: 'Grace GM', roles: [], department: 'executive' };

  it('an agenda item’s title and description, added by the chair', async () => {
    const id = await fixtures.meeting();
    await fc.assert(
      fc.asyncProperty(validText(500), validText(5_000, false), async (title, description) => {
        const res = await stack.as(chair).post(`/api/v1/meetings/${id}/items`, { title, description });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const item = (await stack.as(chair).get(`/api/v1/meetings/${id}`)).body.items.at(-1);
        if (!same(item.title, title) || !same(item.facts.description, maskPiiText(description))) throw new Error(`sent ${JSON.stringify([title, description])}, got back ${JSON.stringify([item.title, item.facts.description])}`);
      }),
      fcOptions(6),
    );
    expect((await stack.anonymous.get('/healthz')).status).toBe(200);
  });
});

describe('hostile but valid text round-trips byte for byte: the notification side', () => {
  const same = (got: unknown, sent: string) => typeof got === 'string' && got === sent;
  const validText = hostileText.filter((t) => t.length >= 1 && t.length <= 200 && t.trim() === t);

  it('a person’s name and department in the directory, an IM channel’s department', async () => {
    const admin = stack.as(people.admin);
    await fc.assert(
      fc.asyncProperty(validText, async (t) => {
        const put = await admin.put('/api/v1/people/fuzz-person', { userId: 'fuzz-person', name: t, department: t, roles: [] });
        expect(put.status, JSON.stringify(put.body)).toBe(200);
        const listed = (await admin.get('/api/v1/people?limit=200')).body.items.find((p: { userId: string }) => p.userId === 'fuzz-person');
        if (!same(listed.name, t) || !same(listed.department, t)) throw new Error(`sent ${JSON.stringify(t)}, got back ${JSON.stringify([listed.name, listed.department])}`);
        const im = await admin.put('/api/v1/notifications/im-channels/fuzz-im', { id: 'fuzz-im', scope: 'department', target: t, flavor: 'generic', url: 'https://im.bank.example/hook' });
        expect(im.status, JSON.stringify(im.body)).toBe(200);
        const channel = (await admin.get('/api/v1/notifications/im-channels')).body.items.find((c: { id: string }) => c.id === 'fuzz-im');
        if (!same(channel.target, t)) throw new Error(`IM target: sent ${JSON.stringify(t)}, got back ${JSON.stringify(channel.target)}`);
      }),
      fcOptions(6),
    );
  });
});
