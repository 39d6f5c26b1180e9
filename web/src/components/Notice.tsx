import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

/**
 * An error as the user should read it: what went wrong, in the reader's language. A refused form
 * (400 with field errors) says only "correct the marked fields": each field shows its own message
 * (components/Field.tsx `errorsByPath`). The server's own words are English: they are shown as
 * such on English screens and kept behind "technical details" on Chinese ones.
 */
export function ErrorNotice({ error, what }: { error: Error | undefined; what?: string }) {
  const { t, locale } = useI18n();
  if (!error) return null;
  if (error instanceof ApiError) {
    const fields = error.status === 400 && error.errors.length > 0;
    const heading =
      error.status === 403
        ? t('error.forbidden')
        : error.status === 409
          ? t('error.conflict')
          : error.status === 400
            ? fields
              ? t('error.invalid')
              : t('error.invalidNoFields')
            : error.status === 404
              ? t('error.notFound')
              : t('error.generic', { status: error.status });
    return (
      <div className="notice notice-danger" role="alert">
        <strong>
          {what ? `${what}: ` : ''}
          {heading}
        </strong>
        {!fields && error.detail && <ServerWords text={error.detail} english={locale === 'en'} />}
      </div>
    );
  }
  return (
    <div className="notice notice-danger" role="alert">
      <strong>{t('error.network')}</strong>
      <ServerWords text={error.message} english={locale === 'en'} />
    </div>
  );
}

function ServerWords({ text, english }: { text: string; english: boolean }) {
  const { t } = useI18n();
  if (english) return <p>{text}</p>;
  return (
    <details className="server-words">
      <summary>{t('error.details')}</summary>
      <p lang="en">{text}</p>
    </details>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** What a paged list shows above its rows: its error, a spinner while the first page loads, or "nothing here". */
export function ListStatus({ list, empty }: { list: { error: Error | undefined; loading: boolean; items: readonly unknown[] }; empty: ReactNode }) {
  return (
    <>
      <ErrorNotice error={list.error} />
      {list.loading && list.items.length === 0 && <Loading />}
      {!list.loading && !list.error && list.items.length === 0 && <Empty>{empty}</Empty>}
    </>
  );
}
