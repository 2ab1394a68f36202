import type { Db } from '../../db/connect';
import { listTraining } from '../../db/queries/training';
import { listChangeRequests } from '../../db/queries/change-requests';
import { findProject, listMilestones } from '../../db/queries/projects';
import { loadProjectForecasts } from '../../db/queries/forecasts';
import { userNames } from '../../db/queries/dashboard';
import { forecastVariables } from '../../workflows/flow/forecast-context';
import type { TriggerConfig } from '../../workflows/flow/nodes/trigger';
import { calendarOrDefault } from '../../workflows/domain/milestone-schedule';
import { durationToMs, isCalendarDuration } from '../../workflows/flow/duration';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import type { ScriptedResponse, SimulatedEffect, SimulationResult } from '../../workflows/flow/simulation';
import { renderTemplate } from '../../workflows/flow/template';
import type { TriggerEvent } from '../../workflows/flow/trigger-events';
import type { FlowEnv } from '../../workflows/interpreter/flow-env';
import type { Decision, DecisionKind, PathStep } from '../../workflows/interpreter/flow-run-messages';
import { createFlowRunner } from '../../workflows/interpreter/flow-runner';
import { buildFlowContext } from '../flow/flow-context';
import { createFlowActivities } from '../flow/flow-activities';
import { noMailer } from '../flow/mailer';
import { createSimulatedEffects, type SimulatedRequest } from './simulated-effects';
import { describeTimeline, type JournalEntry } from './timeline-text';
import { createVirtualClock } from './virtual-clock';

const DAY_MS = 86_400_000;

/** Something about the test run's input that cannot be simulated; the API answers 400 with it. */
export class SimulationInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SimulateFlowInput {
  flowId: string;
  /** null = the draft. */
  version: number | null;
  flowVersionId: string;
  document: FlowDocument;
  projectId: string;
  subjectId?: string | undefined;
  startAt: number;
  responses: ScriptedResponse[];
  horizonDays: number;
}

/** Which answer a scripted response gives to a request of this kind; null = it stays silent. */
function decisionFor(response: ScriptedResponse, request: SimulatedRequest): DecisionKind | null {
  if (response.answer === 'silent') return null;
  if (request.kind === 'acknowledgement') return response.answer === 'reject' ? null : 'acknowledge';
  return response.answer === 'acknowledge' ? 'approve' : response.answer;
}

const matches = (response: ScriptedResponse, request: SimulatedRequest) =>
  (response.nodeId === undefined || response.nodeId === request.nodeId) && (response.userId === undefined || response.userId === request.person.id);

const isMilestoneEvent = (event: TriggerEvent) => event === 'milestone_missed' || event === 'milestone_at_risk';
const sampleChangeId = 'sample-change';

/**
 * What the run is about: the given subject, checked to belong to the project; else the first
 * pending milestone, the newest change request (a sample change when there is none yet), or the project.
 */
async function subjectOf(db: Db, projectId: string, event: TriggerEvent, given: string | undefined): Promise<string> {
  if (isMilestoneEvent(event)) {
    const milestones = await listMilestones(db, projectId);
    if (given !== undefined) {
      if (!milestones.some((m) => m.id === given)) throw new SimulationInputError('subjectId', `The project has no milestone with id ${given}.`);
      return given;
    }
    const milestone = milestones.find((m) => m.status === 'pending') ?? milestones[0];
    if (!milestone) throw new SimulationInputError('subjectId', 'The flow starts on a milestone event, but the project has no milestones to simulate it with.');
    return milestone.id;
  }
  if (event === 'change_requested') {
    const changes = (await listChangeRequests(db, projectId)).reverse();
    if (given !== undefined && given !== sampleChangeId && !changes.some((c) => c.id === given)) {
      throw new SimulationInputError('subjectId', `The project has no change request with id ${given}.`);
    }
    return given ?? changes[0]?.id ?? sampleChangeId;
  }
  if (event === 'training_overdue') {
    const items = await listTraining(db, projectId);
    if (given !== undefined) {
      if (!items.some((t) => t.id === given)) throw new SimulationInputError('subjectId', `The project has no training item with id ${given}.`);
      return given;
    }
    const item = items.find((t) => t.attendees.some((a) => a.completedAt === null)) ?? items[0];
    if (!item) throw new SimulationInputError('subjectId', 'The flow starts when a training item is overdue, but the project has no training items to simulate it with.');
    return item.id;
  }
  return given ?? `test-run:${projectId}`;
}

/**
 * What an event's raiser would add to the context (a KPI crossing's figures, a firing's time),
 * made up for a test run from the trigger's own settings.
 */
function sampleVariables(trigger: Extract<FlowDocument['nodes'][number], { kind: 'trigger' }>, startAt: number): Record<string, unknown> | undefined {
  const config = trigger.config;
  if (config.event === 'schedule') return { schedule: { firedAt: new Date(startAt).toISOString() } };
  if (config.event === 'incentive_earned') {
    return {
      payout: {
        id: 'sample-payout',
        amount: 5000,
        earnedTotal: 5000,
        commission: 4000,
        bonuses: 1000,
        attainmentPct: 110,
        quota: 100000,
        member: { id: '', name: 'A sample member' },
        asOf: new Date(startAt).toISOString(),
      },
    };
  }
  if (config.event !== 'kpi_threshold_crossed') return undefined;
  const step = config.direction === 'above' ? 5 : -5;
  return {
    kpi: {
      metric: config.metric,
      goal: `${config.metric} (sample)`,
      before: config.threshold - step,
      after: config.threshold + step,
      value: config.threshold + step,
      threshold: config.threshold,
      businessDaysLeft: config.fewerBusinessDaysLeftThan === undefined ? 20 : config.fewerBusinessDaysLeftThan - 1,
      direction: config.direction,
      reportedBy: { name: 'A sample report' },
      reportedAt: new Date(startAt).toISOString(),
    },
  };
}

/**
 * A forecast fall for a test run: the project's own forecast at the run's start (the same
 * computation the API raises the event with), of the watched goal, allocation or milestone that
 * stands lowest against its plan — the given subject (a forecast id) when there is one.
 */
async function sampleForecast(
  db: Db,
  project: { id: string; periodStart: Date; ownerId: string },
  config: Extract<TriggerConfig, { event: 'forecast_below_threshold' }>,
  startAt: number,
  given: string | undefined,
): Promise<Record<string, unknown>> {
  const watched = new Set(config.forecastWatch ?? ['goal', 'allocation', 'milestone']);
  const forecasts = (await loadProjectForecasts(db, project, new Date(startAt))).filter(
    (f) => watched.has(f.kind) && (config.forecastMetric === undefined || f.metric === config.forecastMetric) && f.forecast.percentOfPlan !== null,
  );
  const lowest = [...forecasts].sort((a, b) => a.forecast.percentOfPlan! - b.forecast.percentOfPlan!)[0];
  const chosen = forecasts.find((f) => f.id === given) ?? lowest;
  const names = await userNames(db, [project.ownerId, ...(chosen?.ownerId ? [chosen.ownerId] : [])]);
  const ownerId = chosen?.ownerId ?? project.ownerId;
  const owner = { id: ownerId, name: names.get(ownerId) ?? '' };
  const reportedBy = { name: 'A sample report' };
  const reportedAt = new Date(startAt).toISOString();
  if (!chosen) {
    // Nothing to forecast yet: figures made up from the trigger's threshold, as for a KPI crossing.
    const pct = Math.max(0, config.forecastBelowPct - 5);
    const fall = {
      method: 'pace_against_plan' as const,
      inputs: { asOf: reportedAt, due: reportedAt, actualByNow: String(pct / 2), plannedByNow: '50', plannedAtDue: '100', pace: String(pct / 100), periodPaces: [] },
      value: String(pct),
      low: String(pct),
      high: String(pct),
      percentOfPlan: pct,
    };
    return { forecast: forecastVariables({ subjectKind: 'goal', subjectId: 'sample', subject: 'A sample goal', metric: config.forecastMetric ?? 'revenue', owner, dueAt: reportedAt, forecast: fall, threshold: config.forecastBelowPct, reportedBy, reportedAt }) };
  }
  return {
    forecast: forecastVariables({ subjectKind: chosen.kind, subjectId: chosen.id, subject: chosen.name, metric: chosen.metric, owner, dueAt: chosen.due, forecast: chosen.forecast, threshold: config.forecastBelowPct, reportedBy, reportedAt }),
  };
}

/**
 * A test run: the interpreter itself (the same `createFlowRunner` the workflow runs) on a virtual
 * clock, against the project's real people, org chart, calendar and figures. People answer as
 * scripted; whatever the flow would write or send is returned as a timeline instead.
 */
export async function simulateFlow(db: Db, input: SimulateFlowInput): Promise<SimulationResult> {
  const project = await findProject(db, input.projectId);
  if (!project) throw new SimulationInputError('projectId', `No project with id ${input.projectId}.`);
  const trigger = input.document.nodes.find((node) => node.kind === 'trigger');
  if (trigger?.kind !== 'trigger') throw new SimulationInputError('document', 'The flow has no trigger.');
  const event = trigger.config.event;
  const subjectId = await subjectOf(db, input.projectId, event, input.subjectId);
  const asking = new Set(input.document.nodes.filter((node) => node.kind === 'approval' || node.kind === 'wait_for_ack').map((node) => node.id));
  input.responses.forEach((response, index) => {
    if (response.nodeId !== undefined && !asking.has(response.nodeId)) {
      throw new SimulationInputError(`responses.${index}.nodeId`, `The flow has no approval or acknowledgement step "${response.nodeId}" to answer.`);
    }
  });

  const clock = createVirtualClock(input.startAt);
  const asClock = { now: () => new Date(clock.now()) };
  const journal: JournalEntry[] = [];
  const record = (nodeId: string, effect: SimulatedEffect) => journal.push({ at: clock.now(), nodeId, effect });
  const real = createFlowActivities({ db, clock: asClock, mailer: noMailer });
  const context = await buildFlowContext({ db, clock: asClock }, {
    projectId: input.projectId,
    event,
    subjectId,
    phase: project.phase,
    sampleChange: subjectId === sampleChangeId,
    variables:
      trigger.config.event === 'forecast_below_threshold'
        ? await sampleForecast(db, project, trigger.config, input.startAt, input.subjectId)
        : sampleVariables(trigger, input.startAt),
  });

  let deciding = 0;
  const answer = (request: SimulatedRequest, response: ScriptedResponse, decision: DecisionKind) => {
    const decide: Decision = {
      requestId: request.requestId,
      userId: request.person.id,
      decision,
      ...(response.comment ? { comment: response.comment } : decision === 'reject' ? { comment: 'Rejected in the test run' } : {}),
    };
    deciding++;
    Promise.resolve()
      .then(() => {
        runner.validateDecision(decide);
        return runner.decide(decide);
      })
      .catch((error: Error) => journal.push({ at: clock.now(), nodeId: request.nodeId, note: `${request.person.name}'s answer was not taken: ${error.message}` }))
      .finally(() => deciding--)
      .catch(() => undefined);
  };

  const onRequest = (request: SimulatedRequest) => {
    const response = input.responses.find((r) => matches(r, request));
    const decision = response ? decisionFor(response, request) : null;
    if (!response || !decision) return;
    const after = response.after ?? { amount: 1, unit: 'hours' as const };
    const when = isCalendarDuration(after)
      ? Promise.resolve(clock.now() + durationToMs(after))
      : clock.track(real.deadline({ duration: after, projectId: input.projectId })).then(Date.parse);
    clock
      .track(when)
      .then((at) => clock.at(at, () => answer(request, response, decision)))
      .catch(() => undefined);
  };

  const simulated = createSimulatedEffects({ db, clock, onRequest, record });
  const env: FlowEnv = {
    runKey: `test-run:${input.flowId}`,
    joinsWaitForLiveBranches: true,
    // Nobody changes the shared calendar in the middle of a test run.
    followsCalendarChanges: false,
    recountsChangesHeardWhileCounting: false,
    recountsOnlyForYearsRead: false,
    // A test run sends nothing anywhere; its timeline shows each message step already.
    sendsChat: false,
    sendsDelegatedChat: () => false,
    effects: simulated.effects,
    deliverChat: async () => ({ ok: true, reports: [] }),
    async callWebhook(webhook, { stepKey }) {
      const url = renderTemplate(webhook.url, webhook.context);
      record(stepKey.split('#')[0]!, {
        kind: 'webhook',
        method: webhook.method,
        url,
        ...(webhook.body === undefined ? {} : { body: renderTemplate(webhook.body, webhook.context) }),
      });
      return { ok: true, status: 200 };
    },
    async startRetrospective({ stepKey }) {
      record(stepKey.split('#')[0]!, { kind: 'retrospective' });
    },
    now: clock.now,
    sleep: clock.sleep,
    condition: clock.condition,
    nonCancellable: (fn) => fn(),
    isCancellation: () => false,
    failure: (type, message) => Object.assign(new Error(message), { type }),
    handlersFinished: () => clock.condition(() => deciding === 0).then(() => undefined),
    onStep: (step: PathStep) => journal.push({ at: clock.now(), nodeId: step.nodeId, step }),
  };

  const runner = createFlowRunner(
    { projectId: input.projectId, flowVersionId: input.flowVersionId, document: input.document, event, subjectId, context },
    input.document,
    env,
  );
  let error: string | null = null;
  let result: SimulationResult['result'] = null;
  const running = runner.run().then(
    (done) => {
      result = done.result;
    },
    (failure: Error) => {
      error = failure.message;
    },
  );
  const outcome = await clock.run(running, input.startAt + input.horizonDays * DAY_MS);
  const calendar = calendarOrDefault(project.calendar);
  const { timeline, edgesTaken } = describeTimeline(journal, input.document, calendar.timeZone);

  return {
    flowId: input.flowId,
    version: input.version,
    projectId: input.projectId,
    event,
    subjectId,
    startedAt: new Date(input.startAt).toISOString(),
    endedAt: new Date(clock.now()).toISOString(),
    status: outcome === 'horizon' ? 'waiting' : error === null ? 'completed' : 'failed',
    result,
    error,
    timeline,
    edgesTaken,
    timeZone: calendar.timeZone,
  };
}
