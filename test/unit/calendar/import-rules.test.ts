import { describe, expect, it } from 'vitest';
import { importRefusals, type YearImport } from '../../../domain/calendar/import-rules.js';

/** A plausible 2027 notice (synthetic dates; the rules only care about their shape). */
const good: YearImport = {
  source: '国办发明电〔2026〕1号',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-14' },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
  ],
  workdays: ['2027-02-20', '2027-09-26'], // Sat, Sun
};
const refusals = (doc: Partial<YearImport>, year = 2027) => importRefusals(year, { ...good, ...doc });
const paths = (doc: Partial<YearImport>, year = 2027) => refusals(doc, year).map((r) => r.path.join('.'));

describe('import rules of a year’s schedule', () => {
  it('accepts a well-formed notice', () => {
    expect(refusals({})).toEqual([]);
  });

  it('refuses a year outside 2000–2199', () => {
    expect(paths({}, 1999)).toEqual(['year']);
    expect(paths({}, 2200)).toEqual(['year']);
    expect(paths({}, 2027.5)).toEqual(['year']);
  });

  it('refuses an empty source, and a schedule without any holiday', () => {
    expect(paths({ source: '  ' })).toEqual(['source']);
    expect(paths({ holidays: [], workdays: [] })).toEqual(['holidays']);
  });

  it('refuses a nameless period, naming the entry', () => {
    const r = refusals({ holidays: [...good.holidays, { name: ' ', from: '2027-05-01', to: '2027-05-05' }] });
    expect(r).toEqual([{ path: ['holidays', 3, 'name'], message: 'the holiday’s name must not be empty' }]);
  });

  it('refuses dates outside the year, on the end that is outside', () => {
    expect(paths({ holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }] })).toEqual(['holidays.0.from']);
    expect(paths({ holidays: [{ name: '元旦', from: '2027-12-31', to: '2028-01-01' }] })).toEqual(['holidays.0.to']);
    expect(refusals({ holidays: [{ name: '元旦', from: '2027-12-31', to: '2028-01-01' }] })[0]!.message).toBe('the last day 2028-01-01 is outside 2027');
    expect(paths({ workdays: ['2026-12-26'] })).toEqual(['workdays.0']);
  });

  it('refuses a period that ends before it starts', () => {
    const r = refusals({ holidays: [good.holidays[0]!, good.holidays[1]!, { name: '国庆节', from: '2027-10-07', to: '2027-10-01' }] });
    expect(r).toEqual([{ path: ['holidays', 2, 'to'], message: 'the last day 2027-10-01 is before the first day 2027-10-07' }]);
  });

  it('accepts a one-day period (from = to)', () => {
    expect(refusals({ holidays: [{ name: '清明节', from: '2027-04-05', to: '2027-04-05' }], workdays: [] })).toEqual([]);
  });

  it('refuses overlapping periods, naming the later entry and the one it overlaps', () => {
    const r = refusals({ holidays: [...good.holidays, { name: '春节补', from: '2027-02-14', to: '2027-02-16' }] });
    expect(r).toEqual([{ path: ['holidays', 3], message: 'overlaps holidays 1 "春节" (2027-02-06 to 2027-02-14) from 2027-02-14' }]);
    // Listed out of order: still the later entry of the list is named.
    const r2 = refusals({ holidays: [{ name: 'B', from: '2027-05-03', to: '2027-05-05' }, { name: 'A', from: '2027-05-01', to: '2027-05-03' }], workdays: [] });
    expect(r2.map((x) => x.path)).toEqual([['holidays', 1]]);
    // Touching periods (one ends the day before the next starts) do not overlap.
    expect(refusals({ holidays: [{ name: 'A', from: '2027-05-01', to: '2027-05-02' }, { name: 'B', from: '2027-05-03', to: '2027-05-05' }], workdays: [] })).toEqual([]);
  });

  it('refuses a make-up working day on a weekday, naming the weekday', () => {
    const r = refusals({ workdays: ['2027-02-20', '2027-02-17'] });
    expect(r).toEqual([{ path: ['workdays', 1], message: '2027-02-17 is a Wednesday: a make-up working day must be a Saturday or Sunday' }]);
  });

  it('refuses a day that is both a holiday and a make-up working day', () => {
    const r = refusals({ workdays: ['2027-02-06'] }); // Sat, inside 春节
    expect(r).toEqual([{ path: ['workdays', 0], message: '2027-02-06 is both a make-up working day and a holiday (holidays 1 "春节")' }]);
  });

  it('refuses a make-up working day listed twice', () => {
    expect(refusals({ workdays: ['2027-02-20', '2027-02-20'] })).toEqual([{ path: ['workdays', 1], message: '2027-02-20 is listed twice (also workdays 0)' }]);
  });

  it('refuses dates that are not real calendar dates (the rules run before any schema in the UI)', () => {
    expect(paths({ holidays: [{ name: 'X', from: '2027-02-30', to: '2027-03-01' }], workdays: ['27-01-01'] })).toEqual(['holidays.0.from', 'workdays.0']);
  });

  it('names every refused entry at once', () => {
    const r = paths({
      source: '',
      holidays: [
        { name: '', from: '2027-01-01', to: '2027-01-03' },
        { name: '春节', from: '2027-02-10', to: '2027-02-06' },
        { name: '劳动节', from: '2027-01-03', to: '2027-01-04' },
      ],
      workdays: ['2027-01-06', '2028-01-01'],
    });
    expect(r).toEqual(['source', 'holidays.0.name', 'holidays.1.to', 'holidays.2', 'workdays.0', 'workdays.1']);
  });
});
