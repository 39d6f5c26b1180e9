import { describe, expect, it } from 'vitest';
import { stackConnections } from '../../../bench/lib/stack.js';
import { temporalConnections } from '../../../scripts/lib/cluster/index.js';
import { layoutFromBase } from '../../../scripts/lib/cluster/layout.js';

describe('bench: PostgreSQL connections a stack may hold', () => {
  it('counts every Temporal process’s two pools: frontend 5+3, matching 5+1, worker 3+1, each history 10+3', () => {
    expect(temporalConnections(layoutFromBase(7233, 1))).toBe(31);
    expect(temporalConnections(layoutFromBase(7233, 2))).toBe(44);
  });

  it('adds cxgov’s worker and API pools and the bench’s own client; a dev stack has no Temporal pools', () => {
    expect(stackConnections('dev', 10)).toBe(21);
    expect(stackConnections('cluster', 10)).toBe(65);
    // Two cluster stacks (the scale measurement's) do not fit a default PostgreSQL's 100.
    expect(2 * stackConnections('cluster', 10)).toBeGreaterThan(100 - 3);
  });
});
