import { Link } from 'react-router';
import { api } from '../api/client';
import type { Task } from '../api/types';
import { useUser } from '../auth/SessionContext';
import { Countdown } from '../components/Countdown';
import { PageHeader } from '../components/Layout';
import { Empty, ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { usePeople } from '../hooks/usePeople';
import { useI18n, type Translate } from '../i18n';
import { committeeWords } from './initiative/committee-words';

/**
 * The task's title in the user's language, from the item's vocabulary the API sends beside its
 * English title (`facts`); the API's title is shown only for a shape without facts.
 */
function taskTitle(task: Task, t: Translate, label: (p: string, v: string) => string): string {
  const f = task.facts ?? {};
  if (task.entityType === 'initiative' && f.name && f.stage) {
    return f.version ? t('task.gateTitle', { name: f.name, stage: label('stage', f.stage), version: f.version }) : t('task.ownerTitle', { name: f.name, stage: label('stage', f.stage) });
  }
  if (task.entityType === 'complaint' && f.severity && f.category && f.channel) {
    return t('task.complaintTitle', { severity: label('severity', f.severity), category: label('category', f.category), channel: label('channel', f.channel) });
  }
  if (task.entityType === 'calendar') return t('task.calendarTitle', { year: task.entityId });
  if (task.entityType === 'target_proposal') return t('task.targetsTitle');
  const erasure = /erasure of customer (\S+)'s personal data/.exec(task.title);
  if (task.entityType === 'erasure' && erasure) return t('task.erasureTitle', { customer: erasure[1]! });
  const i = /\(incident: (\d+) complaints, (\w+) (.+)\)$/.exec(task.title);
  if (task.entityType === 'incident' && i) return t('task.incidentTitle', { count: i[1]!, dimension: t(`incident.dimension.${i[2]}` as 'incident.dimension.product'), value: i[2] === 'channel' ? label('channel', i[3]!) : i[3]! });
  const a = /"(.+)"/.exec(task.title);
  if (task.entityType === 'improvement' && a) return t('task.improvementTitle', { title: a[1]! });
  if (task.entityType === 'meeting') return t('task.meetingTitle', { id: task.entityId });
  if (task.entityType === 'follow_up' && f.complaintId) return t('task.followUpTitle', { complaint: f.complaintId.slice(0, 8), scores: [f.nps ? `NPS ${f.nps}` : '', f.csat ? `CSAT ${f.csat}` : ''].filter(Boolean).join(' · ') });
  if (task.entityType === 'feedback' && task.kind.startsWith('feedback.')) return t(`task.${task.kind}` as 'task.feedback.answer', { kind: label('feedbackKind', f.kind ?? '') });
  return task.title;
}

/** Where a task is done in the UI. */
function taskPath(task: Task): string {
  if (task.entityType === 'calendar') return `/calendar?year=${task.entityId}`;
  if (task.entityType === 'target_proposal') return '/targets';
  if (task.entityType === 'incident') return `/incidents/${task.entityId}`;
  if (task.entityType === 'improvement') return `/improvements/${encodeURIComponent(task.entityId)}`;
  if (task.entityType === 'erasure') return `/erasures/${task.entityId}`;
  if (task.entityType === 'meeting') return `/meetings/${task.entityId}`;
  if (task.entityType === 'follow_up') return `/follow-ups/${encodeURIComponent(task.entityId)}`;
  if (task.entityType === 'feedback') return `/feedback/${task.entityId}`;
  return `/${task.entityType === 'initiative' ? 'initiatives' : 'complaints'}/${task.entityId}`;
}

/** The work inbox (GET /api/v1/tasks): what waits on me, the most urgent first (the API's order, domain/urgency.ts). */
export function InboxPage() {
  const { t, label } = useI18n();
  const user = useUser();
  const name = usePeople();
  const tasks = useApi(() => api.get<{ items: Task[] }>('/tasks').then((r) => r.items), []);
  const items = tasks.data ?? [];
  const count = (state: string) => items.filter((i) => i.deadlineState === state).length;

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        subtitle={t('inbox.subtitle', { name: user.name })}
        actions={
          <button type="button" className="btn" onClick={tasks.reload}>
            {t('common.refresh')}
          </button>
        }
      />
      <div className="stats">
        <div className="stat">
          <span className="stat-value">{items.length}</span>
          <span className="stat-label">{t('inbox.total')}</span>
        </div>
        <div className="stat stat-warning">
          <span className="stat-value">{count('at_risk')}</span>
          <span className="stat-label">{label('clock', 'at_risk')}</span>
        </div>
        <div className="stat stat-danger">
          <span className="stat-value">{count('breached')}</span>
          <span className="stat-label">{label('clock', 'breached')}</span>
        </div>
      </div>
      <ErrorNotice error={tasks.error} />
      {tasks.loading && !tasks.data && <Loading />}
      {tasks.data && items.length === 0 && <Empty>{t('inbox.empty')}</Empty>}
      {items.length > 0 && (
        <div className="card table-card">
          <table className="table table-cards">
            <caption className="sr-only">{t('inbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inbox.kind')}</th>
                <th scope="col">{t('inbox.item')}</th>
                <th scope="col">{t('inbox.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((task) => (
                <tr key={`${task.kind}:${task.entityId}`}>
                  <td data-label={t('inbox.kind')}>
                    <span className="kind">{label('task', task.kind)}</span>
                  </td>
                  <td data-label={t('inbox.item')}>
                    <Link to={taskPath(task)}>{taskTitle(task, t, label)}</Link>
                    {(task.summary || task.customer) && (
                      <div className="task-about">
                        {task.customer && <span className="task-customer">{t('inbox.customer', { name: task.customer })}</span>}
                        {task.summary && <span className="muted">{task.kind === 'gate.rework' ? committeeWords(task.summary, t, label, name) : task.summary}</span>}
                      </div>
                    )}
                  </td>
                  <td data-label={t('inbox.deadline')}>
                    <Countdown deadline={task.deadline} state={task.deadlineState} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
