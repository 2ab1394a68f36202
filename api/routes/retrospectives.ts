import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Db } from '../../db/connect';
import { withAmountsAsText, type RetrospectiveReport } from '../../workflows/domain/retrospective-report';
import { finalizeRetrospectiveUpdate } from '../../workflows/retrospective-messages';
import { retrospectiveWorkflowId } from '../../workflows/task-queue';
import { projectAccessOf, requireProjectAccess, type ProjectAccess } from '../access/project-access';
import { projectActions, requireReviewOpen } from '../access/project-actions';
import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { ApiError, fieldDetail, found, invalidFields, notFound, said } from '../errors';
import type { DoingText } from '../said';
import { requestLanguage } from '../request-language';
import { retrospectiveHtml, retrospectiveMarkdown } from '../retrospective-export';
import { createRouter } from '../router';
import * as routes from '../contract/routes/retrospectives';
import { findRetrospective, listRetrospectiveInputs, upsertRetrospectiveInput } from '../../db/queries/retrospectives';
import { insertTaskOnce } from '../../db/queries/tasks';
import { findUserName } from '../../db/queries/users';

async function loadRetrospective(db: Db, where: { id?: string; projectId?: string }) {
  const row = found(await findRetrospective(db, where), where.id ? 'retrospective' : 'retrospectiveOfProject', (where.id ?? where.projectId)!);
  const inputs = await listRetrospectiveInputs(db, row.id);
  return {
    id: row.id,
    projectId: row.projectId,
    status: row.status,
    inputDueAt: row.inputDueAt.toISOString(),
    hardDeadlineAt: row.hardDeadlineAt.toISOString(),
    finalizedAt: row.finalizedAt?.toISOString() ?? null,
    report: withAmountsAsText(row.report as RetrospectiveReport),
    inputs: inputs.map((i) => ({
      id: i.id,
      userId: i.userId,
      name: i.name,
      wentWell: i.wentWell,
      toImprove: i.toImprove,
      actionItems: i.actionItems,
      late: i.late,
      submittedAt: i.submittedAt.toISOString(),
    })),
  };
}

/**
 * The retrospective's row once the principal may `need` its project; a review of a project they
 * cannot see answers 404 as a retrospective that does not exist.
 */
async function requireRetrospectiveAccess(db: Db, principal: Principal, id: string, need: ProjectAccess, doing?: DoingText) {
  const retro = await findRetrospective(db, { id });
  const hidden = () => notFound('retrospective', id);
  if (!retro) throw hidden();
  await requireProjectAccess(db, principal, retro.projectId, need, doing, hidden);
  return retro;
}

export function projectRetrospectiveRouter({ db }: AppDeps) {
  return createRouter().openapi(
    routes.getProjectRetrospective,
    async (c) => {
      const { id } = c.req.valid('param');
      await requireProjectAccess(db, c.get('principal'), id, 'read');
      return c.json(await loadRetrospective(db, { projectId: id }), 200);
    },
  );
}

export function retrospectivesRouter({ db, temporal }: AppDeps) {
  return createRouter()
    .openapi(
      routes.getRetrospective,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireRetrospectiveAccess(db, c.get('principal'), id, 'read');
        return c.json(await loadRetrospective(db, { id }), 200);
      },
    )
    .openapi(
      routes.submitRetrospectiveInput,
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const principal = c.get('principal');
        const retro = await requireRetrospectiveAccess(db, principal, id, projectActions.answerReview.need, 'answer its closing review');
        requireReviewOpen('answerReview', retro);
        const now = new Date();
        const values = { wentWell: body.wentWell, toImprove: body.toImprove, actionItems: JSON.stringify(body.actionItems), late: now > retro.inputDueAt, submittedAt: now };
        const row = await upsertRetrospectiveInput(db, { retrospectiveId: id, userId: principal.userId }, values);
        const name = (await findUserName(db, principal.userId))!;
        return c.json({ id: row.id, userId: row.userId, name, wentWell: row.wentWell, toImprove: row.toImprove, actionItems: row.actionItems, late: row.late, submittedAt: row.submittedAt.toISOString() }, 201);
      },
    )
    .openapi(
      routes.finalizeRetrospective,
      async (c) => {
        const { id } = c.req.valid('param');
        const principal = c.get('principal');
        const retro = await requireRetrospectiveAccess(db, principal, id, projectActions.finalizeReview.need, 'finalize its closing review');
        requireReviewOpen('finalizeReview', retro);
        try {
          await temporal.client.workflow
            .getHandle(retrospectiveWorkflowId(retro.projectId))
            .executeUpdate(finalizeRetrospectiveUpdate, { args: [{ userId: principal.userId }] });
        } catch (error) {
          if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) {
            throw new ApiError(409, 'finalized', said('reviewCannotFinalize', { reason: error.message }));
          }
          throw error;
        }
        return c.json(await loadRetrospective(db, { id }), 200);
      },
    )
    .openapi(
      routes.createActionItemTasks,
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const principal = c.get('principal');
        await requireRetrospectiveAccess(db, principal, id, 'plan', 'turn its action items into tasks');
        // A follow-up project this person cannot see reads as one that does not exist.
        const followUp = await projectAccessOf(db, principal, body.followUpProjectId);
        if (!followUp) throw invalidFields([fieldDetail('followUpProjectId', 'field.noProject', { id: body.followUpProjectId })]);
        await requireProjectAccess(db, principal, body.followUpProjectId, 'work', 'add tasks to the follow-up project');
        await db.transaction().execute(async (trx) => {
          for (const item of body.items) {
            await insertTaskOnce(trx, { projectId: body.followUpProjectId, title: item.title, assigneeId: item.assigneeId ?? null, dedupeKey: `retro:${id}:${body.followUpProjectId}:${item.title}` });
          }
        });
        return c.json(body.items, 201);
      },
    )
    .openapi(
      routes.exportRetrospectiveMarkdown,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireRetrospectiveAccess(db, c.get('principal'), id, 'read');
        c.header('content-type', 'text/markdown; charset=utf-8');
        return c.body(retrospectiveMarkdown(await loadRetrospective(db, { id }), c.req.valid('query').lang ?? requestLanguage(c)), 200);
      },
    )
    .openapi(
      routes.exportRetrospectiveHtml,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireRetrospectiveAccess(db, c.get('principal'), id, 'read');
        return c.html(retrospectiveHtml(await loadRetrospective(db, { id }), c.req.valid('query').lang ?? requestLanguage(c)), 200);
      },
    );
}
