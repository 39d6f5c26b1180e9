import { accessRefusal } from '@domain/complaints/access.js';
import { allowedCommands } from '@domain/complaints/rules.js';
import { channels, type ComplaintCommand } from '@domain/complaints/types.js';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import type { Complaint } from '../../api/types';
import type { SessionUser } from '../../auth/session';
import { errorsByPath, Field, Group } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useCommand } from '../../hooks/useApi';
import { useTaxonomy } from '../../hooks/useTaxonomy';
import { useI18n, type MessageKey } from '../../i18n';

/**
 * The commands of docs/http-contract.md "Complaints" this user may issue now: the state table and the access
 * rule of domain/complaints (the same the workflow applies), plus each route's roles. Each opens
 * a small form; the API's answer (or refusal, in its own words) comes back here.
 */
type Input = { name: string; kind: 'text' | 'textarea' | 'number' | 'select' | 'yesno' | 'rootCause'; options?: readonly string[]; labelPrefix?: string; optional?: boolean };

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
  transfer: { path: '/transfer', roles: handlers, inputs: [{ name: 'department', kind: 'text' }, { name: 'reason', kind: 'textarea' }], body: (v) => ({ department: v.department, reason: v.reason }) },
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
  approve: { path: '/resolution/approval', roles: ['supervisor'], inputs: [{ name: 'approved', kind: 'yesno' }, { name: 'comment', kind: 'textarea' }], body: (v) => ({ approved: v.approved !== 'false', comment: v.comment }), tone: 'primary' },
  signoff: { path: '/signoff', inputs: [{ name: 'comment', kind: 'textarea' }], body: (v) => ({ comment: v.comment }), tone: 'primary' },
  feedback: {
    path: '/customer-feedback',
    roles: ['cs_agent', 'supervisor'],
    inputs: [{ name: 'satisfied', kind: 'yesno' }, { name: 'via', kind: 'select', options: ['callback', 'survey'], labelPrefix: 'via' }, { name: 'comment', kind: 'textarea', optional: true }],
    body: (v) => ({ satisfied: v.satisfied !== 'false', via: v.via || 'callback', comment: v.comment ?? '' }),
    tone: 'primary',
  },
  appeal: { path: '/appeal', roles: ['cs_agent', 'supervisor'], inputs: [{ name: 'reason', kind: 'textarea' }], body: (v) => ({ reason: v.reason }) },
  appealDecision: { path: '/appeal/decision', roles: ['supervisor'], inputs: [{ name: 'upheld', kind: 'yesno' }, { name: 'decision', kind: 'textarea' }], body: (v) => ({ upheld: v.upheld !== 'false', decision: v.decision }), tone: 'primary' },
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
          complaintId={complaint.id}
          onDone={(c) => {
            setOpen(undefined);
            onDone(c);
          }}
        />
      )}
    </section>
  );
}

function CommandForm({ command, complaintId, onDone }: { command: ComplaintCommand; complaintId: string; onDone: (c: Complaint) => void }) {
  const { t, label } = useI18n();
  const spec = specs[command];
  const [values, setValues] = useState<Record<string, string>>({});
  const run = useCommand(() => api.post<Complaint>(`/complaints/${complaintId}${spec.path}`, spec.body(values)));
  const errors = run.error instanceof ApiError ? errorsByPath(run.error.errors) : {};
  const set = (name: string, value: string) => setValues({ ...values, [name]: value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const c = await run.exec();
    if (c) onDone(c);
  }

  return (
    <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={t(`command.${command}` as MessageKey)}>
      <ErrorNotice error={run.error} />
      {spec.inputs.map((input) => {
        const fieldLabel = `${t(`input.${input.name}` as MessageKey)}${input.optional ? ` (${t('form.optional')})` : ''}`;
        const error = errors[input.name] ?? (input.name === 'compensation' ? errors['compensation.amount'] : input.name === 'rootCause' ? errors['rootCause.code'] : input.name === 'rootCauseProduct' ? errors['rootCause.initiativeId'] : undefined);
        if (input.kind === 'rootCause') {
          return (
            <Field key={input.name} label={fieldLabel} error={error} wide hint={t('input.rootCauseHint')}>
              <RootCauseSelect value={values[input.name] ?? ''} onChange={(v) => set(input.name, v)} />
            </Field>
          );
        }
        if (input.kind === 'yesno') {
          const v = values[input.name] ?? 'true';
          return (
            <Group key={input.name} legend={t(`input.${input.name}` as MessageKey)} error={error}>
              <div className="radios">
                {['true', 'false'].map((opt) => (
                  <label key={opt} className="radio">
                    <input type="radio" name={`${command}-${input.name}`} value={opt} checked={v === opt} onChange={() => set(input.name, opt)} />
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
          <Field key={input.name} label={fieldLabel} error={error} wide={input.kind === 'textarea'} hint={input.name === 'compensation' ? t('input.compensationHint') : undefined}>
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
