/**
 * One source, one action: an improvement action's id derives from its source (kind + id), so a
 * meeting decision retried, a chair clicking twice or a worker retrying a start lands on the same
 * action (workflow id `improvement-<id>`, docs/improvements.md "Raising").
 *
 * Workflow-safe: pure.
 */
import { improvementSourceKinds, type ImprovementSource } from './types.js';

/** What a source id may hold: 1–120 of letters, digits and `_ . : -` (it becomes part of the workflow id). */
export const sourceIdPattern = /^[A-Za-z0-9_.:-]{1,120}$/;

export function validSource(source: unknown): source is ImprovementSource {
  const s = source as Partial<ImprovementSource> | null | undefined;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.kind === 'string' &&
    (improvementSourceKinds as readonly string[]).includes(s.kind) &&
    typeof s.id === 'string' &&
    sourceIdPattern.test(s.id) &&
    (s.label === undefined || (typeof s.label === 'string' && s.label.length <= 300))
  );
}

/** The action id of a source: `<kind>.<id>` (e.g. `hot_issue.rootCause:fees`). */
export function improvementIdFor(source: Pick<ImprovementSource, 'kind' | 'id'>): string {
  return `${source.kind}.${source.id}`;
}

export const improvementWorkflowId = (id: string) => `improvement-${id}`;
