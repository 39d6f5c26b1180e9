import { severities } from '@domain/complaints/types.js';
import { useState, type FormEvent } from 'react';
import { ApiError, api, query } from '../api/client';
import type { KpiTargets, Page, TargetProposal, TargetsInForce } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { Badge, type Tone } from '../components/Badge';
import { Countdown } from '../components/Countdown';
import { errorsByPath, Field } from '../components/Field';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi, useCommand } from '../hooks/useApi';
import { usePeople } from '../hooks/usePeople';
import { useReader } from '../hooks/useReader';
import { useI18n, type MessageKey } from '../i18n';
import { targetPercent } from './reports/kpis';
import { callbackCoverageTarget } from '@domain/targets/targets.js';

const statusTone: Record<string, Tone> = { pending: 'warning', approved: 'success', rejected: 'danger', lapsed: 'neutral' };

/** Every target as a row: its name, and its value as people read it. */
function targetRows(t: KpiTargets): { key: string; name: MessageKey; value: string; sev?: string }[] {
  return [
    { key: 'firstResponseOnTime', name: 'targets.firstResponseOnTime', value: `${targetPercent(t.firstResponseOnTime)} %` },
    { key: 'resolutionRate', name: 'targets.resolutionRate', value: `${targetPercent(t.resolutionRate)} %` },
    ...severities.map((s) => ({ key: `resolutionOnTime.${s}`, name: 'targets.resolutionOnTime' as MessageKey, sev: s, value: `${targetPercent(t.resolutionOnTime[s])} %` })),
    { key: 'satisfaction', name: 'targets.satisfaction', value: `${targetPercent(t.satisfaction)} %` },
    { key: 'gateReviewCycleWorkingHours', name: 'targets.gateReviewCycle', value: `${t.gateReviewCycleWorkingHours} h` },
    { key: 'callbackCoverage', name: 'targets.callbackCoverage', value: `${targetPercent(callbackCoverageTarget(t))} %` },
  ];
}

/**
 * The KPI targets (docs/reports.md, "Targets"): the ones in force, and the proposals to change
 * them — which take effect only when the committee's chair approves. Admins propose; the chair
 * decides here (or from the inbox); committee members, supervisors and auditors follow.
 */
export function TargetsPage() {
  const { t, label } = useI18n();
  const user = useUser();
  const reader = useReader(user);
  const inForce = useApi(() => api.get<TargetsInForce>('/policies/targets'), []);
  const proposals = useApi(() => (reader || hasRole(user, 'admin') ? api.get<Page<TargetProposal>>(`/targets/proposals${query({ limit: 20 })}`) : Promise.resolve(undefined)), [reader]);
  const refresh = () => {
    inForce.reload();
    proposals.reload();
  };
  return (
    <>
      <PageHeader title={t('targets.title')} subtitle={t('targets.subtitle')} />
      <section className="card" aria-labelledby="targets-in-force" data-testid="targets-in-force">
        <h2 id="targets-in-force">{t('targets.inForce')}</h2>
        <ErrorNotice error={inForce.error} />
        {inForce.data && (
          <>
            <p className="muted small">{inForce.data.version === 0 ? t('targets.defaults') : t('targets.version', { version: inForce.data.version })}</p>
            <dl className="kv">
              {targetRows(inForce.data.targets).map((r) => (
                <div className="kv-row" key={r.key} data-target={r.key}>
                  <dt>{r.sev ? t(r.name, { severity: label('severity', r.sev) }) : t(r.name)}</dt>
                  <dd className="num">{r.value}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </section>
      {hasRole(user, 'admin') && inForce.data && <ProposeForm current={inForce.data.targets} onDone={refresh} />}
      {(reader || hasRole(user, 'admin')) && (
        <section className="card" aria-labelledby="targets-proposals">
          <h2 id="targets-proposals">{t('targets.proposals')}</h2>
          <ErrorNotice error={proposals.error} />
          {proposals.loading && !proposals.data && <Loading />}
          {proposals.data && proposals.data.items.length === 0 && <p className="empty">{t('targets.noProposals')}</p>}
          {proposals.data?.items.map((p) => <Proposal key={p.id} proposal={p} onDone={refresh} />)}
        </section>
      )}
    </>
  );
}

function Proposal({ proposal: p, onDone }: { proposal: TargetProposal; onDone: () => void }) {
  const { t, label, tag } = useI18n();
  const user = useUser();
  const name = usePeople();
  const [comment, setComment] = useState('');
  const decide = useCommand((approved: boolean) => api.post<TargetProposal>(`/targets/proposals/${p.id}/decision`, { approved, comment }));
  const mayDecide = p.status === 'pending' && p.chairUserId === user.userId && p.proposedBy !== user.userId;
  async function run(approved: boolean) {
    if (await decide.exec(approved)) onDone();
  }
  return (
    <article className="proposal" data-proposal={p.id} data-status={p.status}>
      <h3 className="proposal-title">
        <Badge tone={statusTone[p.status] ?? 'neutral'}>{label('proposalStatus', p.status)}</Badge> {t('targets.proposedBy', { by: name(p.proposedBy), at: formatDateTime(p.proposedAt, tag) })}
      </h3>
      <p className="prewrap">{p.reason}</p>
      <ul className="changes">
        {p.changes.map((c) => (
          <li key={c} className="mono small">
            {c}
          </li>
        ))}
      </ul>
      {p.status === 'pending' && (
        <p className="small">
          {t('targets.waitsFor', { chair: p.chairUserId ? name(p.chairUserId) : '—' })} <Countdown deadline={p.deadline} compact />
        </p>
      )}
      {p.decision && (
        <p className="small" data-testid="decision">
          {t(p.decision.via.kind === 'meeting' ? 'targets.decidedByMeeting' : 'targets.decidedBy', { by: name(p.decision.by), at: formatDateTime(p.decision.at, tag), meeting: p.decision.via.kind === 'meeting' ? p.decision.via.meetingId : '' })}: {p.decision.comment}
          {p.appliedVersion !== null && ` ${t('targets.applied', { version: p.appliedVersion })}`}
        </p>
      )}
      {p.lapsedAt && <p className="small muted">{t('targets.lapsed', { at: formatDateTime(p.lapsedAt, tag) })}</p>}
      {mayDecide && (
        <form className="command-form" onSubmit={(e) => e.preventDefault()} aria-label={t('targets.decide')}>
          <ErrorNotice error={decide.error} />
          <Field label={t('input.comment')} wide>
            <textarea name="comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" disabled={decide.pending} onClick={() => void run(true)}>
              {t('targets.approve')}
            </button>
            <button type="button" className="btn btn-danger" disabled={decide.pending} onClick={() => void run(false)}>
              {t('targets.reject')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

/** An admin's proposal: every target as a percentage (the cycle in hours), prefilled with the ones in force. */
function ProposeForm({ current, onDone }: { current: KpiTargets; onDone: () => void }) {
  const { t, label } = useI18n();
  const pct = (share: number) => targetPercent(share);
  const [v, setV] = useState<Record<string, string>>({
    firstResponseOnTime: pct(current.firstResponseOnTime),
    resolutionRate: pct(current.resolutionRate),
    satisfaction: pct(current.satisfaction),
    gateReviewCycleWorkingHours: String(current.gateReviewCycleWorkingHours),
    callbackCoverage: pct(callbackCoverageTarget(current)),
    ...Object.fromEntries(severities.map((s) => [`resolutionOnTime.${s}`, pct(current.resolutionOnTime[s])])),
    reason: '',
  });
  const share = (k: string) => Number(v[k]) / 100;
  const body = () => ({
    targets: {
      firstResponseOnTime: share('firstResponseOnTime'),
      resolutionRate: share('resolutionRate'),
      resolutionOnTime: Object.fromEntries(severities.map((s) => [s, share(`resolutionOnTime.${s}`)])),
      satisfaction: share('satisfaction'),
      gateReviewCycleWorkingHours: Number(v.gateReviewCycleWorkingHours),
      callbackCoverage: share('callbackCoverage'),
    },
    reason: v.reason ?? '',
  });
  const run = useCommand(() => api.post<TargetProposal>('/targets/proposals', body()));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run.exec()) {
      setV({ ...v, reason: '' });
      onDone();
    }
  }
  const input = (k: string, name: string, unit: string) => (
    <Field key={k} label={`${name} (${unit})`} error={errors[`targets.${k}`]}>
      <input name={k} type="number" step="0.1" value={v[k] ?? ''} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
    </Field>
  );
  return (
    <section className="card" aria-labelledby="targets-propose">
      <h2 id="targets-propose">{t('targets.propose')}</h2>
      <p className="muted small">{t('targets.proposeNote')}</p>
      <form className="command-form" onSubmit={(e) => void submit(e)} aria-labelledby="targets-propose">
        <ErrorNotice error={run.error} />
        {input('firstResponseOnTime', t('targets.firstResponseOnTime'), '%')}
        {input('resolutionRate', t('targets.resolutionRate'), '%')}
        {severities.map((s) => input(`resolutionOnTime.${s}`, t('targets.resolutionOnTime', { severity: label('severity', s) }), '%'))}
        {input('satisfaction', t('targets.satisfaction'), '%')}
        {input('gateReviewCycleWorkingHours', t('targets.gateReviewCycle'), 'h')}
        {input('callbackCoverage', t('targets.callbackCoverage'), '%')}
        <Field label={t('targets.reason')} error={errors.reason} wide>
          <textarea name="reason" rows={2} value={v.reason ?? ''} onChange={(e) => setV({ ...v, reason: e.target.value })} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={run.pending}>
            {t('targets.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
