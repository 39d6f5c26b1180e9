import { describe, expect, it } from 'vitest';
import {
  defaultRootCausePolicy,
  findRootCause,
  resolveRootCause,
  rootCauseCodePattern,
  rootCauseCorrectionRefusal,
  rootCauseLabel,
  taxonomyProblems,
  type RootCausePolicy,
} from '../../../domain/complaints/root-causes.js';

const tiny: RootCausePolicy = {
  requiredOnResolution: false,
  groups: [
    { code: 'fees', label: { zh: '收费', en: 'Fees' }, children: [{ code: 'fees.hidden', label: { zh: '未告知', en: 'Hidden' } }] },
    { code: 'staff', label: { zh: '员工', en: 'Staff' }, children: [{ code: 'staff.rude', label: { zh: '态度', en: 'Rude' } }] },
  ],
};

describe('the root-cause taxonomy', () => {
  it('the default has the seven groups of the policy, every code well-formed and unique', () => {
    expect(defaultRootCausePolicy.groups.map((g) => g.code)).toEqual(['product_design', 'fees_pricing', 'process_policy', 'system_technology', 'staff_conduct', 'communication_disclosure', 'third_party']);
    expect(taxonomyProblems(defaultRootCausePolicy)).toEqual([]);
    for (const g of defaultRootCausePolicy.groups) for (const code of [g.code, ...g.children.map((c) => c.code)]) expect(code).toMatch(rootCauseCodePattern);
    expect(defaultRootCausePolicy.requiredOnResolution).toBe(false);
  });

  it('names every duplicate code and every empty group by its path', () => {
    const bad: RootCausePolicy = {
      requiredOnResolution: true,
      groups: [
        { code: 'fees', label: tiny.groups[0]!.label, children: [{ code: 'fees.hidden', label: tiny.groups[0]!.label }, { code: 'fees', label: tiny.groups[0]!.label }] },
        { code: 'empty', label: tiny.groups[0]!.label, children: [] },
        { code: 'other', label: tiny.groups[0]!.label, children: [{ code: 'fees.hidden', label: tiny.groups[0]!.label }] },
      ],
    };
    expect(taxonomyProblems(bad)).toEqual([
      { path: ['groups', 0, 'children', 1, 'code'], message: 'code fees is used twice (also at groups.0)' },
      { path: ['groups', 1, 'children'], message: 'group empty needs at least one cause' },
      { path: ['groups', 2, 'children', 0, 'code'], message: 'code fees.hidden is used twice (also at groups.0.children.0)' },
    ]);
  });

  it('a resolution names a leaf; its group is stored beside it with the taxonomy version', () => {
    expect(resolveRootCause(tiny, 4, { code: 'staff.rude', initiativeId: 'card-1' })).toEqual({ ok: true, rootCause: { code: 'staff.rude', group: 'staff', initiativeId: 'card-1', taxonomyVersion: 4 } });
    expect(findRootCause(tiny, 'fees.hidden')?.group.code).toBe('fees');
    expect(findRootCause(tiny, 'fees')).toBeUndefined();
  });

  it('refuses a group, an unknown code, and a missing cause when the policy requires one', () => {
    expect(resolveRootCause(tiny, 1, { code: 'fees' })).toEqual({ ok: false, message: 'fees is a group: name one of its causes (fees.hidden)' });
    expect(resolveRootCause(tiny, 1, { code: 'fees.nope' })).toEqual({ ok: false, message: 'fees.nope is not a cause of the root-cause taxonomy (version 1)' });
    expect(resolveRootCause(tiny, 1, undefined)).toEqual({ ok: true, rootCause: null });
    expect(resolveRootCause({ ...tiny, requiredOnResolution: true }, 1, undefined).ok).toBe(false);
    expect(resolveRootCause(tiny, 1, undefined, true).ok).toBe(false);
  });

  it('labels codes in both languages, falling back to the code of a cause the taxonomy dropped', () => {
    expect(rootCauseLabel(tiny, 'fees', 'zh')).toBe('收费');
    expect(rootCauseLabel(tiny, 'staff.rude', 'en')).toBe('Rude');
    expect(rootCauseLabel(tiny, 'gone.away', 'en')).toBe('gone.away');
  });

  it('only a supervisor corrects a root cause', () => {
    expect(rootCauseCorrectionRefusal({ roles: ['supervisor'] })).toBeNull();
    expect(rootCauseCorrectionRefusal({ roles: ['cs_agent', 'admin'] })).toContain('only a supervisor');
  });
});
