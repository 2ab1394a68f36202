import {
  CancellationScope,
  allHandlersFinished,
  condition,
  isCancellation,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { MilestoneSchedule } from './sales-project-messages';
import { ensureRetrospective } from './retrospective';
import { retrospectiveFinalizedSignal } from './retrospective-messages';
import { phaseAllows, type PhaseAction } from './domain/phase-rules';
import { runBoundFlow } from './run-bound-flow';
import { checksRunInTask, inTaskActs } from './in-task-activities';
import { flowCalendarChangedSignal } from './interpreter/flow-run-messages';
import {
  calendarChangedSignal,
  closeProjectUpdate,
  requestChangeUpdate,
  stateQuery,
  submitPlanUpdate,
  type CloseOutcome,
  type LifecyclePhase,
  type PendingCheck,
  type RunningFlow,
  type SalesProjectInput,
  type SalesProjectState,
  newLifecycleState,
} from './sales-project-messages';
import { projectState } from './lifecycle-projection';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** The first read may race the API's committing transaction; it gets a bounded number of retries. */
const { loadProjectPlan } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', maximumAttempts: 10 },
});

/** condition(fn, 0) would never time out, so a moment already past still gets a 1 ms timer. */
const until = (iso: string | number) => Math.max(1, (typeof iso === 'number' ? iso : Date.parse(iso)) - Date.now());

/** An update validator's refusal, in the words of the phase table the API guards read too. */
function refuseUnless(action: PhaseAction, phase: LifecyclePhase): void {
  const verdict = phaseAllows(action, phase);
  if (!verdict.allowed) throw new Error(verdict.reason);
}

/**
 * One sales project's lifecycle: planning → execution → monitoring → closing review → closed.
 * Milestones are checked on durable timers (an at-risk warning before the due time, met/missed
 * at it); misses, plan submissions and change requests run the flows bound to those events.
 * All state that matters is in the database, so the workflow can continue as new at any safe
 * point and pick up where it was.
 */
export async function salesProject({ projectId, resumeIn }: SalesProjectInput): Promise<void> {
  // Handlers are registered before the first await, so an early query or update finds them.
  let phase: LifecyclePhase = resumeIn ?? 'planning';
  let outcome: CloseOutcome | 'completed' | null = null;
  let closing = false;
  let planSubmittedBy: string | null = null;
  let planRejection: string | null = null;
  const schedule = new Map<string, MilestoneSchedule>();
  const revisions = new Map<string, number>();
  const running = new Map<string, RunningFlow>();
  const changeQueue: string[] = [];
  let changesInFlight = 0;
  let checksInFlight = 0;
  let calendarChanges = 0;
  let calendarReloading = false;
  let checksDone = false;
  /** When the next status summary goes out, while summaries run (execution). */
  let nextReviewAt: number | null = null;

  const nextChecks = (): PendingCheck[] =>
    [...schedule.values()]
      .filter((m) => m.status === 'pending')
      .flatMap((m): PendingCheck[] => [
        ...(m.warnAt && !m.warned ? [{ milestoneId: m.milestoneId, kind: 'warning' as const, at: m.warnAt }] : []),
        { milestoneId: m.milestoneId, kind: 'due' as const, at: m.checkAt },
      ])
      .sort((a, b) => a.at.localeCompare(b.at));

  let retrospectiveFinal = false;
  setHandler(retrospectiveFinalizedSignal, () => {
    retrospectiveFinal = true;
  });
  // New with the shared calendars; no recorded history holds this signal, so replays are unaffected.
  setHandler(calendarChangedSignal, () => {
    calendarChanges++;
  });

  const state = (): SalesProjectState => ({
    phase,
    nextChecks: phase === 'execution' || phase === 'monitoring' ? nextChecks() : [],
    runningFlows: [...running.values()],
    planRejection,
    planSubmitted: planSubmittedBy !== null,
    outcome,
    nextReviewAt: nextReviewAt === null ? null : new Date(nextReviewAt).toISOString(),
  });
  setHandler(stateQuery, state);

  // The lifecycle projection: whatever the state becomes, the database is told, in order, so pages
  // read it there and never wait on the engine. Histories from before it replay without it.
  const projection = patched('lifecycle-projection') ? projectState(projectId, state, resumeIn ? { ...newLifecycleState(), phase: resumeIn } : newLifecycleState()) : null;

  setHandler(
    submitPlanUpdate,
    ({ userId }) => {
      planSubmittedBy = userId;
      planRejection = null;
      const accepted = { accepted: true as const };
      // Read your writes: the page that submitted finds the submission in the database at once.
      // Without the projection (histories from before it) the answer stays immediate, as it was.
      return projection ? projection.flushed().then(() => accepted) : accepted;
    },
    {
      validator: (_submission) => {
        refuseUnless('submitPlan', phase);
        if (planSubmittedBy !== null) throw new Error('The plan is already submitted and waiting for its approval.');
      },
    },
  );

  setHandler(
    requestChangeUpdate,
    ({ changeRequestId }) => {
      changeQueue.push(changeRequestId);
      return { accepted: true as const };
    },
    {
      validator: (_change) => {
        refuseUnless('requestChange', phase);
      },
    },
  );

  setHandler(
    closeProjectUpdate,
    async ({ outcome: closedAs }) => {
      outcome = closedAs;
      closing = true;
      await condition(() => phase === 'closing_review' || phase === 'closed');
      if (projection) await projection.flushed();
      return { phase };
    },
    {
      validator: (_close) => {
        refuseUnless('close', phase);
        // Between the close and the closing review the phase has not moved yet.
        if (closing) throw new Error(`The project is already ${phase.replace('_', ' ')}.`);
      },
    },
  );

  let plan = await loadProjectPlan(projectId);
  phase = plan.phase;
  for (const m of plan.milestones) schedule.set(m.milestoneId, m);

  // The database learns the phase first, so whoever sees the new phase here finds it there too.
  const enter = async (next: LifecyclePhase) => {
    await acts.setPhase({ projectId, phase: next });
    phase = next;
  };

  // ── planning: wait for a submission, run its approval flow, repeat until approved ──
  while (phase === 'planning' && !closing) {
    await condition(() => planSubmittedBy !== null || closing);
    if (closing) break;
    // Closing early while the plan waits for approval cancels that approval.
    const approval = new CancellationScope();
    let decided = false;
    const pendingApproval = approval
      .run(() => runBoundFlow(running, { projectId, event: 'plan_submitted', subjectId: `${projectId}:${workflowInfo().runId}:${Date.now()}`, phase, actorId: planSubmittedBy! }))
      .finally(() => (decided = true));
    await condition(() => decided || closing);
    if (!decided) {
      approval.cancel();
      await pendingApproval.catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
      break;
    }
    const result = await pendingApproval;
    const approved = result === null || result.result !== 'rejected';
    if (result === null) log.warn('No published flow is bound to "plan submitted"; the plan is approved as submitted.', { projectId });
    const comment = typeof result?.context.approval === 'object' ? String((result.context.approval as { comment?: unknown }).comment ?? '') : '';
    await acts.recordPlanDecision({ projectId, approved, comment });
    if (approved) {
      await enter('execution');
      // The plan was edited during planning: milestones added since the start get their timers.
      if (patched('reload-plan-when-approved')) {
        plan = await loadProjectPlan(projectId);
        schedule.clear();
        for (const m of plan.milestones) schedule.set(m.milestoneId, m);
      }
    }
    else planRejection = comment || 'The plan was rejected.';
    planSubmittedBy = null;
  }

  // ── execution and monitoring: milestone timers, periodic reviews, change requests ──
  /**
   * A check and what follows it (its flow's lookups and start) hold off continuing as new: the
   * next run would read the recorded outcome as settled and never run the flow.
   */
  const checking = async (check: (checks: Pick<typeof acts, 'checkAtRisk' | 'checkMilestone'>) => Promise<void>): Promise<void> => {
    if (!checksRunInTask()) return check(acts);
    checksInFlight++;
    try {
      await check(inTaskActs);
    } finally {
      checksInFlight--;
    }
  };

  const runMilestone = async (milestoneId: string) => {
    for (;;) {
      // A reallocation may drop the milestone (its member left out): its timers stop.
      const m = schedule.get(milestoneId);
      if (!m || m.status !== 'pending') return;
      const revision = revisions.get(milestoneId) ?? 0;
      const interrupted = () => closing || (revisions.get(milestoneId) ?? 0) !== revision;
      if (m.warnAt && !m.warned) {
        if (await condition(interrupted, until(m.warnAt))) {
          if (closing) return;
          continue; // the change request moved this milestone: start over with its new times
        }
        await checking(async (checks) => {
          const warning = await checks.checkAtRisk(milestoneId);
          m.warned = true;
          if (warning.atRisk) {
            const flow = await runBoundFlow(running, { projectId, event: 'milestone_at_risk', subjectId: milestoneId, phase });
            if (!flow) await acts.warnOwner({ milestoneId });
          }
        });
        continue;
      }
      if (await condition(interrupted, until(m.checkAt))) {
        if (closing) return;
        continue;
      }
      await checking(async (checks) => {
        const result = await checks.checkMilestone(milestoneId);
        m.status = result.met ? 'met' : 'missed';
        if (result.met) return;
        const flow = await runBoundFlow(running, { projectId, event: 'milestone_missed', subjectId: milestoneId, phase });
        if (!flow) log.warn('No published flow is bound to "milestone missed"; nobody was told.', { projectId, milestoneId });
      });
      return;
    }
  };

  const handleChanges = async () => {
    for (;;) {
      await condition(() => changeQueue.length > 0 || phase !== 'execution' || closing);
      if (changeQueue.length === 0) return;
      const changeRequestId = changeQueue.shift()!;
      changesInFlight++;
      try {
        const change = await acts.loadChangeRequest(changeRequestId);
        const result = await runBoundFlow(running, { projectId, event: 'change_requested', subjectId: changeRequestId, phase, actorId: change.requestedBy });
        const approved = result === null || result.result !== 'rejected';
        const applied = await acts.decideChangeRequest({ changeRequestId, approved });
        // An approved change of the project's calendar, cadence or monitoring window: its timers
        // follow, and so do the business-time deadlines of its running flows (as the API tells
        // them when a shared calendar changes).
        if (applied.projectTimers) {
          await replaceTimers();
          if (applied.calendarChanged) await tellFlowsTheCalendarChanged();
        }
        if (applied.milestoneId) {
          // Timers follow the new dates: the milestone's coroutine notices the new revision.
          schedule.set(applied.milestoneId, await acts.loadMilestoneSchedule(applied.milestoneId));
          revisions.set(applied.milestoneId, (revisions.get(applied.milestoneId) ?? 0) + 1);
        }
        // An approved reallocation among members: new members' milestones get their timers, and
        // those of a member left out stop. Histories from before it never hold such a change.
        if (applied.milestonesChanged && patched('follow-reallocation')) await followMilestones();
      } finally {
        changesInFlight--;
      }
    }
  };

  /** Milestones checked on timers started after the first ones (a reallocation's new milestones). */
  const addedChecks: Promise<void>[] = [];

  /** Reloads the milestones: new ones start their timers, ones no longer in the plan stop theirs. */
  const followMilestones = async () => {
    const fresh = await acts.loadProjectPlan(projectId);
    const present = new Set(fresh.milestones.map((m) => m.milestoneId));
    for (const milestoneId of [...schedule.keys()]) {
      if (present.has(milestoneId)) continue;
      schedule.delete(milestoneId);
      revisions.set(milestoneId, (revisions.get(milestoneId) ?? 0) + 1);
    }
    for (const m of fresh.milestones) {
      if (schedule.has(m.milestoneId)) continue;
      schedule.set(m.milestoneId, m);
      addedChecks.push(runMilestone(m.milestoneId));
    }
  };

  /**
   * Places the pending timers again from the database: warnings that count business time (the
   * calendar changed) and due checks at the end of monitoring (the window changed); a milestone
   * whose times moved gets a new revision and its timer starts over, as for an approved change
   * request. Warnings already given stay. The end of monitoring and the status-summary cadence
   * follow too (their waits below notice).
   */
  const replaceTimers = async () => {
    calendarReloading = true;
    try {
      const fresh = await acts.loadProjectPlan(projectId);
      for (const m of fresh.milestones) {
        const current = schedule.get(m.milestoneId);
        if (!current || current.status !== 'pending') continue;
        const warningMoves = !current.warned && current.warnAt !== m.warnAt;
        if (!warningMoves && current.checkAt === m.checkAt) continue;
        schedule.set(m.milestoneId, { ...current, warnAt: warningMoves ? m.warnAt : current.warnAt, checkAt: m.checkAt });
        revisions.set(m.milestoneId, (revisions.get(m.milestoneId) ?? 0) + 1);
      }
      plan = { ...plan, monitoringEnd: fresh.monitoringEnd, reviewEveryMs: fresh.reviewEveryMs };
    } finally {
      calendarReloading = false;
    }
  };

  /** A run that has just ended no longer listens; that is no loss. */
  const tellFlowsTheCalendarChanged = async () => {
    for (const flow of [...running.values()]) {
      await getExternalWorkflowHandle(flow.workflowId)
        .signal(flowCalendarChangedSignal)
        .catch((error: unknown) => log.info('A flow run did not hear of the calendar change.', { workflowId: flow.workflowId, error: String(error) }));
    }
  };

  /** When the shared calendar changes (the API signals), the timers are placed again. */
  const followCalendar = async () => {
    // From 0: a change heard while the plan was being (re)loaded may not be in what was loaded.
    let seen = 0;
    for (;;) {
      await condition(() => calendarChanges > seen || checksDone || closing);
      if (calendarChanges === seen) return;
      seen = calendarChanges;
      await replaceTimers();
    }
  };

  const reviews = async () => {
    const stopped = () => phase !== 'execution' || closing;
    for (;;) {
      // A new cadence counts from the last summary (or the start): the wait starts over with it.
      const since = Date.now();
      for (;;) {
        const every = plan.reviewEveryMs;
        nextReviewAt = since + every;
        if (!(await condition(() => stopped() || plan.reviewEveryMs !== every, until(since + every)))) break;
        if (stopped()) {
          nextReviewAt = null;
          return;
        }
      }
      await acts.sendStatusSummary({ projectId, at: new Date().toISOString() });
    }
  };

  if (phase === 'execution' || phase === 'monitoring') {
    const checks = Promise.all([...schedule.keys()].map(runMilestone))
      .then(async () => {
        for (let i = 0; i < addedChecks.length; i++) await addedChecks[i];
      })
      .then(() => {
        checksDone = true;
      });
    const background = Promise.all([handleChanges(), reviews(), followCalendar()]);
    if (phase === 'execution') {
      const safeToContinueAsNew = () => workflowInfo().continueAsNewSuggested && running.size === 0 && checksInFlight === 0 && changesInFlight === 0 && changeQueue.length === 0 && !calendarReloading;
      await condition(() => closing || safeToContinueAsNew(), until(plan.periodEnd));
      if (!closing && safeToContinueAsNew() && Date.now() < Date.parse(plan.periodEnd)) {
        // Long projects stay under the history limit; everything is reloaded from the database.
        await condition(allHandlersFinished);
        await projection?.flushed();
        await continueAsNew<typeof salesProject>({ projectId, resumeIn: phase });
      }
      if (!closing) await enter('monitoring');
    }
    // Monitoring: late KPI reports still count; the last milestones are checked at its end.
    // An approved change of the monitoring window moves its end: the wait starts over with it.
    for (let end = ''; !closing && end !== plan.monitoringEnd; ) {
      end = plan.monitoringEnd;
      await condition(() => closing || plan.monitoringEnd !== end, until(end));
    }
    await checks;
    await Promise.all(addedChecks);
    await background;
  }

  // ── closing review: results frozen, the retrospective runs; closed once it is final ──
  outcome = outcome ?? 'completed';
  await acts.freezeResults({ projectId, outcome });
  await enter('closing_review');
  await ensureRetrospective(projectId);
  await runBoundFlow(running, { projectId, event: 'project_closed', subjectId: projectId, phase, outcome });
  if ((await acts.retrospectiveStatus({ projectId })) !== 'finalized') await condition(() => retrospectiveFinal);
  await condition(() => running.size === 0);
  await condition(allHandlersFinished);
  await enter('closed');
  await projection?.flushed();
}
