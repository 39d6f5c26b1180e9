import { useEffect, useState, type ReactNode } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { hasRole } from '../auth/session';
import { useSession, useUser } from '../auth/SessionContext';
import { useUnread } from '../hooks/useUnread';
import { useReader } from '../hooks/useReader';
import { useI18n, type Locale, type MessageKey } from '../i18n';
import { CalendarBanner } from './CalendarBanner';

interface NavItem {
  to: string;
  label: MessageKey;
  icon: string;
  /** Roles that see the entry; omitted → everyone (the API still decides). */
  roles?: string[];
  /** Seen by readers of reports: the reader roles, or a seat on the committee (hooks/useReader.ts); with `roles`, by those roles too. */
  readers?: true;
}

// SVG path data (24×24, stroked) of each entry's icon.
const nav: NavItem[] = [
  { to: '/inbox', label: 'nav.inbox', icon: 'M4 13h4l2 3h4l2-3h4M4 13l2-8h12l2 8v6H4z' },
  { to: '/initiatives', label: 'nav.initiatives', icon: 'M4 19V5m0 14h16M8 15l3-4 3 2 5-6' },
  { to: '/complaints', label: 'nav.complaints', icon: 'M4 5h16v11H9l-5 4z', roles: ['cs_agent', 'business_handler', 'supervisor', 'compliance_auditor', 'admin'] },
  { to: '/feedback', label: 'nav.feedback', icon: 'M12 20l-7-4V6l7-3 7 3v10zM9 10h6M9 13h4' },
  { to: '/audit', label: 'nav.audit', icon: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM9 12l2 2 4-4', roles: ['compliance_auditor', 'admin'] },
  { to: '/reports', label: 'nav.reports', icon: 'M5 20V10m7 10V4m7 16v-7', readers: true, roles: ['product_owner', 'cs_agent', 'business_handler'] },
  { to: '/hot-issues', label: 'nav.hotIssues', icon: 'M12 3c2 3 5 5 5 9a5 5 0 0 1-10 0c0-2 1-3 2-4 0 2 1 3 2 3 0-3-1-5 1-8z', readers: true },
  { to: '/incidents', label: 'nav.incidents', icon: 'M12 4l9 16H3zM12 10v4m0 3v.5', readers: true },
  { to: '/improvements', label: 'nav.improvements', icon: 'M9 11l3 3 8-8M20 12v7H4V5h11' },
  { to: '/targets', label: 'nav.targets', icon: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zm0-4a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0-4a1 1 0 1 0 0-2 1 1 0 0 0 0 2z', readers: true },
  { to: '/erasures', label: 'nav.erasures', icon: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6m4-6v6', roles: ['compliance_auditor', 'admin'] },
  { to: '/meetings', label: 'nav.meetings', icon: 'M4 6h16v10H4zM8 20h8M12 16v4M8 10h8', readers: true },
  { to: '/calendar', label: 'nav.calendar', icon: 'M4 6h16v14H4zM4 10h16M8 3v5m8-5v5', roles: ['product_owner', 'cs_agent', 'business_handler', 'supervisor', 'compliance_auditor', 'admin'] },
];

/** The Administration group: seen by administrators only (the API decides what others may read). */
const adminNav: NavItem[] = [
  { to: '/admin/committee', label: 'nav.committee', icon: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3 3-5 6-5s6 2 6 5m0-5c1-.6 2-1 3-1 3 0 5 2 5 5' },
  { to: '/admin/departments', label: 'nav.departments', icon: 'M3 21h18M5 21V7l7-4 7 4v14M9 21v-4h6v4M9 10h.01M15 10h.01M9 14h.01M15 14h.01' },
  { to: '/admin/policies', label: 'nav.policies', icon: 'M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M16 4v4M10 10v4M18 16v4' },
];

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const bellIcon = 'M6 16V11a6 6 0 1 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0';

/** The bell: a link to the notification centre, its count of unread notices for eyes and ears alike. */
function Bell() {
  const { t } = useI18n();
  const unread = useUnread() ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { n: unread }) : t('notifications.bell');
  return (
    <NavLink to="/notifications" className={({ isActive }) => `bell${isActive ? ' active' : ''}`} aria-label={label} title={label} data-testid="bell">
      <Icon d={bellIcon} />
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true" data-testid="bell-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}

export function Layout() {
  const user = useUser();
  const { signOut } = useSession();
  const { t, label, locale, setLocale } = useI18n();
  const reader = useReader(user);
  // On a phone the navigation folds into a menu button (styles.css), closed again on every page change.
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            cx
          </span>
          <span>
            <span className="brand-name">cxgov</span>
            <span className="brand-sub">{t('app.subtitle')}</span>
          </span>
          <button type="button" className="nav-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)} data-testid="nav-toggle">
            {t('nav.menu')}
          </button>
        </div>
        <nav id="main-nav" aria-label={t('nav.label')} className={menuOpen ? 'nav-open' : undefined}>
          <ul>
            {nav
              .filter((n) => (n.readers && reader) || (n.roles ? hasRole(user, ...n.roles) : !n.readers))
              .map((n) => (
                <li key={n.to}>
                  <NavLink to={n.to} className={({ isActive }) => (isActive ? 'active' : undefined)}>
                    <Icon d={n.icon} />
                    {t(n.label)}
                  </NavLink>
                </li>
              ))}
          </ul>
          {hasRole(user, 'admin') && (
            <>
              <h2 className="nav-group" id="nav-admin">
                {t('nav.adminGroup')}
              </h2>
              <ul aria-labelledby="nav-admin">
                {adminNav.map((n) => (
                  <li key={n.to}>
                    <NavLink to={n.to} className={({ isActive }) => (isActive ? 'active' : undefined)}>
                      <Icon d={n.icon} />
                      {t(n.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </>
          )}
        </nav>
      </aside>
      <div className="main-col">
        <header className="topbar">
          <div className="topbar-user">
            <span className="avatar" aria-hidden="true">
              {user.name.slice(0, 1)}
            </span>
            <span>
              <span className="user-name" data-testid="current-user">
                {user.name}
              </span>
              <span className="user-roles">{user.roles.length ? user.roles.map((r) => label('role', r)).join(' · ') : t('role.none')}</span>
            </span>
          </div>
          <div className="topbar-actions">
            <Bell />
            <label className="locale">
              <span className="sr-only">{t('locale.label')}</span>
              <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} aria-label={t('locale.label')}>
                <option value="zh">中文</option>
                <option value="en">English</option>
              </select>
            </label>
            <button type="button" className="btn btn-ghost" onClick={signOut}>
              {t('nav.signOut')}
            </button>
          </div>
        </header>
        <main id="main" className="content" tabIndex={-1}>
          {hasRole(user, 'admin') && <CalendarBanner />}
          <Outlet />
        </main>
      </div>
    </div>
  );
}

/** Page title block: heading, optional subtitle and actions on the right. */
/** A page's heading, which is also its title in the browser's tab and history ("… · cxgov"). */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · cxgov`;
  }, [title]);
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
