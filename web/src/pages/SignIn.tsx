import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api, request } from '../api/client';
import type { DemoUser } from '../api/types';
import { useSession } from '../auth/SessionContext';
import { Field } from '../components/Field';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { resetPeopleCache } from '../hooks/usePeople';
import { resetDirectoryCache } from '../hooks/useDirectory';
import { useI18n, type Locale, type MessageKey } from '../i18n';

const groups: { key: MessageKey; test: (u: DemoUser) => boolean }[] = [
  { key: 'signin.group.committee', test: (u) => !!u.committee },
  { key: 'signin.group.product', test: (u) => !u.committee && u.roles.includes('product_owner') },
  { key: 'signin.group.desk', test: (u) => !u.committee && u.roles.some((r) => ['cs_agent', 'supervisor', 'business_handler'].includes(r)) },
  { key: 'signin.group.oversight', test: (u) => !u.committee && u.roles.some((r) => ['compliance_auditor', 'admin'].includes(r)) },
];

/**
 * Sign-in. With the embedded default the server lists its demo users and signs a token for the
 * one picked (POST /api/v1/dev/tokens); with a bank's identity provider that endpoint does not
 * exist and the user pastes the token their IdP issued.
 */
export function SignInPage() {
  const { t, label, locale, setLocale } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/inbox';
  const users = useApi(() => api.get<{ items: DemoUser[] }>('/dev/users').then((r) => r.items), []);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState<string>();
  const [pasted, setPasted] = useState('');
  const devAvailable = !!users.data;

  function enter(token: string) {
    resetPeopleCache();
    resetDirectoryCache();
    if (!signIn(token)) throw new Error(t('signin.badToken'));
    navigate(from, { replace: true });
  }

  async function pick(u: DemoUser) {
    setBusy(u.userId);
    setError(undefined);
    try {
      const { token } = await api.post<{ token: string }>('/dev/tokens', { userId: u.userId });
      enter(token);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  }

  async function usePasted(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const token = pasted.trim().replace(/^Bearer\s+/i, '');
    try {
      await request('GET', '/tasks', undefined, { token });
      enter(token);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? new Error(`${t('signin.rejected')} ${err.detail ?? ''}`) : (err as Error));
    }
  }

  return (
    <div className="signin">
      <main className="signin-card" id="main">
        <div className="signin-head">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              cx
            </span>
            <span>
              <span className="brand-name">cxgov</span>
              <span className="brand-sub">{t('app.subtitle')}</span>
            </span>
          </div>
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} aria-label={t('locale.label')}>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </div>
        <h1>{t('signin.title')}</h1>
        <ErrorNotice error={error} />
        {users.loading && <Loading />}
        {devAvailable && (
          <section aria-labelledby="demo-users">
            <h2 id="demo-users">{t('signin.demoTitle')}</h2>
            <p className="muted">{t('signin.demoHint')}</p>
            {groups.map((g) => {
              const members = users.data!.filter(g.test);
              if (members.length === 0) return null;
              return (
                <div key={g.key} className="user-group">
                  <h3>{t(g.key)}</h3>
                  <ul className="user-grid">
                    {members.map((u) => (
                      <li key={u.userId}>
                        <button type="button" className="user-card" onClick={() => void pick(u)} disabled={!!busy} data-user={u.userId}>
                          <span className="avatar" aria-hidden="true">
                            {u.name.slice(0, 1)}
                          </span>
                          <span className="user-card-text">
                            <span className="user-name">
                              {u.name} <span className="muted small">{u.userId}</span>
                            </span>
                            <span className="user-title">{u.title[locale]}</span>
                            <span className="user-roles">{u.roles.map((r) => label('role', r)).join(' · ') || t('role.none')}</span>
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        )}
        {!users.loading && !devAvailable && <p className="notice notice-info">{t('signin.idpOnly')}</p>}
        <details className="paste" open={!users.loading && !devAvailable}>
          <summary>{t('signin.pasteTitle')}</summary>
          <form onSubmit={(e) => void usePasted(e)}>
            <Field label={t('signin.tokenLabel')} hint={t('signin.tokenHint')} wide>
              <textarea rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} required />
            </Field>
            <button type="submit" className="btn btn-primary">
              {t('signin.useToken')}
            </button>
          </form>
        </details>
      </main>
    </div>
  );
}
