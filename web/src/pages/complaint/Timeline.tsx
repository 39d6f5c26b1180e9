import type { Complaint } from '../../api/types';
import { Badge, type Tone } from '../../components/Badge';
import { formatDateTime } from '../../components/format';
import { useI18n, type MessageKey } from '../../i18n';
import { useDepartmentName } from '../../hooks/useDirectory';

interface Entry {
  at: string;
  what: MessageKey;
  by?: string;
  text?: string;
  tone: Tone;
}

/** Everything that happened to the complaint, oldest first, from the complaint's own record. */
export function Timeline({ complaint: c, name }: { complaint: Complaint; name: (id: string) => string }) {
  const departmentName = useDepartmentName();
  const { t, label, tag } = useI18n();
  // The agent who took it: the first reassignment's `from` once the complaint was reassigned.
  const takenBy = c.reassignments?.[0]?.from ?? c.agentId;
  const e: Entry[] = [{ at: c.receivedAt, what: 'timeline.received', by: takenBy, text: `${label('channel', c.channel)} · ${c.description}`, tone: 'info' }];
  for (const r of c.responses ?? []) e.push({ at: r.at, what: 'timeline.response', by: r.by, text: `${label('channel', r.channel)} · ${r.message}`, tone: 'info' });
  for (const r of c.transfers ?? []) e.push({ at: r.at, what: 'timeline.transfer', by: r.by, text: `→ ${departmentName(r.department)} · ${r.reason}`, tone: 'accent' });
  for (const r of c.reassignments ?? []) e.push({ at: r.at, what: 'timeline.reassigned', by: r.by, text: `${name(r.from)} → ${name(r.to)} · ${r.reason}`, tone: 'accent' });
  for (const r of c.resolutions ?? []) {
    const comp = r.compensation ? ` · ${t('complaint.compensation')}: ${r.compensation.amount} ${r.compensation.currency}` : '';
    e.push({ at: r.at, what: 'timeline.resolution', by: r.proposedBy, text: `${r.summary} · ${r.remedy}${comp}`, tone: 'success' });
    if (r.approval) e.push({ at: r.approval.at, what: r.approval.approved ? 'timeline.approved' : 'timeline.approvalRejected', by: r.approval.by, text: r.approval.comment, tone: r.approval.approved ? 'success' : 'danger' });
  }
  for (const r of c.feedback ?? []) e.push({ at: r.at, what: r.satisfied ? 'timeline.satisfied' : 'timeline.unsatisfied', by: r.by, text: `${label('via', r.via)}${r.comment ? ` · ${r.comment}` : ''}`, tone: r.satisfied ? 'success' : 'warning' });
  for (const r of c.appeals ?? []) {
    e.push({ at: r.at, what: 'timeline.appeal', by: r.by, text: r.reason, tone: 'warning' });
    if (r.decision) e.push({ at: r.decision.at, what: r.decision.upheld ? 'timeline.appealUpheld' : 'timeline.appealDismissed', by: r.decision.by, text: r.decision.decision, tone: 'accent' });
  }
  for (const r of c.pauses ?? []) {
    e.push({ at: r.at, what: 'timeline.paused', by: r.by, text: r.reason, tone: 'neutral' });
    if (r.resumedAt) e.push({ at: r.resumedAt, what: r.capped ? 'timeline.resumedCap' : 'timeline.resumed', by: r.resumedBy ?? 'system', tone: 'neutral' });
  }
  for (const b of c.breaches) e.push({ at: b.at, what: 'timeline.breach', by: 'system', text: `${label('clockName', b.clock)} → ${label('level', ['cs_agent', 'supervisor', 'department_head', 'committee_chair'][b.level] ?? String(b.level))}`, tone: 'danger' });
  if (c.signoff) e.push({ at: c.signoff.at, what: 'timeline.signoff', by: c.signoff.by, text: c.signoff.comment, tone: 'accent' });
  if (c.closedAt) e.push({ at: c.closedAt, what: 'timeline.closed', tone: 'neutral' });
  e.sort((a, b) => a.at.localeCompare(b.at));

  return (
    <section className="card" aria-labelledby="timeline">
      <h2 id="timeline">{t('complaint.timeline')}</h2>
      <ol className="timeline">
        {e.map((x, i) => (
          <li key={i}>
            <span className={`tl-dot tl-${x.tone}`} aria-hidden="true" />
            <div className="tl-body">
              <div className="tl-head">
                <Badge tone={x.tone}>{t(x.what)}</Badge>
                <span className="muted small">
                  {formatDateTime(x.at, tag)}
                  {x.by ? ` · ${x.by === 'system' ? t('timeline.system') : name(x.by)}` : ''}
                </span>
              </div>
              {x.text && <p className="prewrap">{x.text}</p>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
