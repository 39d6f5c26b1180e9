import { deciderFor, needsComment, raisesAction } from '@domain/meetings/rules.js';
import type { MeetingDecisionKind } from '@domain/meetings/types.js';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, fetchText } from '../api/client';
import type { Meeting, MeetingItem } from '../api/types';
import { hasRole, type SessionUser } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { Badge } from '../components/Badge';
import { errorsByPath, Field, Group } from '../components/Field';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi, useCommand } from '../hooks/useApi';
import { usePeople } from '../hooks/usePeople';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { factText, itemTitle } from './meeting/facts';
import { useI18n, type MessageKey } from '../i18n';
import { MeetingStatusBadge } from './meeting/parts';
import { useDepartmentName } from '../hooks/useDirectory';

/**
 * One committee meeting (docs/meetings.md): the agenda with the facts of each item, attendance
 * and quorum, the decision of each item (given here by the chair, present, with quorum), and the
 * minutes the chair signs once every item is decided.
 */
export function MeetingDetailPage() {
  const departmentName = useDepartmentName();
  const { id = '' } = useParams();
  const { t, tag } = useI18n();
  const user = useUser();
  const name = usePeople();
  const loaded = useApi(() => api.get<Meeting>(`/meetings/${id}`), [id]);
  const m = loaded.data;
  if (!m) {
    return (
      <>
        <PageHeader title={t('meeting.title')} />
        <ErrorNotice error={loaded.error} />
        {loaded.loading && <Loading />}
      </>
    );
  }
  const title = m.kind === 'extra' ? t('meetings.extraName', { id: m.id }) : t('meetings.monthlyName', { month: m.month });
  const member = m.roster.some((r) => r.userId === user.userId);
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <>
            <Link to="/meetings">{t('meetings.title')}</Link> · {t('meeting.reviewing', { month: m.reviewedMonth })}
            {m.reason ? ` · ${m.reason}` : ''}
          </>
        }
        actions={
          <>
            <MeetingStatusBadge status={m.status} />
            {hasRole(user, 'compliance_auditor', 'admin') && (
              <Link className="btn" to={`/audit?entityType=meeting&entityId=${m.id}`}>
                {t('audit.title')}
              </Link>
            )}
            <button type="button" className="btn" onClick={loaded.reload}>
              {t('common.refresh')}
            </button>
          </>
        }
      />
      <div className="grid-2">
        <section className="card" aria-labelledby="meeting-attendance" data-testid="attendance">
          <h2 id="meeting-attendance">{t('meeting.attendance')}</h2>
          <p data-testid="quorum">
            <Badge tone={m.quorum.met ? 'success' : 'warning'}>{t(m.quorum.met ? 'meeting.quorumMet' : 'meeting.quorumNotMet', { present: m.quorum.present, required: m.quorum.required })}</Badge>
          </p>
          <ul className="plain-list">
            {m.roster.map((r) => {
              const here = m.attendance.find((a) => a.userId === r.userId);
              return (
                <li key={r.userId} data-member={r.userId}>
                  {r.name} <span className="muted small">({departmentName(r.department)})</span> {r.chair && <Badge tone="accent">{t('meeting.chair')}</Badge>}{' '}
                  {here ? <Badge tone="success">{t('meeting.present', { at: formatDateTime(here.at, tag) })}</Badge> : <span className="muted small">{t('meeting.absent')}</span>}
                  {!here && m.status !== 'signed' && user.userId === m.chairUserId && r.userId !== user.userId && <AttendButton meeting={m} userId={r.userId} label={t('meeting.recordPresent', { name: r.name })} onDone={loaded.set} />}
                </li>
              );
            })}
          </ul>
          {member && m.status !== 'signed' && !m.attendance.some((a) => a.userId === user.userId) && <AttendButton meeting={m} label={t('meeting.attend')} onDone={loaded.set} primary />}
        </section>
        <Minutes meeting={m} user={user} onDone={loaded.set} />
      </div>
      <section aria-labelledby="meeting-agenda">
        <h2 id="meeting-agenda">{t('meeting.agenda', { n: m.items.length })}</h2>
        {m.items.map((item, n) => (
          <AgendaItemCard key={item.key} meeting={m} item={item} n={n + 1} user={user} name={name} onDone={loaded.set} />
        ))}
        {user.userId === m.chairUserId && m.status !== 'signed' && <AddItem meeting={m} onDone={loaded.set} />}
      </section>
    </>
  );
}

function AttendButton({ meeting, userId, label, onDone, primary }: { meeting: Meeting; userId?: string; label: string; onDone: (m: Meeting) => void; primary?: boolean }) {
  const run = useCommand(() => api.post<Meeting>(`/meetings/${meeting.id}/attendance`, userId ? { userId } : {}));
  return (
    <>
      <ErrorNotice error={run.error} />
      <button type="button" className={`btn btn-small ${primary ? 'btn-primary' : ''}`} disabled={run.pending} onClick={() => void run.exec().then((m) => m && onDone(m))}>
        {label}
      </button>
    </>
  );
}

function AgendaItemCard({ meeting, item, n, user, name, onDone }: { meeting: Meeting; item: MeetingItem; n: number; user: SessionUser; name: (id: string) => string; onDone: (m: Meeting) => void }) {
  const { t, label, tag } = useI18n();
  const { labelOf } = useTaxonomy();
  const words = { t, label, tag, name, rootCause: labelOf };
  const d = item.decision;
  const may = !d && meeting.status !== 'signed' && item.quorum.met && deciderFor(meeting, item.recused, user.userId).ok;
  return (
    <article className="card" aria-labelledby={`item-${n}`} data-item={item.key}>
      <h3 id={`item-${n}`}>
        {n}. {itemTitle(item, words)}
      </h3>
      <dl className="kv">
        {Object.entries(item.facts).map(([k, v]) => (
          <div className="kv-row" key={k}>
            <dt>{label('meetingFact', k)}</dt>
            <dd>{factText(k, v, words)}</dd>
          </div>
        ))}
      </dl>
      {item.link && (
        <p>
          <Link to={item.link}>{t('meeting.openSubject')}</Link>
        </p>
      )}
      <p className="muted small">
        {t('meeting.itemQuorum', { present: item.quorum.present, required: item.quorum.required })}
        {item.recused.length > 0 && ` · ${t('meeting.recused', { names: item.recused.map(name).join(', ') })}`}
      </p>
      {d ? (
        <div data-testid="decision">
          <p>
            <Badge tone="success">{t(`meeting.decision.${d.decision}` as MessageKey)}</Badge> {d.comment}
          </p>
          {d.action && (
            <p data-testid="action">
              {t('meeting.actionRaised', { title: d.action.title, owner: d.action.owner.name, days: d.action.dueInDays })} <Link to={`/improvements/${d.action.actionId}`}>{d.action.actionId}</Link>
            </p>
          )}
          <p className="muted small">{t('meeting.decidedBy', { by: name(d.by), at: formatDateTime(d.at, tag) })}{d.inChairsStead ? ` · ${t('meeting.inChairsStead')}` : ''}</p>
        </div>
      ) : may ? (
        <DecideForm meeting={meeting} item={item} onDone={onDone} />
      ) : (
        <p className="muted">{t('meeting.notDecided')}</p>
      )}
    </article>
  );
}

function DecideForm({ meeting, item, onDone }: { meeting: Meeting; item: MeetingItem; onDone: (m: Meeting) => void }) {
  const { t } = useI18n();
  // The actions family's owner picker: the active people of the directory, with their department.
  const owners = useApi(() => api.get<{ items: { userId: string; name: string; department: string | null }[] }>('/improvements/owners'), []);
  const people = owners.data?.items ?? [];
  const [decision, setDecision] = useState<MeetingDecisionKind>();
  const [v, setV] = useState<Record<string, string>>({});
  const set = (k: string, value: string) => setV({ ...v, [k]: value });
  const owner = people.find((p) => p.userId === v.owner);
  const body = () => ({
    itemKey: item.key,
    decision,
    ...(v.comment ? { comment: v.comment } : {}),
    ...(decision && raisesAction(decision) ? { action: { title: v.title ?? '', plan: v.plan ?? '', owner: { userId: v.owner ?? '', name: owner?.name ?? v.owner ?? '' }, ownerDepartment: v.department ?? '', dueInDays: Number(v.days ?? '') } } : {}),
  });
  const run = useCommand(() => api.post<Meeting>(`/meetings/${meeting.id}/decisions`, body()));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    const m = await run.exec();
    if (m) onDone(m);
  }
  const fid = (k: string) => `${item.key}-${k}`;
  return (
    <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={t('meeting.decide', { title: item.title })}>
      <ErrorNotice error={run.error} />
      <Group legend={t('meeting.decisionLegend')} error={errors.decision} required>
        {item.decisions.map((k) => (
          <label key={k} className="radio">
            <input type="radio" name={fid('decision')} value={k} checked={decision === k} onChange={() => setDecision(k)} /> {t(`meeting.decision.${k}` as MessageKey)}
          </label>
        ))}
      </Group>
      <Field label={decision && !needsComment(decision) ? `${t('meeting.comment')} (${t('form.optional')})` : t('meeting.comment')} error={errors.comment} wide required={!decision || needsComment(decision)}>
        <textarea name="comment" rows={2} value={v.comment ?? ''} onChange={(e) => set('comment', e.target.value)} />
      </Field>
      {decision && raisesAction(decision) && (
        <fieldset className="group">
          <legend>{t('meeting.actionLegend')}</legend>
          <Field label={t('meeting.actionTitle')} error={errors['action.title']} wide required>
            <input name="title" value={v.title ?? ''} onChange={(e) => set('title', e.target.value)} />
          </Field>
          <Field label={t('meeting.actionPlan')} error={errors['action.plan']} wide required>
            <textarea name="plan" rows={2} value={v.plan ?? ''} onChange={(e) => set('plan', e.target.value)} />
          </Field>
          <Field label={t('meeting.actionOwner')} error={errors['action.owner.userId'] ?? errors['action.owner']} required>
            <select
              name="owner"
              value={v.owner ?? ''}
              onChange={(e) => {
                const picked = people.find((p) => p.userId === e.target.value);
                setV({ ...v, owner: e.target.value, department: picked?.department ?? v.department ?? '' });
              }}
            >
              <option value="">{t('meeting.pickOwner')}</option>
              {people.map((p) => (
                <option key={p.userId} value={p.userId}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('meeting.actionDepartment')} error={errors['action.ownerDepartment']} required>
            <input name="department" value={v.department ?? ''} onChange={(e) => set('department', e.target.value)} />
          </Field>
          <Field label={t('meeting.actionDays')} error={errors['action.dueInDays']} required>
            <input name="days" type="number" min={1} max={365} inputMode="numeric" value={v.days ?? ''} onChange={(e) => set('days', e.target.value)} />
          </Field>
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={run.pending || !decision}>
          {t('meeting.recordDecision')}
        </button>
      </div>
    </form>
  );
}

function AddItem({ meeting, onDone }: { meeting: Meeting; onDone: (m: Meeting) => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ title: '', description: '' });
  const run = useCommand(() => api.post<Meeting>(`/meetings/${meeting.id}/items`, v));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    const m = await run.exec();
    if (m) {
      setV({ title: '', description: '' });
      onDone(m);
    }
  }
  return (
    <section className="card" aria-labelledby="add-item">
      <h3 id="add-item">{t('meeting.addItem')}</h3>
      <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={t('meeting.addItem')}>
        <ErrorNotice error={run.error} />
        <Field label={t('meeting.itemTitle')} error={errors.title} wide required>
          <input name="itemTitle" value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
        </Field>
        <Field label={`${t('meeting.itemDescription')} (${t('form.optional')})`} error={errors.description} wide>
          <textarea name="itemDescription" rows={2} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={run.pending}>
            {t('meeting.addItem')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The minutes: readiness, the clock, the document (printable), and the chair's signature with a confirmation. */
function Minutes({ meeting, user, onDone }: { meeting: Meeting; user: SessionUser; onDone: (m: Meeting) => void }) {
  const { t, tag } = useI18n();
  const name = usePeople();
  const [html, setHtml] = useState<string>();
  const [confirmed, setConfirmed] = useState(false);
  const show = useCommand(() => fetchText(`/meetings/${meeting.id}/minutes`, 'text/html'));
  const sign = useCommand(() => api.post<Meeting>(`/meetings/${meeting.id}/minutes/signature`, { confirm: confirmed }));
  const mm = meeting.minutes;
  return (
    <section className="card" aria-labelledby="meeting-minutes" data-testid="minutes">
      <h2 id="meeting-minutes">{t('meeting.minutes')}</h2>
      {mm.signedAt ? (
        <p>
          <Badge tone="success">{t('meeting.signedBy', { by: name(mm.signedBy ?? ''), at: formatDateTime(mm.signedAt, tag) })}</Badge>
        </p>
      ) : meeting.status === 'minutes_ready' ? (
        <p>
          {t('meeting.minutesReady')} {mm.escalateAt && <span className="muted small">{t('meeting.escalateAt', { at: formatDateTime(mm.escalateAt, tag) })}</span>}
          {mm.escalatedAt && <Badge tone="danger">{t('meeting.escalated')}</Badge>}
        </p>
      ) : (
        <p className="muted">{t('meeting.minutesPending')}</p>
      )}
      <ErrorNotice error={show.error} />
      <div className="action-buttons">
        <button type="button" className="btn" disabled={show.pending} onClick={() => void show.exec().then((h) => h && setHtml(h))}>
          {t('meeting.showMinutes')}
        </button>
      </div>
      {html && <iframe title={t('meeting.minutes')} className="minutes-frame" srcDoc={html} sandbox="allow-modals" data-testid="minutes-document" />}
      {html && (
        <button type="button" className="btn btn-small" onClick={() => (document.querySelector<HTMLIFrameElement>('iframe.minutes-frame')?.contentWindow ?? window).print()}>
          {t('meeting.print')}
        </button>
      )}
      {meeting.status === 'minutes_ready' && user.userId === meeting.chairUserId && (
        <form
          className="command-form"
          aria-label={t('meeting.sign')}
          onSubmit={(e) => {
            e.preventDefault();
            void sign.exec().then((m) => m && onDone(m));
          }}
        >
          <ErrorNotice error={sign.error} />
          <label className="checkbox">
            <input type="checkbox" name="confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('meeting.confirmMinutes')}
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={sign.pending || !confirmed}>
              {t('meeting.sign')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
