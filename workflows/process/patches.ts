/**
 * Every change to workflow code that alters the commands a workflow issues (and so the history
 * it records) is a patch: `if (patched(patches.x.id)) { new } else { old }`. Processes that ran the
 * old code replay through the old branch; from their next step on they take the new one. The
 * rules — how to add one, roll it out, roll back, retire it — are in docs/operations.md,
 * "Changing workflow code". The ids are recorded in histories: never change or reuse one.
 */
export interface WorkflowPatch {
  /** Recorded in history as a marker; never changed, never reused. */
  readonly id: string;
  readonly family: 'complaint' | 'initiative' | 'incident';
  /** The cxgov release that introduced the patch (package.json `version`). */
  readonly introducedIn: string;
  /** What the new branch does differently. */
  readonly change: string;
  /**
   * `active`: `if (patched(id))` chooses between both branches. `deprecated`: the old branch is gone
   * and the code calls `deprecatePatch(id)` (no running process may still need the old branch).
   */
  readonly status: 'active' | 'deprecated';
}

export const patches = {
  complaintIntakeInOneActivity: {
    id: 'complaint-intake-in-one-activity',
    family: 'complaint',
    introducedIn: '0.2.0',
    change: 'intake reads the policy, deadlines and repeats and records the complaint in one local activity instead of two',
    status: 'active',
  },
  complaintClockTimerKept: {
    id: 'complaint-clock-timer-kept',
    family: 'complaint',
    introducedIn: '0.2.0',
    change: 'a command that leaves the next clock event where it was no longer cancels and restarts the clock timer',
    status: 'active',
  },
  initiativeOwnerRecused: {
    id: 'initiative-owner-recused',
    family: 'initiative',
    introducedIn: '0.2.0',
    change: "the initiative's owner is recused from its reviews like its submitter, also when they sit on the committee in another department",
    status: 'active',
  },
  complaintCalendarChange: {
    id: 'complaint-calendar-change',
    family: 'complaint',
    introducedIn: '0.2.0',
    change: 'a calendarChanged signal recomputes the running clocks on the calendar in force and moves the ones that changed',
    status: 'active',
  },
  initiativeCalendarChange: {
    id: 'initiative-calendar-change',
    family: 'initiative',
    introducedIn: '0.2.0',
    change: "a calendarChanged signal recomputes the open review's deadline (and its reminder) on the calendar in force",
    status: 'active',
  },
  initiativeNpsDrop: {
    id: 'initiative-nps-drop',
    family: 'initiative',
    introducedIn: '0.2.0',
    change: 'an npsDropped signal (the product NPS campaign) raises the post-launch review item, or records the drop against the open one',
    status: 'active',
  },
  incidentLinksInTable: {
    id: 'incident-links-in-table',
    family: 'incident',
    introducedIn: '0.2.0',
    change:
      "the incident keeps its linked complaints in incident_complaints only: its state holds their count (the record activity's answer) and the first ones, so that it continues as new however many complaints a mass incident links",
    status: 'active',
  },
  postLaunchLinksInTable: {
    id: 'initiative-post-launch-links-in-table',
    family: 'initiative',
    introducedIn: '0.2.0',
    change:
      "post-launch monitoring keeps the complaints linked to the product in post_launch_links only: its state holds the count in the window (the recordPostLaunchLinks answer) and the first links, so that it continues as new however many complaints the product gets",
    status: 'active',
  },
} as const satisfies Record<string, WorkflowPatch>;

export type PatchName = keyof typeof patches;
export const patchIds: readonly string[] = Object.values(patches).map((p) => p.id);
