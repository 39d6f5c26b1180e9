/**
 * The CSV form of a stored report: one figure per line, `metric,dimension,value` (RFC 4180:
 * CRLF line ends, fields quoted when they hold a comma, quote, CR or LF; quotes doubled).
 *
 * - `report,<field>,<text>` lines first: kind, period, from, to, timeZone, generatedAt, generatedBy.
 * - Then every KPI leaf: `metric` is its dotted path (`kpis.complaints.firstResponse.rate`); a
 *   leaf inside a `by…` object puts the object's path in `metric` and its key in `dimension`
 *   (`kpis.complaints.volume.byCategory,service,3`). Numbers are written as JavaScript prints
 *   them (exact round trip); null is an empty field; an empty `by…` map is its path alone.
 *
 * Cells a spreadsheet would run as a formula are neutralised (`neutralised`, below).
 *
 * `reportFromCsv` reads it back into the JSON document, equal to the original.
 */

export interface CsvReport {
  kind: string;
  period: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: string;
  generatedBy: string;
  kpis: unknown;
}

export const csvHeader = ['metric', 'dimension', 'value'] as const;
const metaFields = ['kind', 'period', 'from', 'to', 'timeZone', 'generatedAt', 'generatedBy'] as const;

/** The report as rows of [metric, dimension, value]. */
export function reportRows(report: CsvReport): string[][] {
  const rows: string[][] = metaFields.map((f) => ['report', f, report[f]]);
  const walk = (value: unknown, path: string[], dimensionParent: boolean) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // An empty dimension map (no complaint linked to any product) is one line with no dimension.
      if (dimensionParent && Object.keys(value).length === 0) rows.push([path.join('.'), '', '']);
      for (const [key, child] of Object.entries(value)) {
        if (dimensionParent) rows.push([path.join('.'), key, cell(child, [...path, key])]);
        else walk(child, [...path, key], key.startsWith('by'));
      }
      return;
    }
    rows.push([path.join('.'), '', cell(value, path)]);
  };
  walk(report.kpis, ['kpis'], false);
  return rows;
}

function cell(value: unknown, path: string[]): string {
  if (value === null) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new TypeError(`report figure ${path.join('.')} is not a number or null`);
}

/**
 * CSV injection (OWASP): a spreadsheet takes a cell starting with `= + - @`, a tab or a CR for a
 * formula. Such a cell — a product id an agent typed, `-2-3@A1` — is written with a leading `'`
 * (which spreadsheets show as text); so is a cell already starting with `'`, so that reading it
 * back (`unneutralised`) is exact. A number as JavaScript prints it (`-1`, `1e-7`) is not a formula
 * and stays as it is.
 */
const formulaStart = /^[=+\-@\t\r']/;
const plainNumber = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

export function neutralised(cell: string): string {
  return formulaStart.test(cell) && !plainNumber.test(cell) ? `'${cell}` : cell;
}

export function unneutralised(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  const field = (raw: string) => {
    const s = neutralised(raw);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export function reportToCsv(report: CsvReport): string {
  return toCsv([[...csvHeader], ...reportRows(report)]);
}

/** RFC 4180 parser (quoted fields may hold commas, quotes and line breaks; CRLF or LF line ends). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
    } else if (c === '\n') {
      endRow();
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new SyntaxError('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** The JSON report back from its CSV form. */
export function reportFromCsv(text: string): CsvReport {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.join(',') !== csvHeader.join(',')) throw new SyntaxError(`CSV header must be ${csvHeader.join(',')}`);
  const meta: Record<string, string> = {};
  const root: Record<string, unknown> = {};
  for (const [metric = '', dimension = '', value = ''] of rows.map((r) => r.map(unneutralised))) {
    if (metric === 'report') {
      meta[dimension] = value;
      continue;
    }
    const path = [...metric.split('.'), ...(dimension ? [dimension] : [])];
    let node = root;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    const last = path.at(-1)!;
    if (!dimension && last.startsWith('by') && value === '') node[last] = {};
    else node[last] = value === '' ? null : Number(value);
  }
  return { ...(meta as Omit<CsvReport, 'kpis'>), kpis: root.kpis };
}
