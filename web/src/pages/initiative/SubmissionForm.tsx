import { researchMethods, validateDeliverables } from '@domain/gates/deliverables.js';
import type { GateStage } from '@domain/gates/stages.js';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, api } from '../../api/client';
import type { Review } from '../../api/types';
import { errorsByPath, Field, focusFirstInvalid, Group, RequiredNote } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useCommand } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { AttachmentsField, type ChosenAttachment } from './Attachments';

/**
 * The stage's deliverables (docs/http-contract.md "Deliverables, by stage"). Checked as the user submits by the
 * same rule the API applies (domain/gates/deliverables.ts), each problem shown at its field; the
 * API's own 400 answer is shown the same way.
 */
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
/** The deliverables' attachments: what the upload answered, uri and hash (the name is the server's). */
const attachmentsOf = (files: readonly ChosenAttachment[]) => (files.length ? { attachments: files.map(({ uri, sha256 }) => ({ uri, sha256 })) } : {});

type Form = Record<string, string | boolean>;

const initial: Record<GateStage, Form> = {
  research: { ...Object.fromEntries(researchMethods.map((m) => [`method:${m}`, false])), segments: '', needs: '', painPoints: '', expectations: '' },
  design: { functionalDesign: '', interfaceDesign: '', processDesign: '', uxObjectives: '', accessibilityNotes: '' },
  prototype_testing: {
    ...Object.fromEntries(['business', 'technology', 'qa'].flatMap((a) => [[`${a}.functionalCompleteness`, true], [`${a}.stability`, true], [`${a}.compatibility`, true], [`${a}.notes`, '']])),
    participants: '',
    usability: '',
    functionality: '',
    satisfaction: '',
    findings: '',
    optimisations: '',
  },
  launch_assessment: { function: '', performance: '', security: '', userExperience: '', report: '', goLivePlan: '' },
};

/** The stages whose deliverables may carry attachments (domain/gates/deliverables.ts). */
const withAttachments = new Set<GateStage>(['research', 'design', 'launch_assessment']);

function build(stage: GateStage, f: Form, files: readonly ChosenAttachment[]): unknown {
  const s = (k: string) => String(f[k] ?? '');
  switch (stage) {
    case 'research':
      return {
        methods: researchMethods.filter((m) => f[`method:${m}`] === true),
        segments: lines(s('segments')),
        findings: { needs: lines(s('needs')), painPoints: lines(s('painPoints')), expectations: lines(s('expectations')) },
        ...attachmentsOf(files),
      };
    case 'design':
      return {
        functionalDesign: s('functionalDesign'),
        interfaceDesign: s('interfaceDesign'),
        processDesign: s('processDesign'),
        uxObjectives: lines(s('uxObjectives')),
        ...(s('accessibilityNotes').trim() ? { accessibilityNotes: s('accessibilityNotes') } : {}),
        ...attachmentsOf(files),
      };
    case 'prototype_testing': {
      const check = (a: string) => ({
        functionalCompleteness: f[`${a}.functionalCompleteness`] === true,
        stability: f[`${a}.stability`] === true,
        compatibility: f[`${a}.compatibility`] === true,
        ...(s(`${a}.notes`).trim() ? { notes: s(`${a}.notes`) } : {}),
      });
      return {
        internalTest: { business: check('business'), technology: check('technology'), qa: check('qa') },
        userTest: { participants: num(s('participants')), usability: num(s('usability')), functionality: num(s('functionality')), satisfaction: num(s('satisfaction')), findings: lines(s('findings')) },
        optimisations: lines(s('optimisations')),
      };
    }
    case 'launch_assessment':
      return {
        scores: { function: num(s('function')), performance: num(s('performance')), security: num(s('security')), userExperience: num(s('userExperience')) },
        report: s('report'),
        goLivePlan: s('goLivePlan'),
        ...attachmentsOf(files),
      };
  }
}

/**
 * The form filled from deliverables submitted before (the inverse of `build`): a rework after
 * requested changes starts from the version the committee commented on, not from nothing.
 * Anything the previous version lacks keeps the empty default.
 */
function formOf(stage: GateStage, d: unknown): Form {
  const form: Form = { ...initial[stage] };
  if (d === null || typeof d !== 'object') return form;
  const o = d as Record<string, any>;
  const join = (v: unknown) => (Array.isArray(v) ? v.map(String).join('\n') : '');
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  switch (stage) {
    case 'research':
      for (const m of researchMethods) form[`method:${m}`] = Array.isArray(o.methods) && o.methods.includes(m);
      Object.assign(form, { segments: join(o.segments), needs: join(o.findings?.needs), painPoints: join(o.findings?.painPoints), expectations: join(o.findings?.expectations) });
      break;
    case 'design':
      Object.assign(form, { functionalDesign: str(o.functionalDesign), interfaceDesign: str(o.interfaceDesign), processDesign: str(o.processDesign), uxObjectives: join(o.uxObjectives), accessibilityNotes: str(o.accessibilityNotes) });
      break;
    case 'prototype_testing':
      for (const a of ['business', 'technology', 'qa']) {
        const c = o.internalTest?.[a] ?? {};
        Object.assign(form, { [`${a}.functionalCompleteness`]: c.functionalCompleteness === true, [`${a}.stability`]: c.stability === true, [`${a}.compatibility`]: c.compatibility === true, [`${a}.notes`]: str(c.notes) });
      }
      Object.assign(form, { participants: str(o.userTest?.participants), usability: str(o.userTest?.usability), functionality: str(o.userTest?.functionality), satisfaction: str(o.userTest?.satisfaction), findings: join(o.userTest?.findings), optimisations: join(o.optimisations) });
      break;
    case 'launch_assessment':
      Object.assign(form, { function: str(o.scores?.function), performance: str(o.scores?.performance), security: str(o.scores?.security), userExperience: str(o.scores?.userExperience), report: str(o.report), goLivePlan: str(o.goLivePlan) });
      break;
  }
  return form;
}

/** The attachments of deliverables submitted before (uri and hash; their names are the server's). */
function filesOf(d: unknown): ChosenAttachment[] {
  const list = (d as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(list)) return [];
  return list.flatMap((a: { uri?: unknown; sha256?: unknown }) => (typeof a?.uri === 'string' && typeof a.sha256 === 'string' ? [{ uri: a.uri, sha256: a.sha256 }] : []));
}

/** Field errors by deliverable path; list items and attachment rows fold into their field. */
function fold(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = path.replace(/\[\d+\].*$/, '').replace(/^findings\./, '').replace(/^(internalTest|userTest|scores)\./, '');
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  }
  return out;
}

const within = (errors: Record<string, string>, prefix: string) =>
  Object.entries(errors)
    .filter(([k]) => k === prefix || (k.startsWith(`${prefix}.`) && !k.endsWith('.notes')))
    .map(([, v]) => v)
    .join('; ') || undefined;

/** The parts a stage may leave out (domain/gates/deliverables.ts); every other field is marked required. */
const optionalFields = new Set(['accessibilityNotes', 'attachments']);

/** `previous`: the deliverables of the version the committee asked to change, which the form starts from. */
export function SubmissionForm({ initiativeId, stage, onDone, previous }: { initiativeId: string; stage: GateStage; onDone: () => void; previous?: { version: number; deliverables: unknown } }) {
  const { t, label } = useI18n();
  const [form, setForm] = useState<Form>(() => (previous ? formOf(stage, previous.deliverables) : initial[stage]));
  const [files, setFiles] = useState<ChosenAttachment[]>(() => (previous && withAttachments.has(stage) ? filesOf(previous.deliverables) : []));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useCommand((deliverables: unknown) => api.post<Review>(`/initiatives/${initiativeId}/submissions`, { stage, deliverables }));
  const serverErrors = submit.error instanceof ApiError ? errorsByPath(t, submit.error.errors, 'body.deliverables.') : {};
  const errors = fold({ ...serverErrors, ...clientErrors });

  const text = (k: string, opts: { rows?: number; hint?: string; wide?: boolean; label?: string } = {}) => (
    <Field key={k} label={opts.label ?? label('field', k)} error={errors[k]} hint={opts.hint} wide={opts.wide ?? true} required={!optionalFields.has(k) && !k.endsWith('.notes')}>
      <textarea name={k} rows={opts.rows ?? 3} value={String(form[k] ?? '')} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
    </Field>
  );
  const list = (k: string) => text(k, { hint: t('form.onePerLine') });
  const number = (k: string, hint?: string) => (
    <Field key={k} label={label('field', k)} error={errors[k]} hint={hint} required>
      <input name={k} type="number" inputMode="decimal" value={String(form[k] ?? '')} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
    </Field>
  );
  const box = (k: string, text: ReactNode) => (
    <label key={k} className="check">
      <input type="checkbox" name={k} checked={form[k] === true} onChange={(e) => setForm({ ...form, [k]: e.target.checked })} />
      {text}
    </label>
  );
  const attachmentField = <AttachmentsField initiativeId={initiativeId} value={files} onChange={setFiles} error={errors.attachments} />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const deliverables = build(stage, form, files);
    const problems = validateDeliverables(stage, deliverables);
    const mapped = errorsByPath(t, problems, 'deliverables.');
    setClientErrors(mapped);
    submit.clearError();
    if (problems.length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    if (await submit.exec(deliverables)) onDone();
  }

  let fields: ReactNode;
  switch (stage) {
    case 'research':
      fields = (
        <>
          <Group legend={label('field', 'methods')} error={errors.methods} required>
            {researchMethods.map((m) => box(`method:${m}`, label('method', m)))}
          </Group>
          {list('segments')}
          {list('needs')}
          {list('painPoints')}
          {list('expectations')}
          {attachmentField}
        </>
      );
      break;
    case 'design':
      fields = (
        <>
          {text('functionalDesign')}
          {text('interfaceDesign')}
          {text('processDesign')}
          {list('uxObjectives')}
          {text('accessibilityNotes', { rows: 2, hint: t('form.optional') })}
          {attachmentField}
        </>
      );
      break;
    case 'prototype_testing':
      fields = (
        <>
          {(['business', 'technology', 'qa'] as const).map((a) => (
            <Group key={a} legend={t('form.internalTest', { area: label('field', a) })} error={within(errors, a)}>
              {box(`${a}.functionalCompleteness`, label('field', 'functionalCompleteness'))}
              {box(`${a}.stability`, label('field', 'stability'))}
              {box(`${a}.compatibility`, label('field', 'compatibility'))}
              {text(`${a}.notes`, { rows: 1, label: label('field', 'notes') })}
            </Group>
          ))}
          <div className="form-grid">
            {number('participants')}
            {number('usability', '0–100')}
            {number('functionality', '0–100')}
            {number('satisfaction', '0–100')}
          </div>
          {list('findings')}
          {list('optimisations')}
        </>
      );
      break;
    case 'launch_assessment':
      fields = (
        <>
          <div className="form-grid">
            {number('function', '0–100')}
            {number('performance', '0–100')}
            {number('security', '0–100')}
            {number('userExperience', '0–100')}
          </div>
          {text('report', { rows: 4 })}
          {text('goLivePlan', { rows: 3 })}
          {attachmentField}
        </>
      );
      break;
  }

  return (
    <form ref={formRef} className="card form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="submit-title" data-testid="submission-form">
      <h2 id="submit-title">{t('submit.title', { stage: label('stage', stage) })}</h2>
      <p className="muted">{t('submit.hint')}</p>
      {previous && (
        <p className="notice notice-info" data-testid="rework-prefilled">
          {t('submit.prefilled', { version: previous.version })}
        </p>
      )}
      <RequiredNote />
      {Object.keys(clientErrors).length > 0 && (
        <div className="notice notice-danger" role="alert">
          <strong>{t('submit.fix', { n: Object.keys(clientErrors).length })}</strong>
        </div>
      )}
      <ErrorNotice error={submit.error} />
      {fields}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.pending}>
          {t('submit.submit')}
        </button>
      </div>
    </form>
  );
}
