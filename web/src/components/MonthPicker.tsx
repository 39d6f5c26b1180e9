import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

/**
 * A month (`YYYY-MM`) chosen as a year and a month, both named in the page's language ("2026年 /
 * 十二月", "December / 2026"). The browser's own `<input type="month">` speaks the browser's
 * language, not the page's, and is a text box on some desktop browsers; two selects work the same
 * everywhere, by keyboard, screen reader and thumb.
 *
 * The surrounding Field's label names the month select (it receives the Field's id); the year
 * select names itself. `optional`: both selects offer "—", and the value is '' until both are
 * chosen (a half-chosen month is kept here, not reported).
 */
export function MonthPicker({
  value,
  onChange,
  max,
  min,
  optional,
  id,
  name,
  ...aria
}: {
  value: string;
  onChange: (month: string) => void;
  /** The latest month offered (`YYYY-MM`), e.g. the current one for reports. */
  max?: string;
  min?: string;
  optional?: boolean;
  id?: string;
  name?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}) {
  const { t, tag, locale } = useI18n();
  const [year, setYear] = useState(value.slice(0, 4));
  const [month, setMonth] = useState(value.slice(5, 7));
  useEffect(() => {
    setYear(value.slice(0, 4));
    setMonth(value.slice(5, 7));
  }, [value]);

  const now = new Date();
  const lastYear = max ? Number(max.slice(0, 4)) : now.getFullYear() + 1;
  const firstYear = min ? Number(min.slice(0, 4)) : Math.min(lastYear - 5, value ? Number(value.slice(0, 4)) : lastYear);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => String(lastYear - i));
  const yearName = new Intl.DateTimeFormat(tag, { year: 'numeric', timeZone: 'UTC' });
  const monthName = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  const outside = (y: string, m: string) => (max !== undefined && `${y}-${m}` > max) || (min !== undefined && `${y}-${m}` < min);

  const choose = (y: string, m: string) => {
    setYear(y);
    setMonth(m);
    if (y && m) onChange(outside(y, m) ? (max && `${y}-${m}` > max ? max : min!) : `${y}-${m}`);
    else if (optional) onChange('');
  };

  const yearSelect = (
    <select key="year" data-part="year" aria-label={t('picker.year')} value={year} onChange={(e) => choose(e.target.value, month || (optional ? '' : '01'))}>
      {(optional || !year) && <option value="">{optional ? t('picker.anyMonth') : t('picker.year')}</option>}
      {years.map((y) => (
        <option key={y} value={y}>
          {yearName.format(Date.UTC(Number(y), 5, 15))}
        </option>
      ))}
    </select>
  );
  const monthSelect = (
    <select key="month" data-part="month" id={id} name={name} {...aria} value={month} onChange={(e) => choose(year || (optional ? '' : String(lastYear)), e.target.value)}>
      {(optional || !month) && <option value="">{optional ? t('picker.anyMonth') : t('picker.month')}</option>}
      {months.map((m) => (
        <option key={m} value={m} disabled={!!year && outside(year, m)}>
          {monthName.format(Date.UTC(2026, Number(m) - 1, 15))}
        </option>
      ))}
    </select>
  );
  // The order people write a month in: 2026年12月, December 2026.
  return <span className="month-picker">{locale === 'zh' ? [yearSelect, monthSelect] : [monthSelect, yearSelect]}</span>;
}
