import { describe, expect, it } from 'vitest';
import { configKeys } from '../../../config/config.js';
import { settingsGiven } from '../../../bench/lib/stack.js';

describe('settingsGiven (what a bench result records as not the shipped defaults)', () => {
  it('records a cxgov setting given through the environment, and nothing that is not a cxgov setting', () => {
    expect(settingsGiven({ WORKER_CACHED_WORKFLOWS: '5000', HOME: '/root', PATH: '/usr/bin' }, configKeys)).toEqual({ WORKER_CACHED_WORKFLOWS: '5000' });
  });

  it('leaves out what the stack sets for its processes and the bench’s own rate limits, which the environment cannot change', () => {
    expect(settingsGiven({ DATABASE_URL: 'postgres://elsewhere/x', TEMPORAL_ADDRESS: '10.0.0.1:7233', PORT: '1', RATE_LIMIT_PER_MINUTE: '5' }, configKeys)).toEqual({});
  });
});
