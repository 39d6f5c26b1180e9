import type { MeetingItem } from '../../api/types';
import { formatDateTime } from '../../components/format';
import type { MessageKey, Translate } from '../../i18n';

/**
 * An agenda item's title and facts in the reader's language. The workflow records them in
 * English with raw values (docs/meetings.md "The agenda"); the page words them: rates as
 * percentages, instants in local time, people by name, root causes and KPIs by their labels.
 */
export interface FactWords {
  t: Translate;
  label: (prefix: string, value: string) => string;
  tag: string;
  name: (userId: string) => string;
  rootCause: (code: string) => string;
}

/** Facts that are shares of 1 (a target-missed item's figure and target are rates too). */
const rates = new Set(['firstResponseOnTime', 'resolutionRate', 'satisfaction', 'share', 'resolutionOnTime', 'value', 'target']);
const instants = new Set(['generatedAt', 'raisedAt', 'nextDeadline', 'due', 'deadline']);
const people = new Set(['owner', 'proposedBy', 'generatedBy']);

export function factText(key: string, value: unknown, w: FactWords): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return w.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number' && rates.has(key) && value >= 0 && value <= 1) return new Intl.NumberFormat(w.tag, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (typeof value === 'number') return new Intl.NumberFormat(w.tag).format(value);
  const s = String(value);
  if (instants.has(key) && !Number.isNaN(Date.parse(s))) return formatDateTime(s, w.tag);
  if (people.has(key)) return w.name(s);
  if (key === 'rootCause') return w.rootCause(s);
  if (key === 'kpi') {
    const [kpi, severity] = s.split('.');
    if (kpi === 'resolutionOnTime') return w.t('targets.resolutionOnTime', { severity: severity ? w.label('severity', severity) : '' }).replace(/[:：]\s*$/, '');
    return w.label('targets', s);
  }
  return s;
}

/** The item's title: its kind in words, then what it is about (a chair's own item keeps its title). */
export function itemTitle(item: MeetingItem, w: FactWords): string {
  const kind = w.t(`meeting.kind.${item.kind}` as MessageKey);
  const about = item.title.includes(': ') ? item.title.slice(item.title.indexOf(': ') + 2) : '';
  const f = item.facts as Record<string, unknown>;
  switch (item.kind) {
    case 'quality_report':
      return `${kind} ${/\d{4}-\d{2}/.exec(item.title)?.[0] ?? ''}`.trim();
    case 'target_missed':
      return `${kind}: ${factText('kpi', f.kpi, w)}`;
    case 'hot_issue':
      return `${kind}: ${factText('rootCause', f.rootCause, w)}`;
    case 'incident': {
      const i = /(\d+) complaints, (\w+) (.+)$/.exec(item.title);
      return i ? `${kind}: ${w.t('task.incidentTitle', { count: i[1]!, dimension: w.t(`incident.dimension.${i[2]}` as MessageKey), value: i[2] === 'channel' ? w.label('channel', i[3]!) : i[3]! })}` : item.title;
    }
    case 'target_proposal':
      return `${kind}: ${factText('proposedBy', f.proposedBy, w)}`;
    case 'post_launch':
    case 'overdue_action':
      return about ? `${kind}: ${about}` : item.title;
    default:
      return item.title;
  }
}
