import { describe, it, expect } from 'vitest';
import {
  gateStages,
  isBusinessLine,
  isDecision,
  isGateStage,
  isStage,
  isTerminalStatus,
  nextStage,
  stages,
  type GateStage,
} from '../../../domain/gates/stages.js';

describe('stages', () => {
  it('lists the lifecycle in order, with a gate on every stage but launched', () => {
    expect(stages).toEqual(['research', 'design', 'prototype_testing', 'launch_assessment', 'launched']);
    expect(gateStages).toEqual(stages.slice(0, 4));
  });

  it.each([
    ['research', 'design'],
    ['design', 'prototype_testing'],
    ['prototype_testing', 'launch_assessment'],
    ['launch_assessment', 'launched'],
  ] as const)('nextStage(%s) is %s', (stage, next) => {
    expect(nextStage(stage)).toBe(next);
  });

  it('nextStage refuses launched from untyped callers', () => {
    expect(() => nextStage('launched' as GateStage)).toThrow(RangeError);
  });

  it('guards recognise only the contract values', () => {
    expect(isStage('launched')).toBe(true);
    expect(isGateStage('launched')).toBe(false);
    expect(isGateStage('design')).toBe(true);
    expect(isStage('toString')).toBe(false);
    expect(isDecision('request_changes')).toBe(true);
    expect(isDecision('abstain')).toBe(false);
    expect(isBusinessLine('fund')).toBe(true);
    expect(isBusinessLine('crypto')).toBe(false);
  });

  it('terminal statuses are launched, rejected and withdrawn', () => {
    expect(isTerminalStatus('launched')).toBe(true);
    expect(isTerminalStatus('rejected')).toBe(true);
    expect(isTerminalStatus('withdrawn')).toBe(true);
    expect(isTerminalStatus('changes_requested')).toBe(false);
    expect(isTerminalStatus('in_review')).toBe(false);
  });
});
