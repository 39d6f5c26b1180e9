import { useI18n } from '../i18n';
import { useNow } from '../hooks/useNow';
import { Badge, type Tone } from './Badge';
import { formatDateTime, formatSpan } from './format';

const stateTone: Record<string, Tone> = { pending: 'info', at_risk: 'warning', breached: 'danger', met: 'success', paused: 'neutral' };

/**
 * A deadline with its state: the state badge (countdown, at risk, breached, met, paused), the
 * time left or overdue, ticking every second, and the deadline itself.
 */
export function Countdown({ deadline, state, metAt, compact = false }: { deadline: string | null | undefined; state?: string; metAt?: string; compact?: boolean }) {
  const { t, label, tag } = useI18n();
  const now = useNow();
  if (!deadline) return <span className="muted">—</span>;
  const due = Date.parse(deadline);
  const left = due - now;
  const effective = state ?? (left < 0 ? 'breached' : 'pending');
  let text: string;
  if (effective === 'met') text = metAt ? t('countdown.metAt', { at: formatDateTime(metAt, tag) }) : '';
  else if (effective === 'paused') text = t('countdown.paused');
  else if (left >= 0) text = t('countdown.left', { span: formatSpan(left, t) });
  else text = t('countdown.overdue', { span: formatSpan(left, t) });
  return (
    <span className="countdown">
      <Badge tone={stateTone[effective] ?? 'neutral'}>{label('clock', effective)}</Badge>
      {text && <span className={`countdown-text ${left < 0 && effective !== 'met' ? 'overdue' : ''}`}>{text}</span>}
      {!compact && <span className="muted small">{t('countdown.due', { at: formatDateTime(deadline, tag) })}</span>}
    </span>
  );
}
