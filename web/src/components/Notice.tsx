import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

/** An error as the user should read it: what went wrong, in the API's own words. */
export function ErrorNotice({ error, what }: { error: Error | undefined; what?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  if (error instanceof ApiError) {
    const heading =
      error.status === 403 ? t('error.forbidden') : error.status === 409 ? t('error.conflict') : error.status === 400 ? t('error.invalid') : error.status === 404 ? t('error.notFound') : t('error.generic', { status: error.status });
    return (
      <div className="notice notice-danger" role="alert">
        <strong>{what ? `${what}: ` : ''}{heading}</strong>
        {error.detail && <p>{error.detail}</p>}
      </div>
    );
  }
  return (
    <div className="notice notice-danger" role="alert">
      <strong>{t('error.network')}</strong>
      <p>{error.message}</p>
    </div>
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
