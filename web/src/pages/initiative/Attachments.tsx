import { attachmentExtensions, attachmentsPath, isAttachmentMediaType, shortHash } from '@domain/gates/attachments.js';
import { useId, useRef, useState, type ChangeEvent, type MouseEvent } from 'react';
import { ApiError, apiBase, downloadOffered, uploadFile } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';

/**
 * The files of a deliverable (docs/gates.md "Attachments"): uploaded as they are chosen, each
 * then listed with its name and the SHA-256 the server computed; the deliverables carry its
 * download URI and hash. Shown elsewhere as download links.
 */
export interface ChosenAttachment {
  uri: string;
  sha256: string;
  /** Known for files uploaded in this form; a version submitted before carries uri and hash only. */
  name?: string;
}

interface Uploaded {
  uri: string;
  sha256: string;
  name: string;
}

/** What the browser calls no type at all (or a generic one), guessed from the name's extension. */
const byExtension: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  csv: 'text/csv',
  txt: 'text/plain',
};

function mediaTypeOf(file: File): string {
  if (file.type && isAttachmentMediaType(file.type)) return file.type;
  return byExtension[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? (file.type || 'application/octet-stream');
}

const uploadErrors: Record<number, MessageKey> = { 400: 'attachments.empty', 403: 'attachments.forbidden', 413: 'attachments.tooLarge', 415: 'attachments.unsupported' };

/** The API path of one of our own download URIs (same origin), or undefined for someone else's link. */
export function ownDownloadPath(uri: string): string | undefined {
  try {
    const url = new URL(uri, window.location.origin);
    if (url.origin !== window.location.origin || !url.pathname.startsWith(attachmentsPath)) return undefined;
    return url.pathname.slice(apiBase.length);
  } catch {
    return undefined;
  }
}

/** The form's attachments: a file button that uploads at once, the list, errors beside it. */
export function AttachmentsField({ initiativeId, value, onChange, error }: { initiativeId: string; value: ChosenAttachment[]; onChange: (next: ChosenAttachment[]) => void; error?: string | undefined }) {
  const { t, label } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ name: string; sent: number } | undefined>();
  const [uploadError, setUploadError] = useState<string | undefined>();
  const [announce, setAnnounce] = useState('');
  const shown = [uploadError, error].filter(Boolean).join('; ') || undefined;
  const describedBy = [`${id}-hint`, shown ? `${id}-err` : ''].filter(Boolean).join(' ');

  async function onFiles(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    setUploadError(undefined);
    let next = value;
    for (const file of files) {
      setPending({ name: file.name, sent: 0 });
      try {
        const up = await uploadFile<Uploaded>(`/initiatives/${encodeURIComponent(initiativeId)}/attachments?name=${encodeURIComponent(file.name)}`, file, mediaTypeOf(file), (sent) => setPending({ name: file.name, sent }));
        if (!next.some((a) => a.sha256 === up.sha256 && a.uri === up.uri)) next = [...next, { uri: up.uri, sha256: up.sha256, name: up.name }];
        onChange(next);
        setAnnounce(t('attachments.uploaded', { name: up.name }));
      } catch (err) {
        const key = err instanceof ApiError ? uploadErrors[err.status] : undefined;
        setUploadError(t(key ?? 'attachments.failed', { name: file.name }));
        break;
      } finally {
        setPending(undefined);
      }
    }
    // Back on the button (disabled while sending), ready for the next file or to read the error.
    if (files.length > 0) requestAnimationFrame(() => input.current?.focus());
  }

  return (
    <div className={`field field-wide ${shown ? 'field-error' : ''}`} data-testid="attachments-field">
      <span className="field-label" id={`${id}-label`}>
        {label('field', 'attachments')}
      </span>
      {value.length > 0 && (
        <ul className="attachment-list" aria-labelledby={`${id}-label`}>
          {value.map((a, i) => (
            <li key={`${a.uri} ${a.sha256}`} className="attachment-row">
              <AttachmentLink uri={a.uri} sha256={a.sha256} {...(a.name ? { name: a.name } : {})} />
              <button type="button" className="btn btn-small" aria-label={t('attachments.removeNamed', { name: a.name ?? shortHash(a.sha256) })} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                {t('attachments.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="attachment-actions">
        <input
          ref={input}
          id={id}
          type="file"
          className="file-input sr-only"
          accept={attachmentExtensions.join(',')}
          multiple
          disabled={pending !== undefined}
          aria-invalid={shown ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => void onFiles(e)}
        />
        <label htmlFor={id} className={`btn ${pending ? 'btn-disabled' : ''}`}>
          {t('attachments.choose')}
        </label>
        {pending && (
          <span className="attachment-pending" data-testid="attachment-pending">
            {t('attachments.uploading', { name: pending.name, percent: Math.round(pending.sent * 100) })}
            <progress max={1} value={pending.sent} aria-label={t('attachments.progress')} />
          </span>
        )}
      </div>
      <span className="sr-only" role="status" aria-live="polite">
        {announce}
      </span>
      <span className="hint" id={`${id}-hint`}>
        {t('attachments.hint')}
      </span>
      {shown && (
        <span className="error-text" id={`${id}-err`} data-testid="attachments-error">
          {shown}
        </span>
      )}
    </div>
  );
}

/**
 * A deliverable's attachment: our own upload downloads with the reader's session (a plain link
 * cannot send the bearer token), under the name it was uploaded with; another link opens as is.
 */
export function AttachmentLink({ uri, sha256, name }: { uri: string; sha256: string; name?: string }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  const path = ownDownloadPath(uri);
  const text = name ?? (path ? t('attachments.file', { hash: shortHash(sha256) }) : uri);
  // Another system's address is a link only when the browser may follow it safely (http, https);
  // any other scheme (s3:, javascript:, …) is shown as text.
  if (!path && !/^https?:\/\//i.test(uri)) {
    return (
      <span className="attachment">
        <span className="prewrap">{uri}</span>{' '}
        <code className="muted small" title={sha256}>
          SHA-256 {shortHash(sha256)}
        </code>
      </span>
    );
  }
  async function onClick(e: MouseEvent<HTMLAnchorElement>) {
    if (!path) return;
    e.preventDefault();
    setFailed(false);
    try {
      await downloadOffered(path, name ?? `${sha256}`);
    } catch {
      setFailed(true);
    }
  }
  return (
    <span className="attachment">
      <a href={uri} onClick={(e) => void onClick(e)} data-testid="attachment-link" {...(path ? {} : { rel: 'noopener noreferrer', target: '_blank' })}>
        {text}
      </a>
      {text !== t('attachments.file', { hash: shortHash(sha256) }) && (
        <>
          {' '}
          <code className="muted small" title={sha256}>
            SHA-256 {shortHash(sha256)}
          </code>
        </>
      )}
      {failed && (
        <span className="error-text" role="alert">
          {' '}
          {t('attachments.downloadFailed')}
        </span>
      )}
    </span>
  );
}
