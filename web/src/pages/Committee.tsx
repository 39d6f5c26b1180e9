import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../api/client';
import type { CommitteeMember } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { errorsByPath, Field, focusFirstInvalid, Group } from '../components/Field';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { PersonSelect } from '../components/Pickers';
import { useApi, useCommand } from '../hooks/useApi';
import { useDirectory } from '../hooks/useDirectory';
import { useI18n } from '../i18n';
import { useDepartmentName } from '../hooks/useDirectory';

interface Roster {
  members: CommitteeMember[];
}

/** What a save changes, for the confirmation: who joins, who leaves, and the chair before and after. */
export function rosterChanges(before: readonly CommitteeMember[], after: readonly CommitteeMember[]) {
  const had = new Set(before.map((m) => m.userId));
  const has = new Set(after.map((m) => m.userId));
  const chairBefore = before.find((m) => m.chair);
  const chairAfter = after.find((m) => m.chair);
  return {
    joins: after.filter((m) => !had.has(m.userId)),
    leaves: before.filter((m) => !has.has(m.userId)),
    chair: chairBefore?.userId !== chairAfter?.userId ? { from: chairBefore, to: chairAfter } : undefined,
  };
}

/**
 * The UX Management Committee roster (GET/PUT /committee; docs/http-contract.md "Administration"):
 * members with their department and the chair. Administrators add members with the directory's
 * person picker, remove them, choose the one chair and save after a confirmation naming the
 * changes; running reviews keep the roster they started with. Other readers see the roster only.
 */
export function CommitteePage() {
  const departmentName = useDepartmentName();
  const { t, locale } = useI18n();
  const user = useUser();
  const admin = hasRole(user, 'admin');
  const roster = useApi(() => api.get<Roster>('/committee'), []);
  const directory = useDirectory();
  const [members, setMembers] = useState<CommitteeMember[]>([]);
  const [pick, setPick] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const save = useCommand((body: Roster) => api.put<Roster>('/committee', body));
  const server = save.error instanceof ApiError ? errorsByPath(t, save.error.errors, 'body.', locale === 'en') : {};
  const errors = { ...server, ...local };

  useEffect(() => {
    if (roster.data) setMembers(roster.data.members);
  }, [roster.data]);

  const before = roster.data?.members ?? [];
  const changes = rosterChanges(before, members);
  const changed = changes.joins.length > 0 || changes.leaves.length > 0 || changes.chair !== undefined;
  const edit = (next: CommitteeMember[]) => {
    setMembers(next);
    setConfirming(false);
    setSaved(false);
    setLocal({});
  };

  function add() {
    const person = directory?.people.find((p) => p.userId === pick);
    if (!person) {
      setLocal({ pick: t('committee.pickFirst') });
      return;
    }
    if (members.some((m) => m.userId === person.userId)) {
      setLocal({ pick: t('committee.already', { name: person.name }) });
      return;
    }
    edit([...members, { userId: person.userId, name: person.name, department: person.department ?? '', chair: false }]);
    setPick('');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    save.clearError();
    const chairs = members.filter((m) => m.chair).length;
    const found: Record<string, string> = {};
    if (members.length === 0) found.members = t('committee.empty');
    else if (chairs !== 1) found.chair = t('committee.chooseChair');
    members.forEach((m, i) => {
      if (!m.department) found[`members.${i}.department`] = t('committee.noDepartment', { name: m.name });
    });
    setLocal(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form.current);
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    const answer = await save.exec({ members });
    setConfirming(false);
    if (answer) {
      roster.set(answer);
      setSaved(true);
    } else focusFirstInvalid(form.current);
  }

  const who = (m: CommitteeMember | undefined) => (m ? m.name : t('committee.nobody'));

  return (
    <>
      <PageHeader title={t('committee.title')} subtitle={t('committee.subtitle')} />
      <ErrorNotice error={roster.error} />
      {!roster.data && roster.loading && <Loading />}
      {roster.data && (
        <form ref={form} className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="roster-title">
          <div className="card-head">
            <h2 id="roster-title">{t('committee.roster', { n: members.length })}</h2>
            <Link className="small" to="/audit?entityType=committee&entityId=roster">
              {t('admin.history')}
            </Link>
          </div>
          {errors.members && (
            <p className="error-text" role="alert">
              {errors.members}
            </p>
          )}
          <Group legend={t('committee.chair')} error={errors.chair} required={admin}>
            <ul className="plain-list roster" data-testid="roster">
              {members.map((m, i) => (
                <li key={m.userId} className={`roster-row ${errors[`members.${i}.userId`] || errors[`members.${i}.department`] ? 'field-error' : ''}`} data-user={m.userId}>
                  {admin ? (
                    <label className="check">
                      <input type="radio" name="chair" value={m.userId} checked={m.chair} onChange={() => edit(members.map((x) => ({ ...x, chair: x.userId === m.userId })))} />{' '}
                      <strong>{m.name}</strong>
                    </label>
                  ) : (
                    <strong>{m.name}</strong>
                  )}
                  <span className="muted"> · {m.department || t('picker.noDepartment')}</span>
                  {m.chair && <span className="badge badge-info"> {t('committee.chairMark')}</span>}
                  {admin && (
                    <button type="button" className="btn btn-small btn-danger-outline" aria-label={t('committee.removeWho', { name: m.name })} onClick={() => edit(members.filter((x) => x.userId !== m.userId))}>
                      {t('committee.remove')}
                    </button>
                  )}
                  {(errors[`members.${i}.userId`] || errors[`members.${i}.department`] || errors[`members.${i}`]) && <p className="error-text">{[errors[`members.${i}.userId`], errors[`members.${i}.department`], errors[`members.${i}`]].filter(Boolean).join('; ')}</p>}
                </li>
              ))}
            </ul>
          </Group>
          {admin && (
            <>
              <div className="form-grid">
                <Field label={t('committee.addPerson')} error={errors.pick} hint={t('committee.addHint')}>
                  <PersonSelect value={pick} onChange={setPick} />
                </Field>
              </div>
              <button type="button" className="btn btn-small" onClick={add}>
                {t('committee.add')}
              </button>
              <ErrorNotice error={save.error} />
              {saved && (
                <div className="notice notice-info" role="status">
                  {t('committee.saved')}
                </div>
              )}
              {confirming && (
                <div className="notice notice-warning" role="alert" data-testid="committee-confirm">
                  <strong>{t('committee.confirmTitle')}</strong>
                  <ul>
                    {changes.joins.map((m) => (
                      <li key={`j-${m.userId}`}>{t('committee.joins', { name: m.name, department: departmentName(m.department) })}</li>
                    ))}
                    {changes.leaves.map((m) => (
                      <li key={`l-${m.userId}`}>{t('committee.leaves', { name: m.name })}</li>
                    ))}
                    {changes.chair && <li>{t('committee.chairChange', { from: who(changes.chair.from), to: who(changes.chair.to) })}</li>}
                  </ul>
                  <p>{t('committee.snapshot')}</p>
                </div>
              )}
              <div className="form-actions">
                {confirming && (
                  <button type="button" className="btn" onClick={() => setConfirming(false)}>
                    {t('admin.cancel')}
                  </button>
                )}
                <button type="submit" className="btn btn-primary" disabled={save.pending || !changed}>
                  {confirming ? t('committee.confirm') : t('committee.save')}
                </button>
              </div>
            </>
          )}
        </form>
      )}
    </>
  );
}
