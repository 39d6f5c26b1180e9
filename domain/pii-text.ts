/**
 * Phone and id numbers typed into free text ("please call me on 138 1234 5678", an id number in a
 * transfer reason) masked before the text is stored, recorded or logged. The API applies it to
 * every free-text field it takes (api/schemas/common.ts `freeText`), so workflow inputs, audit
 * events, notifications and logs only ever hold the masked form; the customer's own phone and id
 * number go to their sealed fields (security/pii.ts), never here.
 *
 * What is masked (ASCII or full-width digits, not part of a longer run of digits):
 * - mainland mobile numbers: 1[3-9] and 9 more digits, optionally +86 / 0086 first, optionally
 *   grouped 3-4-4 with spaces or hyphens;
 * - landlines with an area code: 0 and 2–3 digits (optionally in parentheses), then 7–8 digits;
 * - resident id numbers: 17 digits and a digit or X;
 * - bank card numbers: 16–19 digits, also in groups of four;
 * - any other run of 11 or more digits (old 15-digit ids, numbers written without a pattern).
 *
 * A masked number keeps its last four digits (or X) and its separators; every other digit becomes
 * `*`: `138 1234 5678` → `*** **** 5678`. Masking is idempotent: it repeats until nothing more
 * matches, so masked text masked again stays as it is.
 *
 * Pure and deterministic: safe in workflow code.
 */

const sep = '[-\\s]?';
const patterns = [
  /* resident id */ '\\d{17}[\\dXx]',
  /* bank card, grouped */ `\\d{4}(?:${sep}\\d{4}){3}(?:${sep}\\d{1,3})?`,
  /* mobile */ `(?:(?:\\+|00)86${sep})?1[3-9]\\d${sep}\\d{4}${sep}\\d{4}`,
  /* landline */ `(?:\\(0\\d{2,3}\\)|0\\d{2,3})${sep}\\d{7,8}`,
  /* any long run */ '\\d{11,}',
];
const numberLike = new RegExp(`(?<!\\d)(?:${patterns.join('|')})(?!\\d)`, 'g');

/** Full-width digits (０–９) read as ASCII digits; one UTF-16 unit each, so positions stay. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const isDigitOrX = (c: string) => /[0-9Xx\uFF10-\uFF19]/.test(c);
const isDigit = (c: string) => /[0-9\uFF10-\uFF19]/.test(c);

/** One number's mask: every digit but the last four digits (or X) becomes `*`. */
function maskNumber(original: string): string {
  const chars = [...original];
  let kept = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i]!;
    if (!isDigitOrX(c)) continue;
    if (kept < 4) kept++;
    else if (isDigit(c)) chars[i] = '*';
  }
  return chars.join('');
}

function maskOnce(text: string): string {
  const ascii = asciiDigits(text);
  let out = '';
  let last = 0;
  for (const m of ascii.matchAll(numberLike)) {
    const start = m.index!;
    const end = start + m[0].length;
    out += text.slice(last, start) + maskNumber(text.slice(start, end));
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** `text` with every phone, id and card number masked (see above). */
export function maskPiiText(text: string): string {
  let current = text;
  for (;;) {
    const next = maskOnce(current);
    if (next === current) return current;
    current = next;
  }
}

/** Whether `text` holds anything `maskPiiText` would mask. */
export function holdsPiiNumber(text: string): boolean {
  return maskOnce(text) !== text;
}
