import type { Db } from '../../db/connect';
import type { SimulatedEffect } from '../../workflows/flow/simulation';
import { renderTemplate } from '../../workflows/flow/template';
import type { FlowEffects } from '../../workflows/interpreter/flow-env';
import { createFlowActivities } from '../flow/flow-activities';
import { findEscalationTarget } from '../flow/escalation-target';
import { noMailer } from '../flow/mailer';
import { resolvePeople, type Person } from '../flow/people';
import { renderMessage } from '../flow/render-message';
import type { VirtualClock } from './virtual-clock';

export interface SimulatedRequest {
  requestId: string;
  nodeId: string;
  kind: 'approval' | 'acknowledgement';
  person: Person;
  openedAt: number;
}

const nodeOf = (stepKey: string | undefined) => (stepKey ?? '').split('#')[0] ?? '';
const named = (person: Person) => ({ id: person.id, name: person.name });

/**
 * The interpreter's effects for a test run: whatever the real activities read (people rules, the
 * org chart, the working calendar) is read the same way, through the same functions; whatever they
 * would write or send is recorded instead. Nothing is written and nobody is told.
 */
export function createSimulatedEffects(deps: {
  db: Db;
  clock: VirtualClock;
  /** Called for each request as it opens, so scripted answers can be planned. */
  onRequest: (request: SimulatedRequest) => void;
  /** Where what would have happened goes, as it happens. */
  record: (nodeId: string, effect: SimulatedEffect) => void;
}) {
  const { db, clock, record } = deps;
  const real = createFlowActivities({ db, clock: { now: () => new Date(clock.now()) }, mailer: noMailer });
  const requests = new Map<string, SimulatedRequest>();
  let nextRequest = 1;
  const read = <T>(work: Promise<T>) => clock.track(work);

  const simulated: FlowEffects = {
    registerRun: async () => 'simulated-run',
    finishRun: async () => undefined,
    // As on the engine: whoever stands in for an absent person at the simulated moment is asked.
    resolvePeople: (input) => read(real.resolvePeople(input)),
    deadline: (input) => read(real.deadline(input)),

    async notify(input) {
      const people = await read(resolvePeople(db, input.projectId, input.rule, input.context));
      for (const person of people) {
        const { subject, text } = renderMessage(input.spec, input.context, person);
        record(nodeOf(input.stepKey), { kind: 'message', channel: input.spec.channel, to: named(person), subject, text });
      }
      return people;
    },

    async openRequests(input) {
      return input.people.map((person) => {
        const request: SimulatedRequest = { requestId: `simulated-request-${nextRequest++}`, nodeId: input.nodeId, kind: input.kind, person, openedAt: clock.now() };
        requests.set(request.requestId, request);
        const { subject, text } = renderMessage(input.spec, input.context, person);
        record(input.nodeId, { kind: 'request', requestKind: input.kind, to: named(person), dueAt: input.dueAt });
        record(input.nodeId, { kind: 'message', channel: input.spec.channel, to: named(person), subject, text });
        deps.onRequest(request);
        return { requestId: request.requestId, approverId: person.id };
      });
    },

    async recordDecision(input) {
      const request = requests.get(input.requestId)!;
      record(request.nodeId, { kind: 'decision', by: named(request.person), answer: input.status, ...(input.comment ? { comment: input.comment } : {}) });
      return { decidedAt: new Date(clock.now()).toISOString(), deciderName: request.person.name };
    },

    moveRequests: async () => undefined,

    async closeRequests(input) {
      if (input.status !== 'timed_out') return;
      for (const id of input.requestIds) {
        const request = requests.get(id);
        if (request) record(request.nodeId, { kind: 'timeout', requestKind: request.kind, to: named(request.person) });
      }
    },

    async escalate(input) {
      const { person } = await read(findEscalationTarget(db, input));
      record(nodeOf(input.stepKey), { kind: 'escalation', level: input.level, to: person ? named(person) : null });
      return person;
    },

    async setProjectHealth(input) {
      record(nodeOf(input.stepKey), { kind: 'status', status: input.status, reason: input.reason });
    },

    async createTask(input) {
      const [assignee] = await read(resolvePeople(db, input.projectId, input.assigneeRule, input.context));
      record(nodeOf(input.stepKey), { kind: 'task', title: renderTemplate(input.title, input.context), assignee: assignee ? named(assignee) : null, dueAt: input.dueAt });
      return `simulated-task-${input.stepKey}`;
    },
  };

  return { effects: simulated };
}
