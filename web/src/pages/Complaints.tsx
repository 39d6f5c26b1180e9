import { summaryLine } from '@domain/complaints/summary-line.js';
import { categories, complaintSorts, complaintStatuses, severities } from '@domain/complaints/types.js';
import { Link } from 'react-router';
import { api, query } from '../api/client';
import type { Complaint, Page } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { Badge, StatusBadge } from '../components/Badge';
import { Countdown } from '../components/Countdown';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { PersonSelect } from '../components/Pickers';
import { ListStatus } from '../components/Notice';
import { LoadMore, usePaged } from '../components/Pager';
import { usePeople } from '../hooks/usePeople';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { useUrlFilter } from '../hooks/useUrlFilter';
import { useI18n, type MessageKey } from '../i18n';
import { ownerText } from './complaint/owner';
import { useDepartmentName } from '../hooks/useDirectory';

const filterNames = ['sort', 'status', 'severity', 'category', 'breached', 'owner'] as const;
/** Filters the reports drill down with (hot issues, accountable KPIs): shown as removable chips. */
const drillNames = ['rootCause', 'rootCauseGroup', 'product', 'agent', 'team', 'department', 'from', 'to'] as const;

/** The complaint desk's list, the most urgent first unless sorted by receipt, with the order and the filters kept in the URL. */
export function ComplaintsPage() {
  const { t, label, tag } = useI18n();
  const user = useUser();
  const name = usePeople();
  const departmentName = useDepartmentName();
  const { labelOf } = useTaxonomy();
  const [params, setFilter] = useUrlFilter();
  const f = Object.fromEntries([...filterNames, ...drillNames].map((n) => [n, params.get(n) ?? ''])) as Record<(typeof filterNames)[number] | (typeof drillNames)[number], string>;
  const key = [...filterNames, ...drillNames].map((n) => f[n]).join('|');
  const drills = drillNames.filter((n) => f[n]);
  const drillValue = (n: (typeof drillNames)[number]) =>
    n === 'rootCause' || n === 'rootCauseGroup' ? labelOf(f[n]) : n === 'from' || n === 'to' ? (/^\d{4}-\d{2}-\d{2}$/.test(f[n]) ? f[n] : formatDateTime(f[n], tag)) : n === 'agent' ? name(f[n]) : f[n];
  const list = usePaged((cursor?: string) => api.get<Page<Complaint>>(`/complaints${query({ ...f, limit: 25, cursor })}`), key);

  const select = (name: (typeof filterNames)[number], values: readonly string[], prefix: string) => (
    <label>
      {t(`complaint.${name}` as 'complaint.status')}
      <select value={f[name]} onChange={(e) => setFilter(name, e.target.value)}>
        <option value="">{t('common.all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(prefix, v)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <PageHeader
        title={t('complaints.title')}
        subtitle={t('complaints.subtitle')}
        actions={
          hasRole(user, 'cs_agent') && (
            <Link className="btn btn-primary" to="/complaints/new">
              {t('complaints.new')}
            </Link>
          )
        }
      />
      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('complaints.sort')}
          <select value={f.sort || 'urgency'} onChange={(e) => setFilter('sort', e.target.value === 'urgency' ? '' : e.target.value)}>
            {complaintSorts.map((v) => (
              <option key={v} value={v}>
                {t(`complaints.sort.${v}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {select('status', complaintStatuses, 'complaintStatus')}
        {select('severity', severities, 'severity')}
        {select('category', categories, 'category')}
        <label>
          {t('complaint.breached')}
          <select value={f.breached} onChange={(e) => setFilter('breached', e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="true">{t('common.yes')}</option>
            <option value="false">{t('common.no')}</option>
          </select>
        </label>
        <label>
          {t('complaint.owner')}
          <PersonSelect value={f.owner} onChange={(v) => setFilter('owner', v)} allowEmpty emptyLabel={t('common.all')} withDepartments />
        </label>
        <button type="button" className="btn btn-small" aria-pressed={f.owner === user.userId} onClick={() => setFilter('owner', f.owner === user.userId ? '' : user.userId)}>
          {t('complaints.mine')}
        </button>
      </form>
      {drills.length > 0 && (
        <ul className="chips" aria-label={t('complaints.drillDown')} data-testid="drill-down">
          {drills.map((n) => (
            <li key={n} className="chip">
              <span>
                {t(`complaints.drill.${n}` as MessageKey)}: <strong>{drillValue(n)}</strong>
              </span>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setFilter(n, '')} aria-label={t('complaints.removeFilter', { filter: t(`complaints.drill.${n}` as MessageKey) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <ListStatus list={list} empty={t('complaints.empty')} />
      {list.items.length > 0 && (
        <div className="card table-card">
          <table className="table table-cards">
            <caption className="sr-only">{t('complaints.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('complaint.summary')}</th>
                <th scope="col">{t('complaint.customer')}</th>
                <th scope="col">{t('complaint.category')}</th>
                <th scope="col">{t('complaint.severity')}</th>
                <th scope="col">{t('complaint.status')}</th>
                <th scope="col">{t('complaint.owner')}</th>
                <th scope="col">{t('complaint.resolutionClock')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('complaint.summary')}>
                    <Link to={`/complaints/${c.id}`}>{summaryLine(c.description) || t('complaints.noSummary')}</Link>
                    <div className="muted small">
                      {formatDateTime(c.receivedAt, tag)} · {label('channel', c.channel)}
                    </div>
                  </td>
                  <td data-label={t('complaint.customer')}>
                    {c.customer.erased ? <Badge tone="neutral">{t('complaint.erased')}</Badge> : c.customer.unreadable ? <Badge tone="danger">{t('complaint.unreadable')}</Badge> : c.customer.name} <span className="muted small">{c.customer.ref}</span>
                    {c.repeat && (
                      <>
                        {' '}
                        <Badge tone="warning">{t('complaint.repeat')}</Badge>
                      </>
                    )}
                  </td>
                  <td data-label={t('complaint.category')}>
                    {label('category', c.category)}
                    {c.rootCause && <div className="muted small">{labelOf(c.rootCause.code)}</div>}
                  </td>
                  <td data-label={t('complaint.severity')}>
                    <StatusBadge kind="severity" value={c.severity} />
                  </td>
                  <td data-label={t('complaint.status')}>
                    <StatusBadge kind="complaintStatus" value={c.status} />
                    {c.escalationLevel > 0 && <div className="muted small">{t('complaint.levelShort', { n: c.escalationLevel })}</div>}
                  </td>
                  <td data-label={t('complaint.owner')}>{c.owner.kind === 'user' ? name(c.owner.id) : ownerText(c.owner, t, label, departmentName)}</td>
                  <td data-label={t('complaint.resolutionClock')}>
                    <Countdown deadline={c.clocks.resolution.deadline} state={c.clocks.resolution.state} metAt={c.clocks.resolution.metAt} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={() => void list.more()} />
    </>
  );
}
