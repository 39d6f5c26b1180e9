import { improvementSourceKinds, improvementStatuses } from '@domain/improvements/types.js';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api/client';
import type { Improvement } from '../api/types';
import { useUser } from '../auth/SessionContext';
import { hasRole } from '../auth/session';
import { Countdown } from '../components/Countdown';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { ImprovementBadges } from './improvement/parts';
import { useDepartmentName } from '../hooks/useDirectory';

const filterNames = ['status', 'department', 'source', 'overdue'] as const;

/**
 * The improvement board (docs/improvements.md): one column per status, overdue actions first, then
 * by due date; the filters (status, owner department, source, overdue) are kept in the address.
 */
export function ImprovementsPage() {
  const departmentName = useDepartmentName();
  const { t, label, tag } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const f = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ''])) as Record<(typeof filterNames)[number], string>;
  const set = (name: (typeof filterNames)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const board = useApi(
    () => api.get<{ items: Improvement[] }>(`/improvements${query({ status: f.status || undefined, ownerDepartment: f.department || undefined, source: f.source || undefined, overdue: f.overdue === 'true' ? 'true' : undefined })}`),
    [f.status, f.department, f.source, f.overdue],
  );
  const all = useApi(() => api.get<{ items: Improvement[] }>('/improvements'), []);
  const departments = [...new Set([...(all.data?.items ?? []).map((a) => a.ownerDepartment), ...(f.department ? [f.department] : [])])].sort();
  const items = board.data?.items ?? [];
  const columns = improvementStatuses.filter((s) => !f.status || s === f.status);
  return (
    <>
      <PageHeader
        title={t('improvements.title')}
        subtitle={t('improvements.subtitle')}
        actions={
          hasRole(user, 'supervisor', 'compliance_auditor') ? (
            <Link className="btn btn-primary" to="/improvements/new">
              {t('improvements.raise')}
            </Link>
          ) : undefined
        }
      />
      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('improvement.status')}
          <select value={f.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {improvementStatuses.map((s) => (
              <option key={s} value={s}>
                {label('improvementStatus', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('improvement.ownerDepartment')}
          <select value={f.department} onChange={(e) => set('department', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {departmentName(d)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('improvement.source')}
          <select value={f.source} onChange={(e) => set('source', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {improvementSourceKinds.map((s) => (
              <option key={s} value={s}>
                {label('improvementSource', s)}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={f.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : '')} />
          {t('improvements.overdueOnly')}
        </label>
      </form>
      <ErrorNotice error={board.error} />
      {board.loading && !board.data && <Loading />}
      {board.data && items.length === 0 && <p className="muted">{t('improvements.empty')}</p>}
      {items.length > 0 && (
        <div className="board" data-testid="improvement-board">
          {columns.map((status) => {
            const cards = items.filter((a) => a.status === status);
            return (
              <section key={status} className="board-column" aria-labelledby={`col-${status}`} data-column={status}>
                <h2 id={`col-${status}`}>
                  {label('improvementStatus', status)} <span className="muted">({cards.length})</span>
                </h2>
                {cards.map((a) => (
                  <article key={a.id} className="card board-card" data-improvement={a.id}>
                    <h3>
                      <Link to={`/improvements/${encodeURIComponent(a.id)}`}>{a.title}</Link>
                    </h3>
                    <p className="small">
                      <ImprovementBadges action={a} />
                    </p>
                    <p className="small muted">
                      {a.owner.name} · {a.ownerDepartment} · {label('improvementSource', a.source.kind)}
                    </p>
                    <p className="small">
                      {a.status === 'in_progress' ? (
                        <Countdown deadline={a.due} state={a.dueState === 'overdue' ? 'breached' : a.dueState} compact />
                      ) : (
                        <span className="muted">
                          {t('improvement.due')}: {formatDateTime(a.due, tag)}
                        </span>
                      )}
                    </p>
                  </article>
                ))}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
