import { useEffect } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { CalendarDocument } from '../api/types';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';

const changedEvent = 'cxgov:calendar-changed';

/** Tells the banner (and anything else listening) that the calendar changed: read it again. */
export function announceCalendarChange(): void {
  window.dispatchEvent(new Event(changedEvent));
}

/**
 * For administrators, on every page: the calendar's warning when the days ahead lack an official
 * holiday schedule (GET /calendar `warning`; docs/calendar.md), with the way to the import.
 */
export function CalendarBanner() {
  const { t } = useI18n();
  const calendar = useApi(() => api.get<CalendarDocument>('/calendar'), []);
  const { reload } = calendar;
  useEffect(() => {
    window.addEventListener(changedEvent, reload);
    return () => window.removeEventListener(changedEvent, reload);
  }, [reload]);
  const warning = calendar.data?.warning;
  if (!warning) return null;
  return (
    <section className="notice notice-warning banner" aria-label={t('calendar.bannerLabel')} data-testid="calendar-banner">
      <span>{t('calendar.banner', { years: warning.missingYears.join(', '), from: warning.firstProvisionalDay })}</span>{' '}
      <Link to={`/calendar?year=${warning.missingYears[0]}`}>{t('calendar.bannerAction')}</Link>
    </section>
  );
}
