import { describe, expect, it } from 'vitest';
import { countLinkedComplaints, linkToTable, postLaunchLinksKept, postLaunchLinksPerWrite, type LinkedComplaintEvent } from '../../../domain/gates/post-launch.js';

/** A launched product's links live in post_launch_links: the state keeps the first ones, the count is the table's (docs/gates.md). */
const at = (i: number) => new Date(Date.parse('2026-03-02T01:00:00Z') + i * 60_000).toISOString();
const links = (prefix: string, n: number): LinkedComplaintEvent[] => Array.from({ length: n }, (_, i) => ({ complaintId: `${prefix}-${i}`, at: at(i) }));

describe('linkToTable', () => {
  it('writes a new link and keeps it while the state has room', () => {
    const { kept, writes } = linkToTable(links('c', 3), { complaintId: 'n', at: at(9) }, false);
    expect(kept).toEqual([...links('c', 3), { complaintId: 'n', at: at(9) }]);
    expect(writes).toEqual([[{ complaintId: 'n', at: at(9) }]]);
  });

  it('keeps no more than the first links, and still writes the new one', () => {
    const full = links('c', postLaunchLinksKept);
    const { kept, writes } = linkToTable(full, { complaintId: 'n', at: at(99) }, false);
    expect(kept).toEqual(full);
    expect(writes).toEqual([[{ complaintId: 'n', at: at(99) }]]);
  });

  it('a repeated delivery of a link the state keeps writes nothing; the same complaint at another instant is a link', () => {
    const first = links('c', 5);
    expect(linkToTable(first, { complaintId: 'c-2', at: at(2) }, false)).toEqual({ kept: first, writes: [] });
    expect(linkToTable(first, { complaintId: 'c-2', at: at(50) }, false).writes).toEqual([[{ complaintId: 'c-2', at: at(50) }]]);
  });

  it('the first link of a run carries every link of a state from before the patch to the table, and the state keeps the first ones', () => {
    const old = links('old', 2500);
    const event = { complaintId: 'n', at: at(3000) };
    const { kept, writes } = linkToTable(old, event, true);
    expect(kept).toEqual(old.slice(0, postLaunchLinksKept));
    expect(writes.map((w) => w.length)).toEqual([postLaunchLinksPerWrite, postLaunchLinksPerWrite, 501]);
    expect(writes.flat()).toEqual([...old, event]);
    // a repeat of a kept link still carries the rest; the event itself is not written twice
    const again = linkToTable(old, old[3]!, true);
    expect(again.writes.flat()).toEqual(old);
    // a state of the new shape carries its first links (written already: the insert skips them)
    expect(linkToTable(kept, event, true).writes).toEqual([[...kept, event]]);
  });

  it('the state it keeps stays bounded however many links are signalled, and what it writes counts each complaint once', () => {
    let kept: LinkedComplaintEvent[] = [];
    const table: LinkedComplaintEvent[] = [];
    for (let i = 0; i < 5000; i++) {
      const event = { complaintId: `c-${i % 3000}`, at: at(i % 4000) };
      const step = linkToTable(kept, event, i === 0);
      kept = step.kept;
      for (const w of step.writes) for (const l of w) if (!table.some((t) => t.complaintId === l.complaintId && t.at === l.at)) table.push(l);
      expect(kept.length).toBeLessThanOrEqual(postLaunchLinksKept);
    }
    expect(JSON.stringify(kept).length).toBeLessThan(2_000);
    expect(countLinkedComplaints(table, { start: at(0), end: at(100_000) })).toBe(3000);
  });
});
