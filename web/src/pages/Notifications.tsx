import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../api/client';
import type { AppNotification, NotificationPage } from '../api/types';
import { formatDateTime, shortId } from '../components/format';
import { PageHeader } from '../components/Layout';
import { Empty, ErrorNotice, Loading } from '../components/Notice';
import { LoadMore, usePaged } from '../components/Pager';
import { unreadChanged } from '../hooks/useUnread';
import { useI18n, type MessageKey, type Translate } from '../i18n';

/** What a notice says, in the reader's language: its topic's title, else the topic itself. */
function noticeTitle(n: AppNotification, t: Translate): string {
  const key = `notice.topic.${n.topic}` as MessageKey;
  const title = t(key);
  return title === key ? n.topic : title;
}

/** The entity a notice is about: "Complaint 3f2a…", "Initiative …", "Report monthly:2026-10". */
function noticeSubject(n: AppNotification, t: Translate, label: (p: string, v: string) => string): string {
  return t('notifications.subject', { entity: label('entity', n.entityType), id: n.entityType === 'report' ? n.entityId : shortId(n.entityId) });
}

/** The notification centre (GET /api/v1/notifications): mine, newest first; read one or all. */
export function NotificationsPage() {
  const { t, label, tag } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [error, setError] = useState<Error>();
  const load = useCallback((cursor?: string) => api.get<NotificationPage>(`/notifications${query({ unread: unreadOnly ? 'true' : undefined, limit: 30, cursor })}`), [unreadOnly]);
  const page = usePaged<AppNotification>(load, `unread:${unreadOnly}`);
  const [readNow, setReadNow] = useState<Record<string, string>>({});

  const markRead = async (n: AppNotification) => {
    try {
      const r = await api.post<AppNotification>(`/notifications/${n.id}/read`, {});
      setReadNow((m) => ({ ...m, [n.id]: r.readAt ?? '' }));
      unreadChanged();
    } catch (e) {
      setError(e as Error);
    }
  };
  const markAll = async () => {
    try {
      await api.post('/notifications/read-all', {});
      unreadChanged();
      page.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const isRead = (n: AppNotification) => n.readAt !== null || readNow[n.id] !== undefined;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        actions={
          <>
            <label className="toggle">
              <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
              {t('notifications.unreadOnly')}
            </label>
            <button type="button" className="btn" onClick={() => void markAll()}>
              {t('notifications.markAll')}
            </button>
          </>
        }
      />
      <ErrorNotice error={error ?? page.error} />
      {page.loading && page.items.length === 0 && <Loading />}
      {!page.loading && !page.error && page.items.length === 0 && <Empty>{t(unreadOnly ? 'notifications.noneUnread' : 'notifications.none')}</Empty>}
      {page.items.length > 0 && (
        <ul className="notice-list card" aria-label={t('notifications.title')}>
          {page.items.map((n) => (
            <li key={n.id} className={isRead(n) ? 'notice-item' : 'notice-item unread'} data-testid="notification">
              <div className="notice-text">
                <span className="notice-title">
                  {!isRead(n) && <span className="sr-only">{t('notifications.unreadMark')} </span>}
                  <Link to={n.link}>{noticeTitle(n, t)}</Link>
                </span>
                <span className="notice-meta muted small">
                  {noticeSubject(n, t, label)} · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, tag)}</time>
                </span>
              </div>
              {!isRead(n) && (
                <button type="button" className="btn btn-small" onClick={() => void markRead(n)} aria-label={t('notifications.markReadOf', { title: noticeTitle(n, t) })}>
                  {t('notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={page.hasMore} loading={page.loading} onMore={() => void page.more()} />
    </>
  );
}
