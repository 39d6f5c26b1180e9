import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

/** A status shown by colour and by text (never colour alone). */
export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

const tones: Record<string, Record<string, Tone>> = {
  clock: { pending: 'info', at_risk: 'warning', breached: 'danger', met: 'success', paused: 'neutral' },
  initiativeStatus: { in_progress: 'info', in_review: 'accent', changes_requested: 'warning', launched: 'success', rejected: 'danger', withdrawn: 'neutral' },
  reviewStatus: { open: 'info', escalated: 'danger', decided: 'success', withdrawn: 'neutral' },
  complaintStatus: {
    open: 'info',
    responded: 'info',
    transferred: 'accent',
    awaiting_approval: 'warning',
    resolved: 'success',
    awaiting_customer: 'accent',
    reopened: 'warning',
    in_appeal: 'danger',
    closed: 'neutral',
  },
  severity: { general: 'neutral', major: 'warning', urgent: 'danger' },
  decision: { approve: 'success', request_changes: 'warning', reject: 'danger' },
};

/** A vocabulary value as a badge: `kind` picks the colours, the dictionary the words. */
export function StatusBadge({ kind, value }: { kind: keyof typeof tones; value: string }) {
  const { label } = useI18n();
  return <Badge tone={tones[kind]?.[value] ?? 'neutral'}>{label(kind, value)}</Badge>;
}
