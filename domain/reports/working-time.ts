import { zonedWallTimeToInstant, type BusinessCalendar } from '../calendar.js';

const DAY = 86_400_000;

interface Day {
  /** First instant of the local day. */
  midnight: number;
  /** Working window [open, close), or null on a non-working day. */
  window: { open: number; close: number } | null | undefined;
}

/**
 * BusinessCalendar.workingMsBetween for many intervals (a year of gate reviews): the same rule —
 * the parts of [from, to) inside [BUSINESS_DAY_START, endOfBusinessDay) of working days — with
 * each local day's midnight and working window computed once and days counted as integers. The
 * calendar's time-zone arithmetic is what costs, and the intervals of a period share their days.
 * Equality with the calendar's own answer is unit-tested.
 */
export class WorkingTime {
  /** By day number: the local date `YYYY-MM-DD` read as days since 1970-01-01. */
  private readonly days = new Map<number, Day>();

  constructor(private readonly calendar: BusinessCalendar) {}

  between(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    const last = this.localDay(to.getTime());
    let total = 0;
    for (let n = this.localDay(from.getTime()); n <= last; n++) {
      const w = this.window(n);
      if (!w) continue;
      const open = Math.max(from.getTime(), w.open);
      const close = Math.min(to.getTime(), w.close);
      if (close > open) total += close - open;
    }
    return total;
  }

  /** The local date of an instant (same answer as BusinessCalendar.localDateOf). */
  localDateOf(ms: number): string {
    return label(this.localDay(ms));
  }

  /** The day whose [midnight, next midnight) holds the instant; offsets are within ±14 h. */
  private localDay(ms: number): number {
    let n = Math.floor(ms / DAY);
    while (ms < this.day(n).midnight) n--;
    while (ms >= this.day(n + 1).midnight) n++;
    return n;
  }

  private day(n: number): Day {
    let d = this.days.get(n);
    if (!d) {
      d = { midnight: zonedWallTimeToInstant(this.calendar.settings.timeZone, label(n), '00:00').getTime(), window: undefined };
      this.days.set(n, d);
    }
    return d;
  }

  private window(n: number): { open: number; close: number } | null {
    const d = this.day(n);
    if (d.window === undefined) {
      const date = label(n);
      d.window = this.calendar.isWorkingDay(date)
        ? { open: this.calendar.startOfBusinessDay(date).getTime(), close: this.calendar.endOfBusinessDay(date).getTime() }
        : null;
    }
    return d.window;
  }
}

/** Day number → 'YYYY-MM-DD'. */
function label(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}
