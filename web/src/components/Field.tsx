import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';

/**
 * A labelled form control with its validation message, linked for screen readers
 * (aria-invalid, aria-describedby). `children` is the single control.
 */
export function Field({ label, error, hint, children, wide }: { label: ReactNode; error?: string | undefined; hint?: ReactNode; children: ReactElement<Record<string, unknown>>; wide?: boolean }) {
  const id = useId();
  const describedBy = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const control = cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy });
  return (
    <div className={`field ${wide ? 'field-wide' : ''} ${error ? 'field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
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
export function Group({ legend, error, children }: { legend: ReactNode; error?: string | undefined; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className={`group ${error ? 'field-error' : ''}`} aria-describedby={error ? `${id}-err` : undefined}>
      <legend>{legend}</legend>
      <div className="group-body">{children}</div>
      {error && (
        <span className="error-text" id={`${id}-err`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** Field errors of an API answer by path, with a prefix such as `body.deliverables.` removed. */
export function errorsByPath(errors: { path: string; message: string }[], prefix = 'body.'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const key = e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path;
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
  }
  return out;
}
