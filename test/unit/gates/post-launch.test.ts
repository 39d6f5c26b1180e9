import { describe, it, expect } from 'vitest';
import { countLinkedComplaints, postLaunchReviewDue } from '../../../domain/gates/post-launch.js';
import { defaultReviewPolicy } from '../../../domain/policies.js';

const window = { start: '2025-01-01T00:00:00+08:00', end: '2025-04-01T00:00:00+08:00' };
const ev = (complaintId: string, at: string) => ({ complaintId, at });

describe('countLinkedComplaints', () => {
  it('counts distinct complaints inside the window', () => {
    expect(countLinkedComplaints([ev('c1', '2025-02-01T10:00:00+08:00'), ev('c2', '2025-03-01T10:00:00+08:00')], window)).toBe(2);
  });

  it('counts a complaint linked several times once', () => {
    const events = [ev('c1', '2025-01-05T10:00:00+08:00'), ev('c1', '2025-02-05T10:00:00+08:00'), ev('c1', '2025-01-05T10:00:00+08:00')];
    expect(countLinkedComplaints(events, window)).toBe(1);
  });

  it('includes the start instant and excludes the end instant', () => {
    expect(countLinkedComplaints([ev('start', window.start)], window)).toBe(1);
    expect(countLinkedComplaints([ev('end', window.end)], window)).toBe(0);
    expect(countLinkedComplaints([ev('justBeforeEnd', '2025-03-31T23:59:59.999+08:00')], window)).toBe(1);
    expect(countLinkedComplaints([ev('justBeforeStart', '2024-12-31T23:59:59.999+08:00')], window)).toBe(0);
  });

  it('ignores events outside the window', () => {
    const events = [ev('before', '2024-12-01T00:00:00+08:00'), ev('after', '2025-05-01T00:00:00+08:00'), ev('in', '2025-02-01T00:00:00+08:00')];
    expect(countLinkedComplaints(events, window)).toBe(1);
  });

  it('a complaint with one event outside and one inside counts once', () => {
    expect(countLinkedComplaints([ev('c1', '2024-12-01T00:00:00+08:00'), ev('c1', '2025-01-10T00:00:00+08:00')], window)).toBe(1);
  });

  it('compares instants, not strings, across offsets', () => {
    // 2024-12-31T16:30Z is 2025-01-01T00:30+08:00: inside, though it sorts before the start as text.
    expect(countLinkedComplaints([ev('utc', '2024-12-31T16:30:00Z')], window)).toBe(1);
    // 2025-03-31T16:00Z is exactly the end instant.
    expect(countLinkedComplaints([ev('utcEnd', '2025-03-31T16:00:00Z')], window)).toBe(0);
  });

  it('no events, nothing counted', () => {
    expect(countLinkedComplaints([], window)).toBe(0);
  });

  it('refuses unparsable times rather than under-count', () => {
    expect(() => countLinkedComplaints([ev('c1', 'yesterday')], window)).toThrow(/not an ISO-8601 time/);
    expect(() => countLinkedComplaints([], { ...window, end: '' })).toThrow(/window end/);
  });
});

describe('postLaunchReviewDue', () => {
  const threshold = defaultReviewPolicy.postLaunch.complaintThreshold; // 10

  it('is not due at exactly the threshold', () => {
    expect(postLaunchReviewDue(threshold, threshold)).toBe(false);
  });

  it('is due at threshold + 1', () => {
    expect(postLaunchReviewDue(threshold + 1, threshold)).toBe(true);
  });

  it('is not due below the threshold, and a 0 threshold is due at the first complaint', () => {
    expect(postLaunchReviewDue(0, threshold)).toBe(false);
    expect(postLaunchReviewDue(0, 0)).toBe(false);
    expect(postLaunchReviewDue(1, 0)).toBe(true);
  });

  it('eleven distinct complaints with duplicates and strays: due at the default threshold', () => {
    const inside = Array.from({ length: 11 }, (_, i) => ev(`c${i}`, `2025-02-${String(i + 1).padStart(2, '0')}T09:00:00+08:00`));
    const events = [...inside, ...inside, ev('stray', '2025-06-01T00:00:00+08:00')];
    const count = countLinkedComplaints(events, window);
    expect(count).toBe(11);
    expect(postLaunchReviewDue(count, threshold)).toBe(true);
    expect(postLaunchReviewDue(countLinkedComplaints(inside.slice(1), window), threshold)).toBe(false);
  });
});
