import { describe, it, expect } from 'vitest';
import {
  breachEscalation,
  escalate,
  escalationContact,
  furtherBreachLevels,
  levelName,
  nextBreachWindowAt,
  ownerForLevel,
  toLevel,
  type EscalationContext,
} from '../../../domain/complaints/escalation.js';
import { severities } from '../../../domain/complaints/types.js';

const DAY = 86_400_000;

describe('ladder', () => {
  it('names the four levels', () => {
    expect([0, 1, 2, 3].map(levelName)).toEqual(['cs_agent', 'supervisor', 'department_head', 'committee_chair']);
  });

  it('escalate climbs one level and caps at the committee chair', () => {
    expect(escalate(0)).toBe(1);
    expect(escalate(1)).toBe(2);
    expect(escalate(2)).toBe(3);
    expect(escalate(3)).toBe(3);
    expect(escalate(7)).toBe(3);
  });

  it('toLevel clamps anything onto the ladder', () => {
    expect(toLevel(-1)).toBe(0);
    expect(toLevel(Number.NaN)).toBe(0);
    expect(toLevel(1.9)).toBe(1);
    expect(toLevel(42)).toBe(3);
    expect(levelName(9)).toBe('committee_chair');
    expect(levelName(-2)).toBe('cs_agent');
  });
});

describe('breachEscalation', () => {
  it('climbs one level per breach', () => {
    expect(breachEscalation({ currentLevel: 0, severity: 'general', clock: 'firstResponse' })).toMatchObject({
      newLevel: 1,
      escalated: true,
    });
    expect(breachEscalation({ currentLevel: 2, severity: 'general', clock: 'resolution' }).newLevel).toBe(3);
  });

  it('stays at the chair when already there, still reported', () => {
    const r = breachEscalation({ currentLevel: 3, severity: 'urgent', clock: 'resolution' });
    expect(r).toMatchObject({ newLevel: 3, escalated: false, notifyCompliance: true });
    expect(r.reason).toContain('already at committee_chair');
  });

  it.each([
    ['general', false],
    ['major', true],
    ['urgent', true],
  ] as const)('a %s complaint notifies compliance: %s — at every level', (severity, expected) => {
    for (const currentLevel of [0, 1, 2, 3]) {
      expect(breachEscalation({ currentLevel, severity, clock: 'resolution' }).notifyCompliance).toBe(expected);
    }
  });

  it('covers every severity', () => {
    expect(severities).toEqual(['general', 'major', 'urgent']);
  });

  it('names the clock and the levels in the reason', () => {
    expect(breachEscalation({ currentLevel: 1, severity: 'major', clock: 'investigation' }).reason).toBe(
      'investigation clock breached: escalated from supervisor to department_head',
    );
  });
});

describe('furtherBreachLevels', () => {
  const at = 1_000 * DAY;

  it('0 before one full window has elapsed', () => {
    expect(furtherBreachLevels(at, at, DAY)).toBe(0);
    expect(furtherBreachLevels(at, at + DAY - 1, DAY)).toBe(0);
  });

  it('1 at exactly one window, 2 at two, ...', () => {
    expect(furtherBreachLevels(at, at + DAY, DAY)).toBe(1);
    expect(furtherBreachLevels(at, at + 2 * DAY - 1, DAY)).toBe(1);
    expect(furtherBreachLevels(at, at + 2 * DAY, DAY)).toBe(2);
    expect(furtherBreachLevels(at, at + 10 * DAY + 5, DAY)).toBe(10);
  });

  it('0 for a now before the breach or a non-positive window', () => {
    expect(furtherBreachLevels(at, at - DAY, DAY)).toBe(0);
    expect(furtherBreachLevels(at, at + DAY, 0)).toBe(0);
    expect(furtherBreachLevels(at, at + DAY, -DAY)).toBe(0);
  });

  it('combined with the ladder: breach at level 0 → 1, then one level per window, capped', () => {
    const afterBreach = breachEscalation({ currentLevel: 0, severity: 'general', clock: 'resolution' }).newLevel;
    const levelAt = (now: number) => toLevel(afterBreach + furtherBreachLevels(at, now, DAY));
    expect(levelAt(at + DAY / 2)).toBe(1);
    expect(levelAt(at + DAY)).toBe(2);
    expect(levelAt(at + 2 * DAY)).toBe(3);
    expect(levelAt(at + 9 * DAY)).toBe(3);
  });

  it('nextBreachWindowAt is the next climb instant', () => {
    expect(nextBreachWindowAt(at, DAY, 0)).toBe(at + DAY);
    expect(nextBreachWindowAt(at, DAY, 2)).toBe(at + 3 * DAY);
    // consistent with the count: at that instant one more window has elapsed
    expect(furtherBreachLevels(at, nextBreachWindowAt(at, DAY, 1), DAY)).toBe(2);
  });
});

describe('ownerForLevel / escalationContact', () => {
  const agent = { kind: 'user', id: 'agent-7' } as const;
  const full: EscalationContext = {
    handlingOwner: agent,
    supervisorQueue: 'cs-supervisors',
    departmentHead: 'head-cards',
    chairUserId: 'gm-1',
  };

  it('level 0 keeps the handling owner (first-responder responsibility)', () => {
    expect(ownerForLevel(0, full)).toEqual(agent);
    const dept = { kind: 'department', id: 'cards' } as const;
    expect(ownerForLevel(0, { handlingOwner: dept })).toEqual(dept);
  });

  it('higher levels are addressed by role, whoever holds it', () => {
    expect(ownerForLevel(1, full)).toEqual({ kind: 'level', id: 'supervisor' });
    expect(ownerForLevel(2, full)).toEqual({ kind: 'level', id: 'department_head' });
    expect(ownerForLevel(3, full)).toEqual({ kind: 'level', id: 'committee_chair' });
    expect(ownerForLevel(5, { handlingOwner: agent })).toEqual({ kind: 'level', id: 'committee_chair' });
  });

  it('escalationContact names concrete recipients when known', () => {
    expect(escalationContact(0, full)).toEqual(agent);
    expect(escalationContact(1, full)).toEqual({ kind: 'department', id: 'cs-supervisors' });
    expect(escalationContact(2, full)).toEqual({ kind: 'user', id: 'head-cards' });
    expect(escalationContact(3, full)).toEqual({ kind: 'user', id: 'gm-1' });
  });

  it('escalationContact falls back to the level', () => {
    const bare: EscalationContext = { handlingOwner: agent };
    expect(escalationContact(1, bare)).toEqual({ kind: 'level', id: 'supervisor' });
    expect(escalationContact(2, bare)).toEqual({ kind: 'level', id: 'department_head' });
    expect(escalationContact(3, bare)).toEqual({ kind: 'level', id: 'committee_chair' });
  });
});
