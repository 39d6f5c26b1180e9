/**
 * A process that ended other than by completing: terminated, timed out, failed or cancelled
 * from the Temporal side (an operator's `temporal workflow terminate`, a workflow bug, a run
 * timeout). cxgov never ends a process that way itself, so such an end is recorded — an audit
 * event by `system`, a notice to compliance — and shown on the entity (`processEnded`): the
 * entity stays as the process last recorded it and takes no more commands.
 *
 * Workflow-safe: pure.
 */
export const abnormalEnds = ['terminated', 'timed_out', 'failed', 'cancelled'] as const;
export type AbnormalEnd = (typeof abnormalEnds)[number];

export interface ProcessEnded {
  /** How the process ended. */
  status: AbnormalEnd;
  /** ISO-8601: when it ended. */
  at: string;
  /** What Temporal recorded (the terminate reason, the failure's message), phone and id numbers masked; null when it recorded none. */
  reason: string | null;
}

/** Temporal's execution status name (COMPLETED, TERMINATED, …) → the abnormal end, if it is one. */
export function abnormalEndOf(temporalStatus: string): AbnormalEnd | undefined {
  switch (temporalStatus) {
    case 'TERMINATED':
      return 'terminated';
    case 'TIMED_OUT':
      return 'timed_out';
    case 'FAILED':
      return 'failed';
    case 'CANCELLED':
    case 'CANCELED':
      return 'cancelled';
    default:
      return undefined;
  }
}
