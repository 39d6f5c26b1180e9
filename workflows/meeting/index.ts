/**
 * One meeting of the customer-experience committee (docs/meetings.md). Workflow id
 * `meeting-<yyyy-mm>` (the month's regular meeting, started by the monthly schedule through
 * schedule.ts) or `meeting-<yyyy-mm>-extra-<n>` (convened by the chair through the API).
 *
 * The process's face: it convenes (the roster, the policy and the agenda assembled from the
 * data, one activity recorded in history), wires its messages to the command table
 * (commands.ts), then sleeps until the minutes' next reminder or escalation (clock.ts) or until
 * a command changed it, until the chair signs the minutes.
 */
import { allHandlersFinished, condition, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { draft, notice } from '../../domain/drafts.js';
import { meetingReference, meetingSummary } from '../../domain/meetings/process.js';
import type { MeetingInput, MeetingView } from '../../domain/meetings/types.js';
import { updateHandlers, type ProcessCommand } from '../process/command.js';
import { requireStartProof } from '../process/proof.js';
import { advanceClock, nextClockEventAt } from './clock.js';
import { meetingCommands } from './commands.js';
import { addAgendaItemUpdate, attendMeetingUpdate, conveneMeetingUpdate, decideAgendaItemUpdate, meetingQuery, signMinutesUpdate } from './messages.js';
import { record, viewOf } from './record.js';
import { Meeting } from './state.js';

const { assembleMeetingAgenda } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '500ms', maximumInterval: '10s' },
});

export async function meetingWorkflow(input: MeetingInput): Promise<MeetingView> {
  // The chair's extra meeting comes through the API and carries its proof; the monthly one is started by the schedule's run.
  if (input.kind === 'extra') requireStartProof(input);
  const m = new Meeting(input, workflowInfo().workflowId);
  // Started before the handlers are set, so that every handler can wait for it.
  const convening = m.lock.run(async () => {
    m.convene(await assembleMeetingAgenda({ meetingId: input.id, month: input.month, at: input.convenedAt }));
    const s = m.state;
    const at = Date.parse(input.convenedAt);
    const ref = meetingReference(input);
    await record(m, {
      audit: [draft('meeting.convened', input.convenedBy, at, null, { ...meetingSummary(s), kind: input.kind, month: input.month, reviewedMonth: s.reviewedMonth, chair: s.chairUserId, roster: s.roster.map((r) => r.userId), agenda: s.items.map((i) => ({ key: i.key, title: i.title })), policyVersion: s.policyVersion, quorumRatio: s.quorumRatio }, input.reason)],
      notes: s.roster.map((r) => notice({ kind: 'user', id: r.userId }, 'meeting.convened', `${ref} is convened with ${s.items.length} agenda item(s): record your attendance`, { meetingId: input.id })),
    });
  });
  setHandler(meetingQuery, () => viewOf(m));
  setHandler(conveneMeetingUpdate, async () => {
    await convening;
    return viewOf(m);
  });
  const commands = meetingCommands(m);
  setHandler(attendMeetingUpdate, ...wire(commands.attend));
  setHandler(addAgendaItemUpdate, ...wire(commands.addItem));
  setHandler(decideAgendaItemUpdate, ...wire(commands.decide));
  setHandler(signMinutesUpdate, ...wire(commands.sign));

  await convening;
  while (!m.signed) {
    const at = nextClockEventAt(m);
    m.clockChanged = false;
    const woken = () => m.clockChanged || m.signed;
    if (at === null) await condition(woken);
    else if (at > Date.now()) await condition(woken, at - Date.now());
    if (m.signed) break;
    await m.lock.run(async () => {
      if (m.signed) return;
      await record(m, advanceClock(m, Date.now()));
    });
  }
  await condition(allHandlersFinished);
  return viewOf(m);

  function wire<C, R>(command: ProcessCommand<C, R>) {
    const { handler, validator } = updateHandlers({ lock: m.lock, untilReady: () => (m.convened ? undefined : convening) }, command);
    return [handler, { validator }] as const;
  }
}
