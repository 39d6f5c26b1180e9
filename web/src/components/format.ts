import type { Translate } from '../i18n';

export function formatDateTime(iso: string | undefined | null, tag: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
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
