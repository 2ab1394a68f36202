import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../db/connect';
import { insertInboxItemOnce } from '../db/queries/inbox';
import { messagesIn, minuteIn, readersLanguages, type Say } from './runtime/messages';
import { listProjectMemberIds } from '../db/queries/members';
import { insertProjectEventsOnce } from '../db/queries/project-events';
import { findMilestone, findProject, freezeProjectResults, getMilestone, listMilestones, markMilestoneWarned, setProjectPhase } from '../db/queries/projects';
import type { Milestone, SalesProject } from '../db/schema';
import { milestoneCheckTimes, monitoringEnd } from '../workflows/domain/milestone-schedule';
import { assessProgress } from '../workflows/domain/attainment';
import { sumKpi } from '../db/queries/kpi-reports';
import { loadProjectProgress, type GoalProgress } from '../db/queries/project-progress';
import type { LifecyclePhase, MilestoneSchedule, ProjectPlan, SalesProjectState } from '../workflows/sales-project-messages';
import { writeLifecycleState } from '../db/queries/project-lifecycles';
import type { Clock } from './clock';
import { resolveCalendar } from '../db/queries/calendars';
import type { BusinessCalendar } from '../workflows/domain/business-calendar';

const DAY_MS = 86_400_000;

const notFound = (what: string, id: string) =>
  ApplicationFailure.create({ type: `${what}NotFound`, message: `${what} ${id} does not exist.`, nonRetryable: true });

/** `calendar` is the project's, resolved (with its shared calendar's days) by `resolveCalendar`. */
const timesOf = (project: SalesProject, calendar: BusinessCalendar, m: Pick<Milestone, 'dueAt' | 'warningOffset'>) =>
  milestoneCheckTimes({
    dueAt: m.dueAt,
    periodEnd: project.periodEnd,
    monitoringDays: Number(project.monitoringDays),
    warningOffset: m.warningOffset,
    calendar,
  });

function scheduleOf(project: SalesProject, calendar: BusinessCalendar, m: Milestone): MilestoneSchedule {
  const { checkAt, warnAt } = timesOf(project, calendar, m);
  return {
    milestoneId: m.id,
    name: m.name,
    dueAt: m.dueAt.toISOString(),
    checkAt: checkAt.toISOString(),
    warnAt: warnAt?.toISOString() ?? null,
    warned: m.warnedAt !== null,
    status: m.status,
  };
}

/** One goal of the status summary, in the reader's language: its RAG status, plan vs actual by now, and how far along the final target it is. */
function statusLine(g: Omit<GoalProgress, 'series'>, say: Say): string {
  if (g.actual === null || g.status === null) return say('status.noData', { goal: g.label, target: String(g.target), unit: g.unit });
  const whole = (value: number | null) => (value ?? 0).toFixed(0);
  return say(g.met ? 'status.lineMet' : 'status.line', {
    status: say(`status.rag.${g.status}`),
    goal: g.label,
    actual: String(g.actual),
    expected: whole(g.expected),
    progress: whole(g.progressPct),
    attainment: whole(g.attainmentPct),
    target: String(g.target),
    unit: g.unit,
  });
}

export function createLifecycleActivities({ db, clock }: { db: Db; clock: Clock }) {
  async function project(projectId: string): Promise<SalesProject> {
    const row = await findProject(db, projectId);
    if (!row) throw notFound('Project', projectId);
    return row;
  }

  return {
    async loadProjectPlan(projectId: string): Promise<ProjectPlan> {
      const p = await findProject(db, projectId);
      // Retryable on purpose: the API starts the workflow inside the transaction that creates the
      // project, so the first attempt can run before that transaction is visible.
      if (!p) throw new Error(`Project ${projectId} is not (yet) in the database.`);
      const milestones = await listMilestones(db, projectId);
      const calendar = await resolveCalendar(db, p.calendar);
      return {
        projectId,
        phase: p.phase,
        periodEnd: p.periodEnd.toISOString(),
        monitoringEnd: monitoringEnd(p.periodEnd, Number(p.monitoringDays)).toISOString(),
        reviewEveryMs: Math.max(1000, Math.round(Number(p.reviewEveryDays) * DAY_MS)),
        milestones: milestones.map((m) => scheduleOf(p, calendar, m)),
      };
    },

    async loadMilestoneSchedule(milestoneId: string): Promise<MilestoneSchedule> {
      const m = await findMilestone(db, milestoneId);
      if (!m) throw notFound('Milestone', milestoneId);
      const p = await project(m.projectId);
      return scheduleOf(p, await resolveCalendar(db, p.calendar), m);
    },

    /**
     * The workflow's state as the pages read it (the lifecycle projection); written after each
     * change, with a version that only grows, so a retried, late attempt writes nothing.
     */
    async recordLifecycleState(input: { projectId: string; state: SalesProjectState; version: number }): Promise<void> {
      await writeLifecycleState(db, input);
    },

    /** Moves the project to a phase and records when, for the retrospective's timeline. */
    async setPhase(input: { projectId: string; phase: LifecyclePhase }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await setProjectPhase(trx, input.projectId, input.phase);
        await insertProjectEventsOnce(trx, [
          {
            projectId: input.projectId,
            at: clock.now(),
            kind: 'phase',
            detail: JSON.stringify({ phase: input.phase, text: `Phase: ${input.phase.replace('_', ' ')}` }),
            dedupeKey: `phase:${input.projectId}:${input.phase}`,
          },
        ]);
      });
    },

    /** Tells the owner whether the plan was approved; a rejection carries the approver's reason. */
    async recordPlanDecision(input: { projectId: string; approved: boolean; comment: string }): Promise<void> {
      const p = await project(input.projectId);
      const say = messagesIn((await readersLanguages(db, [p.ownerId]))(p.ownerId));
      await insertInboxItemOnce(db, {
        userId: p.ownerId,
        kind: 'notification',
        dedupeKey: `plan-decision:${input.projectId}:${clock.now().toISOString()}`,
        payload: {
          projectId: p.id,
          subject: say(input.approved ? 'plan.approvedSubject' : 'plan.rejectedSubject', { project: p.name }),
          message: input.approved ? say('plan.approved') : say('plan.rejected', { reason: input.comment || say('plan.noReason') }),
        },
      });
    },

    /**
     * The at-risk check before the due time: progress against the pro-rated target. Records that
     * the check ran, so a restart or a continue-as-new does not warn twice.
     */
    async checkAtRisk(milestoneId: string): Promise<{ atRisk: boolean; attainmentPct: number; expected: number }> {
      const m = await findMilestone(db, milestoneId);
      if (!m) throw notFound('Milestone', milestoneId);
      const p = await project(m.projectId);
      const now = clock.now();
      const actual = await sumKpi(db, m.projectId, m.metric, now, { memberId: m.memberId });
      const start = m.periodStart ?? p.periodStart;
      const progress = assessProgress({
        actual,
        target: m.targetValue,
        direction: 'at_least',
        start,
        due: m.dueAt,
        at: now < m.dueAt ? now : m.dueAt,
        thresholds: { green: 100, warning: Number(m.warningThresholdPct) },
      });
      await markMilestoneWarned(db, milestoneId, now);
      return { atRisk: progress.attainmentPercent < Number(m.warningThresholdPct), attainmentPct: progress.attainmentPercent, expected: progress.expected };
    },

    /** The built-in at-risk warning when no flow is bound to "milestone at risk". */
    async warnOwner(input: { milestoneId: string }): Promise<void> {
      const m = await getMilestone(db, input.milestoneId);
      const p = await project(m.projectId);
      const language = (await readersLanguages(db, [m.ownerId]))(m.ownerId);
      const say = messagesIn(language);
      await insertInboxItemOnce(db, {
        userId: m.ownerId,
        kind: 'notification',
        dedupeKey: `at-risk:${m.id}`,
        payload: {
          projectId: p.id,
          milestoneId: m.id,
          subject: say('atRisk.subject', { milestone: m.name, project: p.name }),
          message: say('atRisk.message', { milestone: m.name, percent: String(Number(m.warningThresholdPct)), due: language === 'en' ? m.dueAt.toISOString() : minuteIn(language, m.dueAt) }),
        },
      });
    },

    /** The periodic review: each goal green/amber/red with plan vs actual, to the owner and the team. */
    async sendStatusSummary(input: { projectId: string; at: string }): Promise<void> {
      const { projectId } = input;
      const p = await project(projectId);
      const now = clock.now();
      // The series is for charts; the summary carries the figures.
      const goals = (await loadProjectProgress(db, p, now)).goals.map(({ series: _series, ...goal }) => goal);
      const recipients = [...new Set([p.ownerId, ...(await listProjectMemberIds(db, projectId))])];
      const languageOf = await readersLanguages(db, recipients);
      for (const userId of recipients) {
        const say = messagesIn(languageOf(userId));
        const lines = goals.length ? goals.map((goal) => statusLine(goal, say)) : [say('status.noGoals')];
        await insertInboxItemOnce(db, {
          userId,
          kind: 'notification',
          dedupeKey: `review:${projectId}:${input.at}:${userId}`,
          payload: { projectId, subject: say('status.subject', { project: p.name }), message: lines.join('\n'), goals },
        });
      }
    },

    /** Closes the books: from here on the plan and its results are read-only. */
    async freezeResults(input: { projectId: string; outcome: 'completed' | 'won' | 'lost' | 'cancelled' }): Promise<void> {
      await freezeProjectResults(db, input.projectId, input.outcome);
    },
  };
}
