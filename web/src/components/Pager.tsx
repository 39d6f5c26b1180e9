import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../api/types';
import { useI18n } from '../i18n';

/** Cursor pagination (`{ items, nextCursor }`): the first page per `key`, "load more" after it. */
export function usePaged<T>(load: (cursor?: string) => Promise<Page<T>>, key: string) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((p) => {
        if (!live) return;
        setItems(p.items);
        setNext(p.nextCursor);
        setError(undefined);
      })
      .catch((e: Error) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  const more = useCallback(async () => {
    if (!next) return;
    setLoading(true);
    try {
      const p = await load(next);
      setItems((old) => [...old, ...p.items]);
      setNext(p.nextCursor);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }, [load, next]);

  return { items, loading, error, hasMore: !!next, more, reload: () => setTick((n) => n + 1) };
}

export function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  const { t } = useI18n();
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" className="btn" onClick={onMore} disabled={loading}>
        {t('common.loadMore')}
      </button>
    </div>
  );
}
