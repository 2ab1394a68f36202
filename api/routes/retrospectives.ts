import { createRoute } from '@hono/zod-openapi';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Db } from '../../db/connect';
import type { RetrospectiveReport } from '../../workflows/domain/retrospective-report';
import { finalizeRetrospectiveUpdate } from '../../workflows/retrospective-messages';
import { retrospectiveWorkflowId } from '../../workflows/task-queue';
import type { AppDeps } from '../deps';
import { ApiError, invalidFields, notFound } from '../errors';
import { retrospectiveHtml, retrospectiveMarkdown } from '../retrospective-export';
import { createRouter } from '../router';
import { IdParam, errorResponses } from '../schemas/common';
import { ActionItemsToTasksBody, FinalizeBody, Retrospective, RetrospectiveInput, RetrospectiveInputBody } from '../schemas/retrospectives';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const conflict = { description: 'The review is final', content: errorResponses[400].content };
const forbidden = { description: 'Not allowed for this person', content: errorResponses[400].content };

async function loadRetrospective(db: Db, where: { id?: string; projectId?: string }) {
  let query = db.selectFrom('retrospectives').selectAll();
  if (where.id) query = query.where('id', '=', where.id);
  if (where.projectId) query = query.where('project_id', '=', where.projectId);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound(where.id ? 'Retrospective' : 'Retrospective of project', (where.id ?? where.projectId)!);
  const inputs = await db
    .selectFrom('retrospective_inputs as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select(['i.id', 'i.user_id', 'u.name', 'i.went_well', 'i.to_improve', 'i.action_items', 'i.late', 'i.submitted_at'])
    .where('i.retrospective_id', '=', row.id)
    .orderBy('i.submitted_at')
    .execute();
  return {
    id: row.id,
    projectId: row.project_id,
    status: row.status,
    inputDueAt: row.input_due_at.toISOString(),
    hardDeadlineAt: row.hard_deadline_at.toISOString(),
    finalizedAt: row.finalized_at?.toISOString() ?? null,
    report: row.report as RetrospectiveReport,
    inputs: inputs.map((i) => ({
      id: i.id,
      userId: i.user_id,
      name: i.name,
      wentWell: i.went_well,
      toImprove: i.to_improve,
      actionItems: i.action_items,
      late: i.late,
      submittedAt: i.submitted_at.toISOString(),
    })),
  };
}

/** Who may answer: the owner, members, milestone owners and KPI reporters of the project. */
async function isOnTeam(db: Db, projectId: string, userId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('sales_projects')
    .select('id')
    .where('id', '=', projectId)
    .where((eb) =>
      eb.or([
        eb('owner_id', '=', userId),
        eb.exists(eb.selectFrom('project_members').select('user_id').where('project_id', '=', projectId).where('user_id', '=', userId)),
        eb.exists(eb.selectFrom('milestones').select('id').where('project_id', '=', projectId).where('owner_id', '=', userId)),
        eb.exists(eb.selectFrom('kpi_reports').select('id').where('project_id', '=', projectId).where('reporter_id', '=', userId)),
      ]),
    )
    .executeTakeFirst();
  return hit !== undefined;
}

export function projectRetrospectiveRouter({ db }: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/{id}/retrospective',
      tags: ['retrospectives'],
      summary: 'The project’s closing review: report and team input',
      request: { params: IdParam },
      responses: { 200: { description: 'The review', content: json(Retrospective) }, ...errorResponses },
    }),
    async (c) => c.json(await loadRetrospective(db, { projectId: c.req.valid('param').id }), 200),
  );
}

export function retrospectivesRouter({ db, temporal }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/{id}', tags: ['retrospectives'], summary: 'A closing review', request: { params: IdParam }, responses: { 200: { description: 'The review', content: json(Retrospective) }, ...errorResponses } }),
      async (c) => c.json(await loadRetrospective(db, { id: c.req.valid('param').id }), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/inputs',
        tags: ['retrospectives'],
        summary: 'Answer the three questions (team members; late answers count until it is final)',
        request: { params: IdParam, body: { content: json(RetrospectiveInputBody), required: true } },
        responses: { 201: { description: 'Recorded', content: json(RetrospectiveInput) }, 403: forbidden, 409: conflict, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const retro = await db.selectFrom('retrospectives').selectAll().where('id', '=', id).executeTakeFirst();
        if (!retro) throw notFound('Retrospective', id);
        if (retro.status === 'finalized') throw new ApiError(409, 'finalized', 'The closing review is final; answers are no longer taken.');
        if (!(await isOnTeam(db, retro.project_id, body.userId))) throw new ApiError(403, 'not_on_team', 'Only the project’s team answers its closing review.');
        const now = new Date();
        const values = { went_well: body.wentWell, to_improve: body.toImprove, action_items: JSON.stringify(body.actionItems), late: now > retro.input_due_at, submitted_at: now };
        // One answer per person; answering again replaces the earlier one.
        const row = await db
          .insertInto('retrospective_inputs')
          .values({ retrospective_id: id, user_id: body.userId, ...values })
          .onConflict((oc) => oc.columns(['retrospective_id', 'user_id']).doUpdateSet(values))
          .returningAll()
          .executeTakeFirstOrThrow();
        const user = await db.selectFrom('users').select('name').where('id', '=', body.userId).executeTakeFirstOrThrow();
        return c.json({ id: row.id, userId: row.user_id, name: user.name, wentWell: row.went_well, toImprove: row.to_improve, actionItems: row.action_items, late: row.late, submittedAt: row.submitted_at.toISOString() }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/finalize',
        tags: ['retrospectives'],
        summary: 'Finalize the review (project owner): the report is compiled once more and frozen',
        request: { params: IdParam, body: { content: json(FinalizeBody), required: true } },
        responses: { 200: { description: 'Final', content: json(Retrospective) }, 403: forbidden, 409: conflict, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { userId } = c.req.valid('json');
        const retro = await db
          .selectFrom('retrospectives as r')
          .innerJoin('sales_projects as p', 'p.id', 'r.project_id')
          .select(['r.status', 'r.project_id', 'p.owner_id'])
          .where('r.id', '=', id)
          .executeTakeFirst();
        if (!retro) throw notFound('Retrospective', id);
        if (retro.owner_id !== userId) throw new ApiError(403, 'not_owner', 'Only the project owner finalizes its closing review.');
        if (retro.status === 'finalized') throw new ApiError(409, 'finalized', 'The closing review is already final.');
        try {
          await temporal.client.workflow.getHandle(retrospectiveWorkflowId(retro.project_id)).executeUpdate(finalizeRetrospectiveUpdate, { args: [{ userId }] });
        } catch (error) {
          if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) {
            throw new ApiError(409, 'finalized', `The closing review cannot be finalized: ${error.message}`);
          }
          throw error;
        }
        return c.json(await loadRetrospective(db, { id }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/action-items/tasks',
        tags: ['retrospectives'],
        summary: 'Turn action items into tasks on a follow-up project (project owner)',
        request: { params: IdParam, body: { content: json(ActionItemsToTasksBody), required: true } },
        responses: { 201: { description: 'Tasks created', content: json(ActionItemsToTasksBody.shape.items) }, 403: forbidden, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const retro = await db.selectFrom('retrospectives as r').innerJoin('sales_projects as p', 'p.id', 'r.project_id').select(['p.owner_id']).where('r.id', '=', id).executeTakeFirst();
        if (!retro) throw notFound('Retrospective', id);
        if (retro.owner_id !== body.userId) throw new ApiError(403, 'not_owner', 'Only the project owner turns action items into tasks.');
        if (!(await db.selectFrom('sales_projects').select('id').where('id', '=', body.followUpProjectId).executeTakeFirst())) {
          throw invalidFields([{ path: 'followUpProjectId', message: `no project with id ${body.followUpProjectId}` }]);
        }
        await db.transaction().execute(async (trx) => {
          for (const item of body.items) {
            await trx.insertInto('tasks').values({ project_id: body.followUpProjectId, title: item.title, assignee_id: item.assigneeId ?? null, dedupe_key: `retro:${id}:${body.followUpProjectId}:${item.title}` }).onConflict((oc) => oc.column('dedupe_key').doNothing()).execute();
          }
        });
        return c.json(body.items, 201);
      },
    )
    .get('/:id/export.md', async (c) => {
      const retro = await loadRetrospective(db, { id: c.req.param('id') });
      c.header('content-type', 'text/markdown; charset=utf-8');
      return c.body(retrospectiveMarkdown(retro));
    })
    .get('/:id/export.html', async (c) => {
      const retro = await loadRetrospective(db, { id: c.req.param('id') });
      return c.html(retrospectiveHtml(retro));
    });
}
