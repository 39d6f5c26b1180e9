import { useSearchParams } from 'react-router';

/**
 * A list's filters and order kept in the URL (shareable, kept on reload and back): the current
 * values, and a setter that replaces one of them (empty removes it) without a history entry.
 *
 * The setter starts from the address bar, not from this render's values: two changes in quick
 * succession (the order, then the owner) before a re-render would otherwise drop the first.
 */
export function useUrlFilter(): [URLSearchParams, (name: string, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return [params, setFilter];
}
