import type { ApprovalRequestKind } from '../domain';
import type { PeopleRule } from '../flow/people-rule';
import type { MessageSpec } from '../flow/message-spec';
import { sendChat } from './chat-notes';
import { waitForDeadline, type Deadline } from './durations';
import { slotStatuses, type RunScope, type TrackedRequest } from './run-scope';

export interface HumanStepSpec {
  nodeId: string;
  kind: ApprovalRequestKind;
  people: PeopleRule;
  spec: MessageSpec;
  /** When the step times out; a business-unit one moves when the shared calendar changes. */
  deadline: Deadline;
  allowDelegation: boolean;
  /** Open requests one slot at a time, in the order the rule lists the people. */
  sequential: boolean;
  /** True once the step has its answer, looking at the current slots. */
  decided: (slots: TrackedRequest[]) => boolean;
}

/**
 * Opens requests for the people a rule names and waits until `decided` says the step has its
 * answer or the deadline passes. Returns the final slots; whatever is still pending is closed.
 */
export async function runHumanStep(scope: RunScope, step: HumanStepSpec): Promise<{ slots: TrackedRequest[]; timedOut: boolean; nobody: boolean }> {
  const stepKey = scope.stepKey(step.nodeId);
  const people = await scope.env.effects.resolvePeople({ projectId: scope.input.projectId, rule: step.people, context: scope.context });
  if (people.length === 0) return { slots: [], timedOut: false, nobody: true };
  let until = new Date(step.deadline.at).toISOString();

  const open = async (index: number) => {
    const person = people[index]!;
    scope.opening++;
    const [opened] = await scope.env.effects.openRequests({
      runId: scope.runId,
      projectId: scope.input.projectId,
      nodeId: step.nodeId,
      stepKey: `${stepKey}:${index}`,
      kind: step.kind,
      people: [person],
      dueAt: until,
      spec: step.spec,
      context: scope.context,
    }).finally(() => scope.opening--);
    scope.requests.set(opened!.requestId, {
      requestId: opened!.requestId,
      nodeId: step.nodeId,
      stepKey,
      slot: `${stepKey}:${index}`,
      kind: step.kind,
      approverId: person.id,
      until,
      allowDelegation: step.allowDelegation,
      status: 'pending',
    });
    await sendChat(scope, { id: step.nodeId, kind: step.kind === 'approval' ? 'approval' : 'wait_for_ack' }, `${stepKey}:${index}`);
  };

  const current = () => [...slotStatuses(scope.requests, stepKey).values()];
  let timedOut = false;
  /** The deadline moved: the open requests (and those opened later in a sequence) show the new due time. */
  const moved = async (at: number) => {
    until = new Date(at).toISOString();
    const pending = [...scope.requests.values()].filter((r) => r.stepKey === stepKey && r.status === 'pending');
    for (const request of pending) request.until = until;
    await scope.env.effects.moveRequests({ requestIds: pending.map((r) => r.requestId), dueAt: until });
  };
  if (step.sequential) {
    for (let index = 0; index < people.length; index++) {
      await open(index);
      const slot = () => slotStatuses(scope.requests, stepKey).get(`${stepKey}:${index}`);
      if (!(await waitForDeadline(scope, () => slot()?.status !== 'pending', step.deadline, moved))) {
        timedOut = true;
        break;
      }
      // In a sequence a rejection ends the round; an approval hands it to the next person.
      if (slot()?.status === 'rejected') break;
    }
  } else {
    for (let index = 0; index < people.length; index++) await open(index);
    timedOut = !(await waitForDeadline(scope, () => step.decided(current()), step.deadline, moved));
  }

  const pending = current().filter((s) => s.status === 'pending');
  if (pending.length > 0) {
    const status = timedOut ? 'timed_out' : 'cancelled';
    await scope.env.effects.closeRequests({ requestIds: pending.map((s) => s.requestId), status });
    for (const s of pending) s.status = status;
  }
  return { slots: current(), timedOut, nobody: false };
}
