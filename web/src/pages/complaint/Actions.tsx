import { accessRefusal } from '@domain/complaints/access.js';
import { allowedCommands } from '@domain/complaints/rules.js';
import { channels, type ComplaintCommand } from '@domain/complaints/types.js';
import { complaintInputRules } from '@domain/complaints/inputs.js';
import { checkForm, isRequired, type FieldProblem, type FormRules } from '@domain/field-rules.js';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import type { Complaint } from '../../api/types';
import type { SessionUser } from '../../auth/session';
import { errorsByPath, Field, focusFirstInvalid, Group, RequiredNote } from '../../components/Field';
import { DepartmentSelect } from '../../components/Pickers';
import { ErrorNotice } from '../../components/Notice';
import { useApi, useCommand } from '../../hooks/useApi';
import { usePeople } from '../../hooks/usePeople';
import { useTaxonomy } from '../../hooks/useTaxonomy';
import { useI18n, type MessageKey } from '../../i18n';

/**
 * The commands of docs/http-contract.md "Complaints" this user may issue now: the state table and the access
 * rule of domain/complaints (the same the workflow applies), plus each route's roles. Each opens
 * a small form; the API's answer (or refusal, in its own words) comes back here.
 */
type Input = { name: string; kind: 'text' | 'textarea' | 'number' | 'select' | 'yesno' | 'rootCause' | 'department'; options?: readonly string[]; labelPrefix?: string; optional?: boolean };

interface Spec {
  path: string;
  roles?: string[];
  inputs: Input[];
  body: (v: Record<string, string>) => unknown;
  tone?: 'primary' | 'danger';
}

const handlers = ['cs_agent', 'business_handler', 'supervisor'];
const specs: Record<ComplaintCommand, Spec> = {
  respond: { path: '/responses', roles: handlers, inputs: [{ name: 'message', kind: 'textarea' }, { name: 'channel', kind: 'select', options: channels, labelPrefix: 'channel' }], body: (v) => ({ message: v.message, channel: v.channel || 'hotline' }) },
  transfer: { path: '/transfer', roles: handlers, inputs: [{ name: 'department', kind: 'department' }, { name: 'reason', kind: 'textarea' }], body: (v) => ({ department: v.department, reason: v.reason }) },
  resolve: {
    path: '/resolution',
    roles: handlers,
    inputs: [
      { name: 'summary', kind: 'textarea' },
      { name: 'remedy', kind: 'textarea' },
      { name: 'compensation', kind: 'number', optional: true },
      { name: 'rootCause', kind: 'rootCause', optional: true },
      { name: 'rootCauseProduct', kind: 'text', optional: true },
    ],
    body: (v) => ({
      summary: v.summary,
      remedy: v.remedy,
      ...(v.compensation ? { compensation: { amount: Number(v.compensation), currency: 'CNY' } } : {}),
      ...(v.rootCause ? { rootCause: { code: v.rootCause, ...(v.rootCauseProduct ? { initiativeId: v.rootCauseProduct.trim() } : {}) } } : {}),
    }),
    tone: 'primary',
  },
  approve: { path: '/resolution/approval', roles: ['supervisor'], inputs: [{ name: 'approved', kind: 'yesno' }, { name: 'comment', kind: 'textarea' }], body: (v) => ({ approved: v.approved === 'true', comment: v.comment }), tone: 'primary' },
  signoff: { path: '/signoff', inputs: [{ name: 'comment', kind: 'textarea' }], body: (v) => ({ comment: v.comment }), tone: 'primary' },
  feedback: {
    path: '/customer-feedback',
    roles: ['cs_agent', 'supervisor'],
    inputs: [{ name: 'satisfied', kind: 'yesno' }, { name: 'via', kind: 'select', options: ['callback', 'survey'], labelPrefix: 'via' }, { name: 'comment', kind: 'textarea', optional: true }],
    body: (v) => ({ satisfied: v.satisfied === 'true', via: v.via || 'callback', comment: v.comment ?? '' }),
    tone: 'primary',
  },
  appeal: { path: '/appeal', roles: ['cs_agent', 'supervisor'], inputs: [{ name: 'reason', kind: 'textarea' }], body: (v) => ({ reason: v.reason }) },
  appealDecision: { path: '/appeal/decision', roles: ['supervisor'], inputs: [{ name: 'upheld', kind: 'yesno' }, { name: 'decision', kind: 'textarea' }], body: (v) => ({ upheld: v.upheld === 'true', decision: v.decision }), tone: 'primary' },
  pause: { path: '/pause', roles: handlers, inputs: [{ name: 'reason', kind: 'textarea' }], body: (v) => ({ reason: v.reason }) },
  resume: { path: '/resume', roles: handlers, inputs: [{ name: 'reason', kind: 'textarea', optional: true }], body: (v) => (v.reason ? { reason: v.reason } : {}) },
  escalate: { path: '/escalate', roles: handlers, inputs: [{ name: 'reason', kind: 'textarea' }], body: (v) => ({ reason: v.reason }), tone: 'danger' },
};

/** Commands open to `user` on `c`, in the order of the state table. */
export function availableCommands(c: Complaint, user: SessionUser): ComplaintCommand[] {
  const proposedBy = [...(c.resolutions ?? [])].reverse().find((r) => r.state === 'awaiting_approval')?.proposedBy;
  const ctx = { agentId: c.agentId ?? '', owner: c.owner, escalationLevel: c.escalationLevel, chairUserId: c.chairUserId ?? null, ...(proposedBy ? { proposedBy } : {}) };
  return allowedCommands(c.status).filter((cmd) => {
    const spec = specs[cmd];
    if (spec.roles && !spec.roles.some((r) => user.roles.includes(r))) return false;
    if (cmd === 'pause' && c.paused) return false;
    if (cmd === 'resume' && !c.paused) return false;
    if (cmd === 'signoff' && (c.escalationLevel < 3 || c.signoff)) return false;
    return accessRefusal(cmd, user, ctx) === null;
  });
}

export function Actions({ complaint, user, onDone }: { complaint: Complaint; user: SessionUser; onDone: (c: Complaint) => void }) {
  const { t } = useI18n();
  const commands = availableCommands(complaint, user);
  const [open, setOpen] = useState<ComplaintCommand>();
  const current = open && commands.includes(open) ? open : undefined;

  return (
    <section className="card" aria-labelledby="actions">
      <h2 id="actions">{t('actions.title')}</h2>
      {commands.length === 0 ? (
        <p className="muted">{complaint.status === 'closed' ? t('actions.closed') : t('actions.none')}</p>
      ) : (
        <div className="action-buttons">
          {commands.map((cmd) => (
            <button key={cmd} type="button" className={`btn ${current === cmd ? 'btn-primary' : ''}`} aria-expanded={current === cmd} onClick={() => setOpen(current === cmd ? undefined : cmd)} data-command={cmd}>
              {t(`command.${cmd}` as MessageKey)}
            </button>
          ))}
        </div>
      )}
      {current && (
        <CommandForm
          key={current}
          command={current}
          complaint={complaint}
          onDone={(c) => {
            setOpen(undefined);
            onDone(c);
          }}
        />
      )}
    </section>
  );
}

/** The text fields of each command by the path the API names them (rootCauseProduct is `rootCause.initiativeId`). */
const pathOf = (name: string) => (name === 'rootCauseProduct' ? 'rootCause.initiativeId' : name === 'compensation' ? 'compensation.amount' : name === 'rootCause' ? 'rootCause.code' : name);

function CommandForm({ command, complaint, onDone }: { command: ComplaintCommand; complaint: Complaint; onDone: (c: Complaint) => void }) {
  const { t, label } = useI18n();
  const spec = specs[command];
  const rules: FormRules = complaintInputRules[command];
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<Record<string, string>>();
  const run = useCommand(() => api.post<Complaint>(`/complaints/${complaint.id}${spec.path}`, spec.body(values)));
  const errors = checked ?? (run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {});
  const set = (name: string, value: string) => setValues({ ...values, [name]: value });

  /** The same rules the API applies, before sending: texts by domain/complaints/inputs.ts, and a decision must be chosen. */
  function check(): FieldProblem[] {
    const texts = Object.fromEntries(spec.inputs.map((i) => [pathOf(i.name), values[i.name]]));
    const problems = checkForm(rules, texts);
    for (const input of spec.inputs) {
      if (input.kind === 'yesno' && values[input.name] === undefined) problems.push({ path: input.name, code: 'choice', message: 'choose one' });
    }
    return problems;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = check();
    run.clearError();
    if (problems.length > 0) {
      setChecked(errorsByPath(t, problems, ''));
      focusFirstInvalid(formRef.current);
      return;
    }
    setChecked(undefined);
    const c = await run.exec();
    if (c) onDone(c);
    else focusFirstInvalid(formRef.current);
  }

  return (
    <form ref={formRef} className="command-form" onSubmit={(e) => void submit(e)} aria-label={t(`command.${command}` as MessageKey)} noValidate>
      {command === 'approve' && <ApprovalFacts complaint={complaint} />}
      <RequiredNote />
      {checked && Object.keys(checked).length > 0 && (
        <div className="notice notice-danger" role="alert">
          <strong>{t('form.fix', { n: Object.keys(checked).length })}</strong>
        </div>
      )}
      <ErrorNotice error={run.error} />
      {spec.inputs.map((input) => {
        const required = input.kind === 'yesno' || isRequired(rules, pathOf(input.name));
        const fieldLabel = `${t(`input.${input.name}` as MessageKey)}${input.optional ? ` (${t('form.optional')})` : ''}`;
        const error = errors[input.name] ?? errors[pathOf(input.name)];
        if (input.kind === 'rootCause') {
          return (
            <Field key={input.name} label={fieldLabel} error={error} wide hint={t('input.rootCauseHint')}>
              <RootCauseSelect value={values[input.name] ?? ''} onChange={(v) => set(input.name, v)} />
            </Field>
          );
        }
        if (input.kind === 'department') {
          return (
            <Field key={input.name} label={fieldLabel} error={error} required={required}>
              <DepartmentSelect name={input.name} value={values[input.name] ?? ''} onChange={(v) => set(input.name, v)} />
            </Field>
          );
        }
        if (input.kind === 'yesno') {
          // No answer is chosen for the user: a decision is made, never defaulted.
          const v = values[input.name];
          return (
            <Group key={input.name} legend={t(`input.${input.name}` as MessageKey)} error={error} required>
              <div className="radios">
                {['true', 'false'].map((opt) => (
                  <label key={opt} className="radio">
                    <input type="radio" name={`${command}-${input.name}`} value={opt} checked={v === opt} onChange={() => set(input.name, opt)} aria-invalid={error ? true : undefined} />
                    {t(`yesno.${input.name}.${opt}` as MessageKey)}
                  </label>
                ))}
              </div>
            </Group>
          );
        }
        if (input.kind === 'select') {
          return (
            <Field key={input.name} label={fieldLabel} error={error}>
              <select value={values[input.name] ?? input.options?.[0] ?? ''} onChange={(e) => set(input.name, e.target.value)}>
                {input.options?.map((o) => (
                  <option key={o} value={o}>
                    {label(input.labelPrefix ?? input.name, o)}
                  </option>
                ))}
              </select>
            </Field>
          );
        }
        return (
          <Field key={input.name} label={fieldLabel} error={error} required={required} wide={input.kind === 'textarea'} hint={input.name === 'compensation' ? t('input.compensationHint') : undefined}>
            {input.kind === 'textarea' ? (
              <textarea name={input.name} rows={2} value={values[input.name] ?? ''} onChange={(e) => set(input.name, e.target.value)} />
            ) : (
              <input name={input.name} type={input.kind === 'number' ? 'number' : 'text'} value={values[input.name] ?? ''} onChange={(e) => set(input.name, e.target.value)} />
            )}
          </Field>
        );
      })}
      <div className="form-actions">
        <button type="submit" className={`btn ${spec.tone === 'danger' ? 'btn-danger' : 'btn-primary'}`} disabled={run.pending}>
          {t('actions.confirm', { command: t(`command.${command}` as MessageKey) })}
        </button>
      </div>
    </form>
  );
}

/** What a supervisor decides on: the proposed resolution, its compensation and the limit it is above. */
function ApprovalFacts({ complaint }: { complaint: Complaint }) {
  const { t, tag } = useI18n();
  const name = usePeople();
  const proposal = [...(complaint.resolutions ?? [])].reverse().find((r) => r.state === 'awaiting_approval');
  const policy = useApi(() => api.get<{ compensationApprovalLimit: number }>('/policies/sla'), []);
  if (!proposal) return null;
  const money = (n: number) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'CNY' }).format(n);
  return (
    <dl className="kv decision-facts" data-testid="approval-facts">
      <div className="kv-row">
        <dt>{t('approval.proposedBy')}</dt>
        <dd>{name(proposal.proposedBy)}</dd>
      </div>
      <div className="kv-row">
        <dt>{t('input.summary')}</dt>
        <dd className="prewrap">{proposal.summary}</dd>
      </div>
      <div className="kv-row">
        <dt>{t('input.remedy')}</dt>
        <dd className="prewrap">{proposal.remedy}</dd>
      </div>
      <div className="kv-row">
        <dt>{t('approval.amount')}</dt>
        <dd data-testid="approval-amount">{proposal.compensation ? money(proposal.compensation.amount) : '—'}</dd>
      </div>
      {policy.data && (
        <div className="kv-row">
          <dt>{t('approval.limit')}</dt>
          <dd data-testid="approval-limit">{money(policy.data.compensationApprovalLimit)}</dd>
        </div>
      )}
    </dl>
  );
}

/** The causes of the root-cause taxonomy in force, grouped (a resolution names a cause, never a group). */
export function RootCauseSelect({ value, onChange, id, ...aria }: { value: string; onChange: (code: string) => void; id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) {
  const { t, locale } = useI18n();
  const { taxonomy } = useTaxonomy();
  return (
    <select id={id} {...aria} name="rootCause" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('input.rootCauseNone')}</option>
      {taxonomy?.groups.map((g) => (
        <optgroup key={g.code} label={g.label[locale]}>
          {g.children.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label[locale]}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
