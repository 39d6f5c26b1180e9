import { maskIdNumber, maskName, maskPhone } from '../security/pii.js';

/**
 * Customer PII masking for what the audit endpoints hand out (docs/business-rules.md §3: "masked … in exports
 * by default"; the auditor's job is who did what, not who the customer is).
 *
 * - Anywhere in a value: strings under a `phone` or `idNumber` key are masked.
 * - Under a `customer` object: its `name` too.
 * - Workflow histories: the same pass runs over the history JSON, and inside every payload whose
 *   encoding is `json/plain` (decoded, masked, re-encoded), since Temporal stores workflow inputs
 *   and results as base64 payloads. Histories carry no clear PII by design (the complaint
 *   workflow passes references), so this is a second line. Free text (a failure message, a
 *   comment) is not scanned.
 * - Values sealed at rest (`v2.<keyId>.<iv>.<tag>.<ciphertext>`, `v3.<dataKeyId>.…` under a customer data key, or `v1.` without key id, see the complaints' PII cipher) become
 *   `[encrypted]`: ciphertext is of no use to an auditor and is not handed out.
 *
 * The formats are those of security/pii.ts, used for roles without need of the PII
 * (13812345678 → 138****5678, 110101199003071234 → 110***********1234, 张三丰 → 张**).
 */
const sealed = /^(v1|v2\.[\w-]+|v3\.[\w-]+)\.[\w-]+\.[\w-]+\.[\w-]*$/;

function maskValue(value: unknown, mask: (s: string) => string): unknown {
  if (typeof value === 'string') return sealed.test(value) ? '[encrypted]' : mask(value);
  if (typeof value === 'number') return mask(String(value));
  return value;
}

const maskedAnywhere: Record<string, (s: string) => string> = { phone: maskPhone, idNumber: maskIdNumber };
const maskedUnderCustomer: Record<string, (s: string) => string> = { ...maskedAnywhere, name: maskName };

/** A copy of `value` with customer PII masked (see above); the input is not changed. */
export function maskPii(value: unknown): unknown {
  return walk(value, false, false);
}

/**
 * Masks a workflow history JSON (historyToJSON's format): the JSON itself and every `json/plain`
 * payload in it. The result is still a valid history document (historyFromJSON reads it).
 */
export function maskHistory(history: unknown): unknown {
  return walk(history, false, true);
}

const jsonPlain = Buffer.from('json/plain').toString('base64');

function walk(value: unknown, underCustomer: boolean, payloads: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, false, payloads));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (payloads && isJsonPayload(o)) {
    try {
      const decoded: unknown = JSON.parse(Buffer.from(o.data as string, 'base64').toString('utf8'));
      return { ...o, data: Buffer.from(JSON.stringify(walk(decoded, false, false)), 'utf8').toString('base64') };
    } catch {
      return { ...o, data: null, maskingNote: 'payload not readable as JSON; withheld' };
    }
  }
  const rules = underCustomer ? maskedUnderCustomer : maskedAnywhere;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const rule = rules[k];
    out[k] = rule ? maskValue(v, rule) : walk(v, k === 'customer' && v !== null && typeof v === 'object' && !Array.isArray(v), payloads);
  }
  return out;
}

function isJsonPayload(o: Record<string, unknown>): boolean {
  const metadata = o.metadata as Record<string, unknown> | undefined;
  return typeof o.data === 'string' && metadata !== null && typeof metadata === 'object' && metadata.encoding === jsonPlain;
}
