import { clockNames } from '@domain/complaints/types.js';
import { addressees, complaintRouting, type Person } from '@domain/notifications/routing.js';
import type { Complaint } from '../../api/types';
import { Countdown } from '../../components/Countdown';
import { useDirectory } from '../../hooks/useDirectory';
import { usePeople } from '../../hooks/usePeople';
import { useI18n } from '../../i18n';

/** Every clock the complaint has: state, countdown or overdue time, deadline, when met. */
export function Clocks({ complaint }: { complaint: Complaint }) {
  const { t, label } = useI18n();
  return (
    <section className="card" aria-labelledby="clocks">
      <h2 id="clocks">{t('complaint.clocks')}</h2>
      <ul className="clock-list">
        {clockNames.map((n) => {
          const c = complaint.clocks[n];
          if (!c) return null;
          return (
            <li key={n} data-clock={n}>
              <span className="clock-name">{label('clockName', n)}</span>
              <Countdown deadline={c.deadline} state={c.state} metAt={c.metAt} />
              {c.provisional ? <ProvisionalMark /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A deadline counted over days of a year whose official holiday schedule is not imported yet. */
export function ProvisionalMark() {
  const { t } = useI18n();
  return (
    <span className="badge provisional" title={t('clock.provisionalHint')}>
      {t('clock.provisional')}
    </span>
  );
}

/**
 * The escalation ladder with the complaint's current level marked, each level with the people it
 * reaches by name — by the router's own rule (domain/notifications/routing.ts `addressees`) over
 * the staff directory, so the page names whom the notices actually go to.
 */
export function Ladder({ complaint }: { complaint: Complaint }) {
  const { t, label } = useI18n();
  const directory = useDirectory();
  const name = usePeople();
  const level = complaint.escalationLevel;
  const people: Person[] = (directory?.people ?? []).map((p) => ({ ...p, email: null, language: 'zh', channel: 'email', active: true }));
  const ctx = { people, chair: complaint.chairUserId, committee: [], imGroups: new Map<string, string>(), ...complaintRouting(complaint, people) };
  const steps = ['cs_agent', 'supervisor', 'department_head', 'committee_chair'];
  return (
    <ol className="ladder" aria-label={t('complaint.escalation')} data-testid="ladder">
      {steps.map((s, i) => {
        const who = directory ? addressees({ recipientKind: 'level', recipient: s }, ctx) : [];
        return (
          <li key={s} className={i < level ? 'passed' : i === level ? 'current' : ''} aria-current={i === level ? 'step' : undefined}>
            <span className="ladder-n" aria-hidden="true">
              {i}
            </span>
            {label('level', s)}
            {who.length > 0 && <span className="ladder-who small">{who.map(name).join(', ')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
