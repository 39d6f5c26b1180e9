import { useI18n } from '../../i18n';

/** A value of a before/after as text: strings as they are, anything else as compact JSON. */
function shown(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * An audit event's change field by field: each field either side names, its value before and
 * after, the changed ones marked. A before/after that is not an object shows as one row.
 */
export function ChangeTable({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const rows: [field: string, before: unknown, after: unknown][] =
    isRecord(before) || isRecord(after)
      ? [...new Set([...Object.keys(isRecord(before) ? before : {}), ...Object.keys(isRecord(after) ? after : {})])].map((k) => [k, isRecord(before) ? before[k] : undefined, isRecord(after) ? after[k] : undefined])
      : [['', before, after]];
  return (
    <table className="table table-compact change-table">
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([field, b, a]) => {
          const changed = shown(b) !== shown(a);
          return (
            <tr key={field} data-changed={changed ? 'true' : undefined}>
              <th scope="row" className="mono small">
                {field || '—'}
              </th>
              <td className="small prewrap">{shown(b)}</td>
              <td className={`small prewrap ${changed ? 'cell-changed' : ''}`}>{shown(a)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
