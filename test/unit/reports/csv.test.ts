import { describe, expect, it } from 'vitest';
import { parseCsv, reportFromCsv, reportRows, reportToCsv, toCsv, unneutralised } from '../../../domain/reports/csv.js';

describe('CSV', () => {
  it('quotes what needs quoting and parses it back', () => {
    const rows = [
      ['a', 'b,c', 'say "hi"'],
      ['line\nbreak', '', 'crlf\r\nin field'],
      ['', '', ''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    expect(toCsv([['x', 'y']])).toBe('x,y\r\n');
    expect(parseCsv('a,b\nc,d\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(() => parseCsv('"open')).toThrow(/quoted/);
  });

  const report = {
    kind: 'monthly',
    period: '2025-10',
    from: '2025-09-30T16:00:00.000Z',
    to: '2025-10-31T16:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    generatedAt: '2025-11-01T06:00:00.000Z',
    generatedBy: 'user, "quoted"',
    kpis: {
      complaints: {
        received: 3,
        volume: { byCategory: { service: 2, product: 1 }, byProduct: {} },
        firstResponse: { onTime: 1, late: 1, pending: 1, rate: 0.5 },
        handlingTime: { closed: 0, avgHours: null, avgWorkingHours: 1 / 3 },
        breaches: { total: 2, byLevel: { '1': 2, '2': 0 } },
      },
      gates: { reviewCycle: { avgHours: { all: null, byStage: { research: 12.25, design: null } } } },
    },
  };

  it('writes one figure per line with the dimension apart', () => {
    const rows = reportRows(report);
    expect(rows).toContainEqual(['report', 'generatedBy', 'user, "quoted"']);
    expect(rows).toContainEqual(['kpis.complaints.volume.byCategory', 'service', '2']);
    expect(rows).toContainEqual(['kpis.complaints.volume.byProduct', '', '']);
    expect(rows).toContainEqual(['kpis.complaints.firstResponse.rate', '', '0.5']);
    expect(rows).toContainEqual(['kpis.complaints.handlingTime.avgHours', '', '']);
    expect(rows).toContainEqual(['kpis.gates.reviewCycle.avgHours.byStage', 'design', '']);
  });

  it('round-trips: the CSV read back equals the JSON', () => {
    const csv = reportToCsv(report);
    expect(csv.startsWith('metric,dimension,value\r\n')).toBe(true);
    expect(reportFromCsv(csv)).toEqual(report);
  });

  it('refuses a figure that is not a number', () => {
    expect(() => reportRows({ ...report, kpis: { x: 'text' } })).toThrow(/not a number/);
  });

  it('neutralises cells a spreadsheet would take for a formula (OWASP CSV injection), and reads them back', () => {
    const hostile = ['=1+2', '-2-3@A1', '+cmd', '@SUM(A1)', '\tTAB', '\rCR', "'already quoted"];
    const lines = toCsv([hostile]).split('\r\n')[0]!;
    for (const cell of parseCsv(toCsv([hostile]))[0]!) expect(cell.startsWith("'"), JSON.stringify(cell)).toBe(true);
    expect(lines).not.toMatch(/(^|,)"?[=+\-@]/);
    expect(parseCsv(toCsv([hostile])).map((r) => r.map(unneutralised))).toEqual([hostile]);

    const linked = { ...report, kpis: { complaints: { volume: { byProduct: { '-2-3@A1': 1, '=HYPERLINK("x")': 2 } }, delta: -1 } } };
    const csv = reportToCsv(linked);
    expect(csv).toContain("kpis.complaints.volume.byProduct,'-2-3@A1,1");
    expect(csv).toContain('kpis.complaints.delta,,-1'); // a number is not a formula
    expect(reportFromCsv(csv)).toEqual(linked);
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(toCsv([['service', '0.5', '-1', '1e-7', 'a-b', 'x@y']])).toBe('service,0.5,-1,1e-7,a-b,x@y\r\n');
  });
});
