import { addLocalDays, datesBetween, isWeekend, weekdayOf } from '@domain/calendar/dates.js';
import type { CalendarYear } from '../../api/types';
import { useI18n } from '../../i18n';

export type DayKind = 'holiday' | 'makeup' | 'extraHoliday' | 'extraWorkday' | 'weekend' | 'workday';

/** What a day is in a year's schedule, overrides first (they win, as in the deadline computation). */
export function dayKinds(schedule: CalendarYear): { kind: (date: string) => DayKind; holidayName: (date: string) => string | undefined } {
  const holidays = new Map<string, string>();
  for (const p of schedule.holidays) for (const d of datesBetween(p.from, p.to)) holidays.set(d, p.name);
  const makeup = new Set(schedule.workdays);
  const extraOff = new Set(schedule.overrides.extraHolidays);
  const extraOn = new Set(schedule.overrides.extraWorkdays);
  return {
    kind: (d) => (extraOff.has(d) ? 'extraHoliday' : extraOn.has(d) ? 'extraWorkday' : makeup.has(d) ? 'makeup' : holidays.has(d) ? 'holiday' : isWeekend(d) ? 'weekend' : 'workday'),
    holidayName: (d) => holidays.get(d),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The year as twelve month tables (Monday first), holidays and make-up working days marked in words, not colour alone. */
export function YearGrid({ schedule }: { schedule: CalendarYear }) {
  const { t, tag } = useI18n();
  const { kind, holidayName } = dayKinds(schedule);
  const monthName = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const weekdayShort = new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' });
  const weekdayLong = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday: the header row, Monday to Sunday.
  const headerDays = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)));
  const label: Record<DayKind, string> = {
    holiday: t('calendar.holiday'),
    makeup: t('calendar.makeup'),
    extraHoliday: t('calendar.extraHoliday'),
    extraWorkday: t('calendar.extraWorkday'),
    weekend: t('calendar.weekend'),
    workday: '',
  };
  const mark: Partial<Record<DayKind, string>> = { holiday: t('calendar.mark.off'), extraHoliday: t('calendar.mark.off'), makeup: t('calendar.mark.work'), extraWorkday: t('calendar.mark.work') };

  return (
    <div className="year-grid">
      {Array.from({ length: 12 }, (_, m) => {
        const first = `${schedule.year}-${pad(m + 1)}-01`;
        const last = addLocalDays(m === 11 ? `${schedule.year + 1}-01-01` : `${schedule.year}-${pad(m + 2)}-01`, -1);
        const cells: (string | null)[] = [...Array<null>((weekdayOf(first) + 6) % 7).fill(null), ...datesBetween(first, last)];
        while (cells.length % 7 !== 0) cells.push(null);
        const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
        return (
          <table key={m} className="month">
            <caption>{monthName.format(new Date(Date.UTC(schedule.year, m, 1)))}</caption>
            <thead>
              <tr>
                {headerDays.map((d) => (
                  <th key={d.getUTCDay()} scope="col">
                    <abbr title={weekdayLong.format(d)}>{weekdayShort.format(d)}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, w) => (
                <tr key={w}>
                  {week.map((date, i) => {
                    if (!date) return <td key={i} className="cal-empty" />;
                    const k = kind(date);
                    const name = holidayName(date);
                    const description = [label[k], name].filter(Boolean).join(' · ');
                    return (
                      <td key={date} className={`cal-day cal-${k}`} data-date={date} data-kind={k} title={description || undefined}>
                        <span className="cal-num">{Number(date.slice(8))}</span>
                        {mark[k] && (
                          <span className="cal-mark" aria-hidden="true">
                            {mark[k]}
                          </span>
                        )}
                        {description && <span className="sr-only">{description}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}

/** The legend of the year grid. */
export function YearLegend() {
  const { t } = useI18n();
  const items: [DayKind, string, string?][] = [
    ['holiday', t('calendar.holiday'), t('calendar.mark.off')],
    ['makeup', t('calendar.makeup'), t('calendar.mark.work')],
    ['extraHoliday', t('calendar.extraHoliday'), t('calendar.mark.off')],
    ['extraWorkday', t('calendar.extraWorkday'), t('calendar.mark.work')],
    ['weekend', t('calendar.weekend')],
  ];
  return (
    <ul className="cal-legend" aria-label={t('calendar.legend')}>
      {items.map(([k, text, m]) => (
        <li key={k}>
          <span className={`cal-swatch cal-${k}`} aria-hidden="true">
            {m ?? ''}
          </span>
          {text}
        </li>
      ))}
    </ul>
  );
}
