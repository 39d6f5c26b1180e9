import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import { useI18n, type MessageKey, type Translate } from '../i18n';

/**
 * A labelled form control with its validation message, linked for screen readers
 * (aria-invalid, aria-describedby). `children` is the single control.
 */
export function Field({ label, error, hint, children, wide, required }: { label: ReactNode; error?: string | undefined; hint?: ReactNode; children: ReactElement<Record<string, unknown>>; wide?: boolean; required?: boolean }) {
  const id = useId();
  const describedBy = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const control = cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, ...(required ? { 'aria-required': true } : {}) });
  return (
    <div className={`field ${wide ? 'field-wide' : ''} ${error ? 'field-error' : ''}`}>
      {required ? (
        // The star sits beside the label, not in it, so the control's name is its label alone.
        <span className="label-row">
          <label htmlFor={id}>{label}</label>
          <RequiredMark />
        </span>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      {control}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error-text" id={`${id}-err`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A fieldset of checkboxes (or other controls) with a legend and one message. */
export function Group({ legend, error, children, required }: { legend: ReactNode; error?: string | undefined; children: ReactNode; required?: boolean }) {
  const id = useId();
  return (
    <fieldset className={`group ${error ? 'field-error' : ''}`} aria-describedby={error ? `${id}-err` : undefined} data-invalid={error ? true : undefined}>
      <legend>
        {legend}
        {required && <RequiredMark spoken />}
      </legend>
      <div className="group-body">{children}</div>
      {error && (
        <span className="error-text" id={`${id}-err`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/**
 * The mark of a field that must be filled in: a star for the eye (explained by `RequiredNote`);
 * a control says it with aria-required, a group of radios in its legend.
 */
export function RequiredMark({ spoken = false }: { spoken?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span className="required-mark" aria-hidden="true">
        {' *'}
      </span>
      {spoken && <span className="sr-only">{t('form.requiredSr')}</span>}
    </>
  );
}

/** A form's note on the star. */
export function RequiredNote() {
  const { t } = useI18n();
  return <p className="muted small required-note">{t('form.requiredNote')}</p>;
}

/** Shapes a `format` problem can name, by the field's last path segment; the rest are ids. */
const formats: Record<string, string> = { phone: 'phone', idNumber: 'idNumber', email: 'email', uri: 'uri', sha256: 'sha256' };

/**
 * A field problem in the reader's language, from its code (domain/field-rules.ts); never the
 * API's English message. A problem without a code (an older server) reads as "not accepted".
 */
export function fieldMessage(t: Translate, e: { path: string; message: string; code?: string | undefined; limit?: number | undefined }, serverWords = false): string {
  if (!e.code && serverWords) return e.message;
  const code = e.code ?? 'invalid';
  if (code === 'format') {
    const last = e.path.replace(/\[\d+\]$/, '').split('.').pop() ?? '';
    return t(`fieldError.format.${formats[last] ?? 'id'}` as MessageKey);
  }
  const key = `fieldError.${code}` as MessageKey;
  const text = t(key, { limit: e.limit ?? '' });
  return text === key ? t('fieldError.invalid') : text;
}

/**
 * Field problems (of an API answer or of the form's own check) by path, translated, with a prefix
 * such as `body.` removed. `serverWords`: a problem without a code keeps the server's message
 * (English screens only; others say "not accepted").
 */
export function errorsByPath(t: Translate, errors: readonly { path: string; message: string; code?: string | undefined; limit?: number | undefined }[], prefix = 'body.', serverWords = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const key = e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path;
    const message = fieldMessage(t, e, serverWords);
    if (out[key]?.includes(message)) continue;
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  }
  return out;
}

/** After a refused submit, moves the focus to the first field marked invalid, so the reader lands on it. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid] input');
    first?.focus();
  });
}
