import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';

/**
 * The caller's unread notification count for the bell: loaded at once, every 30 s and when the tab
 * comes back into view, and at once whenever a page marks notifications read (`unreadChanged()`).
 */
const changed = 'cxgov:unread-changed';
const pollMs = 30_000;

export function unreadChanged(): void {
  window.dispatchEvent(new Event(changed));
}

export function useUnread(): number | undefined {
  const [unread, setUnread] = useState<number>();
  const load = useCallback(() => {
    api.get<{ unread: number }>('/notifications/unread-count').then(
      (r) => setUnread(r.unread),
      () => undefined, // keep the last count: the bell is not where errors are told
    );
  }, []);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, pollMs);
    const onVisible = () => document.visibilityState === 'visible' && load();
    window.addEventListener(changed, load);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(changed, load);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);
  return unread;
}
