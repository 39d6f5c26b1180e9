import { durationUnits, type DurationUnit } from '@domain/duration.js';
import { incidentDimensions } from '@domain/incidents/policy.js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../api/client';
import type { AuditEvent, RootCausePolicy } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { errorsByPath, Field, focusFirstInvalid, Group } from '../components/Field';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi, useCommand } from '../hooks/useApi';
import { useDirectory } from '../hooks/useDirectory';
import { useI18n, type MessageKey } from '../i18n';

/** How a policy field is edited: a duration (amount + unit), a share shown as a percentage, a number with its unit, a unit, a set of dimensions. */
type Kind = { type: 'duration'; elapsed?: boolean; min?: number } | { type: 'ratio'; zero?: boolean } | { type: 'number'; unit: MessageKey; min: number; max?: number; int?: boolean } | { type: 'unit' } | { type: 'dimensions' };
interface FieldSpec {
  path: string;
  kind: Kind;
}
interface Section {
  /** The policy kind: its audit entity id and the key of its labels. */
  kind: 'review' | 'sla' | 'incidents' | 'improvements' | 'erasure' | 'meetings' | 'followUps' | 'feedback';
  path: string;
  fields: FieldSpec[];
}

const d = (path: string, extra: { elapsed?: boolean; min?: number } = {}): FieldSpec => ({ path, kind: { type: 'duration', ...extra } });
const r = (path: string, zero = false): FieldSpec => ({ path, kind: { type: 'ratio', zero } });
const n = (path: string, unit: MessageKey, min: number, max?: number, int = true): FieldSpec => ({ path, kind: { type: 'number', unit, min, ...(max !== undefined ? { max } : {}), int } });

/** The policies and their fields as api/schemas/admin.ts defines them (the server judges; the page's checks mirror the schema's bounds). */
const sections: Section[] = [
  {
    kind: 'sla',
    path: '/policies/sla',
    fields: [d('firstResponse'), d('resolution.general'), d('resolution.major'), d('resolution.urgent'), d('customerFeedback'), d('transferInvestigation'), d('appealDecision'), r('atRiskRatio'), d('maxPause'), d('breachWindow'), n('compensationApprovalLimit', 'policy.unit.yuan', 0, undefined, false)],
  },
  {
    kind: 'review',
    path: '/policies/review',
    fields: [d('reviewDeadline'), r('reminderRatio'), r('quorumRatio'), n('launchThresholds.function', 'policy.unit.points', 0, 100, false), n('launchThresholds.performance', 'policy.unit.points', 0, 100, false), n('launchThresholds.security', 'policy.unit.points', 0, 100, false), n('launchThresholds.userExperience', 'policy.unit.points', 0, 100, false), d('postLaunch.window'), n('postLaunch.complaintThreshold', 'policy.unit.complaints', 0)],
  },
  {
    kind: 'incidents',
    path: '/policies/incidents',
    fields: [d('window', { elapsed: true, min: 1 }), n('baselineWindows', 'policy.unit.windows', 1, 90), n('minCount', 'policy.unit.complaints', 1, 100_000), n('ratio', 'policy.unit.times', 1, 1000, false), { path: 'dimensions', kind: { type: 'dimensions' } }, d('watchEvery', { elapsed: true, min: 1 }), d('steps.owner', { min: 1 }), d('steps.plan', { min: 1 }), d('steps.review', { min: 1 }), r('reminderRatio'), d('escalationWindow', { min: 1 })],
  },
  {
    kind: 'improvements',
    path: '/policies/improvements',
    fields: [{ path: 'dueUnit', kind: { type: 'unit' } }, r('reminderRatio'), d('escalationWindow', { min: 1 }), d('effectivenessAfter', { min: 1 }), r('requiredFall', true)],
  },
  { kind: 'erasure', path: '/policies/erasure', fields: [d('retention', { elapsed: true, min: 1 }), d('recheckEvery', { elapsed: true, min: 1 }), d('sweepEvery', { elapsed: true, min: 1 })] },
  { kind: 'meetings', path: '/policies/meetings', fields: [d('minutesReminder', { min: 1 }), d('minutesEscalation', { min: 1 }), n('hotIssues', 'policy.unit.items', 0, 20)] },
  { kind: 'followUps', path: '/policies/follow-ups', fields: [d('due', { min: 1 }), r('reminderRatio')] },
  { kind: 'feedback', path: '/policies/feedback', fields: [d('inquiryFirstResponse', { min: 1 }), r('atRiskRatio')] },
];

type Json = Record<string, unknown>;
const getAt = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Json | undefined)?.[k], o);
function setAt(o: Json, path: string, value: unknown): Json {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  return { ...o, [head]: rest.length ? setAt((o[head] as Json) ?? {}, rest.join('.'), value) : value };
}
/** A share 0..1 as a percentage for the eye (at most two decimals), and back. */
const toPercent = (v: number) => String(Math.round(v * 10_000) / 100);
const fromPercent = (s: string) => (s.trim() === '' ? Number.NaN : Math.round(Number(s) * 100) / 10_000);
/** What the inputs hold while typed: the numbers as text, so an empty or half-typed field is kept as typed. */
type Draft = Record<string, string>;

function draftOf(section: Section, value: Json): Draft {
  const out: Draft = {};
  for (const f of section.fields) {
    const v = getAt(value, f.path);
    if (f.kind.type === 'duration') {
      const dv = v as { amount: number; unit: string };
      out[`${f.path}.amount`] = String(dv.amount);
      out[`${f.path}.unit`] = dv.unit;
    } else if (f.kind.type === 'ratio') out[f.path] = toPercent(v as number);
    else if (f.kind.type === 'dimensions') out[f.path] = (v as string[]).join(',');
    else out[f.path] = String(v);
  }
  return out;
}

/** The draft as the policy document, and the problems the page sees before sending (keyed by field path). */
function documentOf(section: Section, base: Json, draft: Draft, t: (k: MessageKey, v?: Record<string, string | number>) => string): { doc: Json; problems: Record<string, string> } {
  let doc = base;
  const problems: Record<string, string> = {};
  const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? Number.NaN : Number(s));
  for (const f of section.fields) {
    const k = f.kind;
    if (k.type === 'duration') {
      const amount = num(draft[`${f.path}.amount`]);
      const unit = draft[`${f.path}.unit`] ?? '';
      const min = k.min ?? 0;
      if (!Number.isInteger(amount)) problems[`${f.path}.amount`] = t('policy.check.integer');
      else if (amount < min) problems[`${f.path}.amount`] = t('fieldError.too_small', { limit: min });
      else if (amount > 100_000) problems[`${f.path}.amount`] = t('fieldError.too_big', { limit: 100_000 });
      if (k.elapsed && unit === 'business_day') problems[`${f.path}.unit`] = t('policy.check.elapsed');
      doc = setAt(doc, f.path, { amount, unit });
    } else if (k.type === 'ratio') {
      const v = fromPercent(draft[f.path] ?? '');
      if (Number.isNaN(v)) problems[f.path] = t('fieldError.required');
      else if (k.zero ? v < 0 : v <= 0) problems[f.path] = t(k.zero ? 'policy.check.percent0' : 'policy.check.percent');
      else if (v > 1) problems[f.path] = t('fieldError.too_big', { limit: '100 %' });
      doc = setAt(doc, f.path, v);
    } else if (k.type === 'number') {
      const v = num(draft[f.path]);
      if (Number.isNaN(v)) problems[f.path] = t('fieldError.required');
      else if (k.int && !Number.isInteger(v)) problems[f.path] = t('policy.check.integer');
      else if (v < k.min) problems[f.path] = t('fieldError.too_small', { limit: k.min });
      else if (k.max !== undefined && v > k.max) problems[f.path] = t('fieldError.too_big', { limit: k.max });
      doc = setAt(doc, f.path, v);
    } else if (k.type === 'dimensions') {
      const v = (draft[f.path] ?? '').split(',').filter(Boolean);
      if (v.length === 0) problems[f.path] = t('policy.check.dimension');
      doc = setAt(doc, f.path, v);
    } else doc = setAt(doc, f.path, draft[f.path]);
  }
  return { doc, problems };
}

/** The last recorded change of a policy (GET /audit/events, for those who may read the trail). */
function LastChange({ kind, version }: { kind: string; version: number }) {
  const { t, tag } = useI18n();
  const user = useUser();
  const auditor = hasRole(user, 'admin', 'compliance_auditor');
  const last = useApi(() => (auditor ? api.get<{ items: AuditEvent[] }>(`/audit/events?entityType=policy&entityId=${kind}&order=desc&limit=1`) : Promise.resolve({ items: [] })), [kind, version, auditor]);
  const directory = useDirectory();
  const event = last.data?.items[0];
  if (!auditor) return null;
  const who = event ? (directory?.people.find((p) => p.userId === event.actor)?.name ?? event.actor) : '';
  return (
    <p className="muted small" data-testid={`last-change-${kind}`}>
      {event ? t('policy.lastChange', { who, at: formatDateTime(event.at, tag) }) : last.data ? t('policy.neverChanged') : null}{' '}
      <Link to={`/audit?entityType=policy&entityId=${kind}`}>{t('admin.history')}</Link>
    </p>
  );
}

function PolicySection({ section, admin }: { section: Section; admin: boolean }) {
  const { t, locale } = useI18n();
  const loaded = useApi(() => api.get<Json>(section.path), [section.path]);
  const [draft, setDraft] = useState<Draft>({});
  const [local, setLocal] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const save = useCommand((body: Json) => api.put<Json>(section.path, body));
  const server = save.error instanceof ApiError ? errorsByPath(t, save.error.errors, 'body.', locale === 'en') : {};
  const errors = { ...server, ...local };
  const label = (p: string) => t(`policy.${section.kind}.${p}` as MessageKey);
  const hint = (p: string) => t(`policy.${section.kind}.${p}.hint` as MessageKey);

  useEffect(() => {
    if (loaded.data) setDraft(draftOf(section, loaded.data));
  }, [loaded.data, section]);

  const set = (key: string, value: string) => {
    setDraft({ ...draft, [key]: value });
    setConfirming(false);
  };
  const base = loaded.data;
  const edited = base ? documentOf(section, base, draft, t).doc : undefined;
  const changedFields = base ? section.fields.filter((f) => JSON.stringify(getAt(edited, f.path)) !== JSON.stringify(getAt(base, f.path))) : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!loaded.data) return;
    save.clearError();
    const { doc, problems } = documentOf(section, loaded.data, draft, t);
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      setConfirming(false);
      focusFirstInvalid(form.current);
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const answer = await save.exec(doc);
    if (answer) {
      loaded.set(answer);
      setSaved((v) => v + 1);
    } else focusFirstInvalid(form.current);
  }

  const title = t(`policy.${section.kind}.title` as MessageKey);
  return (
    <form ref={form} className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`policy-${section.kind}`} data-testid={`policy-${section.kind}`}>
      <div className="card-head">
        <h2 id={`policy-${section.kind}`}>{title}</h2>
      </div>
      <p className="muted small">{t(`policy.${section.kind}.about` as MessageKey)}</p>
      <LastChange kind={section.kind} version={saved} />
      <ErrorNotice error={loaded.error} />
      {!loaded.data && loaded.loading && <Loading />}
      {loaded.data && (
        <fieldset className="plain-fieldset" disabled={!admin}>
          <legend className="sr-only">{title}</legend>
          <div className="form-grid">
            {section.fields.map((f) => {
              const k = f.kind;
              if (k.type === 'duration') {
                // A problem of the whole duration (a rule between fields) under the group; the amount's and the unit's by their control.
                return (
                  <Group key={f.path} legend={label(f.path)} error={errors[f.path]}>
                    <p className="hint">{hint(f.path)}</p>
                    <div className="duration-pair">
                      <Field label={t('policy.amount')} error={errors[`${f.path}.amount`]}>
                        <input type="number" inputMode="numeric" min={k.min ?? 0} max={100_000} step={1} value={draft[`${f.path}.amount`] ?? ''} onChange={(e) => set(`${f.path}.amount`, e.target.value)} />
                      </Field>
                      <Field label={t('policy.unit')} error={errors[`${f.path}.unit`]}>
                        <select value={draft[`${f.path}.unit`] ?? ''} onChange={(e) => set(`${f.path}.unit`, e.target.value)}>
                          {durationUnits
                            .filter((u) => !k.elapsed || u !== 'business_day' || draft[`${f.path}.unit`] === u)
                            .map((u: DurationUnit) => (
                              <option key={u} value={u}>
                                {t(`unit.${u}` as MessageKey)}
                              </option>
                            ))}
                        </select>
                      </Field>
                    </div>
                  </Group>
                );
              }
              if (k.type === 'dimensions') {
                const chosen = (draft[f.path] ?? '').split(',').filter(Boolean);
                return (
                  <Group key={f.path} legend={label(f.path)} error={errors[f.path]}>
                    <p className="hint">{hint(f.path)}</p>
                    {incidentDimensions.map((dim) => (
                      <label key={dim} className="check">
                        <input type="checkbox" checked={chosen.includes(dim)} onChange={(e) => set(f.path, (e.target.checked ? [...chosen, dim] : chosen.filter((x) => x !== dim)).join(','))} /> {t(`incident.dimension.${dim}` as MessageKey)}
                      </label>
                    ))}
                  </Group>
                );
              }
              if (k.type === 'unit')
                return (
                  <Field key={f.path} label={label(f.path)} hint={hint(f.path)} error={errors[f.path]}>
                    <select value={draft[f.path] ?? ''} onChange={(e) => set(f.path, e.target.value)}>
                      {durationUnits.map((u) => (
                        <option key={u} value={u}>
                          {t(`unit.${u}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </Field>
                );
              const unit = k.type === 'ratio' ? '%' : t(k.unit);
              return (
                <Field key={f.path} label={`${label(f.path)} (${unit})`} hint={hint(f.path)} error={errors[f.path]}>
                  <input type="number" inputMode="decimal" step="any" min={k.type === 'ratio' ? 0 : k.min} max={k.type === 'ratio' ? 100 : k.max} value={draft[f.path] ?? ''} onChange={(e) => set(f.path, e.target.value)} />
                </Field>
              );
            })}
          </div>
        </fieldset>
      )}
      {admin && loaded.data && (
        <>
          <ErrorNotice error={save.error} />
          {saved > 0 && !confirming && !save.error && (
            <div className="notice notice-info" role="status">
              {t('policy.saved', { policy: title })}
            </div>
          )}
          {confirming && (
            <div className="notice notice-warning" role="alert" data-testid={`policy-confirm-${section.kind}`}>
              <strong>{t('policy.confirmTitle', { policy: title })}</strong>
              <ul>
                {changedFields.map((f) => (
                  <li key={f.path}>{label(f.path)}</li>
                ))}
              </ul>
              <p>{t('policy.running')}</p>
            </div>
          )}
          <div className="form-actions">
            {confirming && (
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                {t('admin.cancel')}
              </button>
            )}
            <button type="submit" className="btn btn-primary" disabled={save.pending || changedFields.length === 0}>
              {confirming ? t('policy.confirm') : t('policy.save', { policy: title })}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

/** The root-cause taxonomy, read-only here: a two-level tree is edited through the API (docs/http-contract.md "Administration"). */
function RootCauses() {
  const { t, locale } = useI18n();
  const loaded = useApi(() => api.get<RootCausePolicy>('/policies/root-causes'), []);
  return (
    <section className="card" aria-labelledby="policy-rootCauses" data-testid="policy-rootCauses">
      <div className="card-head">
        <h2 id="policy-rootCauses">{t('policy.rootCauses.title')}</h2>
      </div>
      <p className="muted small">{t('policy.rootCauses.about')}</p>
      <LastChange kind="rootCauses" version={0} />
      <ErrorNotice error={loaded.error} />
      {loaded.data && (
        <>
          <p>{loaded.data.requiredOnResolution ? t('policy.rootCauses.required') : t('policy.rootCauses.optional')}</p>
          <ul className="plain-list">
            {loaded.data.groups.map((g) => (
              <li key={g.code}>
                <strong>{g.label[locale]}</strong> <code>{g.code}</code>
                <span className="muted small"> · {g.children.map((c) => c.label[locale]).join('、')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="notice notice-info">{t('policy.rootCauses.where')}</p>
    </section>
  );
}

/**
 * The policies (GET/PUT /policies/*; docs/http-contract.md "Administration"): one form a policy,
 * each field labelled with what it governs, durations as amount and unit, shares as percentages.
 * Administrators save a section after a confirmation naming the changed fields; the server's field
 * problems show beside their fields. Processes already running keep the policy they started with.
 * The KPI targets change only by approval (the targets page); the calendar on its own page.
 */
export function PoliciesPage() {
  const { t } = useI18n();
  const user = useUser();
  const admin = hasRole(user, 'admin');
  return (
    <>
      <PageHeader title={t('policy.title')} subtitle={t('policy.subtitle')} />
      <nav aria-label={t('policy.sections')} className="card">
        <ul className="inline-list">
          {sections.map((s) => (
            <li key={s.kind}>
              <a href={`#policy-${s.kind}`}>{t(`policy.${s.kind}.title` as MessageKey)}</a>
            </li>
          ))}
          <li>
            <a href="#policy-rootCauses">{t('policy.rootCauses.title')}</a>
          </li>
          <li>
            <Link to="/targets">{t('nav.targets')}</Link>
          </li>
          <li>
            <Link to="/calendar">{t('nav.calendar')}</Link>
          </li>
        </ul>
      </nav>
      {sections.map((s) => (
        <PolicySection key={s.kind} section={s} admin={admin} />
      ))}
      <RootCauses />
    </>
  );
}
