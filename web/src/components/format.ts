import type { Translate } from '../i18n';

/** Date and time in the browser's zone, or in `timeZone` (a report's, the institution's). */
export function formatDateTime(iso: string | undefined | null, tag: string, timeZone?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(d);
}

/** The local dates a half-open period [from, to) covers, in `timeZone`: "01/10/2026 – 31/10/2026". */
export function formatPeriod(from: string, to: string, tag: string, timeZone: string): string {
  const f = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  const last = new Date(Date.parse(to) - 1);
  return `${f.format(new Date(from))} – ${f.format(last)}`;
}

/** "2 d 3 h", "4 h 12 m", "35 s": the two largest units. */
export function formatSpan(ms: number, t: Translate): string {
  const s = Math.max(0, Math.round(Math.abs(ms) / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts: string[] = [];
  if (d) parts.push(t('time.days', { n: d }));
  if (h) parts.push(t('time.hours', { n: h }));
  if (m && parts.length < 2) parts.push(t('time.minutes', { n: m }));
  if (parts.length === 0 || (parts.length < 2 && !d && !h)) parts.push(t('time.seconds', { n: sec }));
  return parts.slice(0, 2).join(' ');
}

export const shortId = (id: string) => (id.length > 12 ? id.slice(0, 8) : id);

/** A day of a date input as the instant of its local midnight (the API takes ISO-8601 with offset). */
export const dayStart = (day: string) => (day ? new Date(`${day}T00:00`).toISOString() : undefined);
/** The instant the day after a date input begins: the exclusive end of a period ending that day. */
export const dayEnd = (day: string) => {
  if (!day) return undefined;
  const next = new Date(`${day}T00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
};
