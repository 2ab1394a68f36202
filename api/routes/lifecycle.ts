import type { Db } from '../../db/connect';
import { listChangeRequests } from '../../db/queries/change-requests';
import { getProject } from '../../db/queries/projects';
import { closeProjectUpdate, submitPlanUpdate } from '../../workflows/sales-project-messages';
import { requireProjectAccess } from '../access/project-access';
import { requirePhase, requireProjectAction } from '../access/project-actions';
import type { Principal } from '../auth/principal';
import { changeRequestDto, currentValue, previewMoves, requestChange } from '../change-requests';
import type { AppDeps } from '../deps';
import { sendUpdate } from '../lifecycle';
import type { DoingText } from '../said';
import { createRouter } from '../router';
import * as routes from '../contract/routes/lifecycle';

/**
 * What each command to the lifecycle checks first: the person's access, then the phase as read
 * now. The workflow's update validator checks the phase again when it takes the command.
 */
async function requireCommand(db: Db, principal: Principal, projectId: string, action: 'submitPlan' | 'close' | 'requestChange', doing: DoingText) {
  await requireProjectAction(db, principal, projectId, action, doing);
  requirePhase(action, await getProject(db, projectId));
}

export function lifecycleRouter({ db, temporal }: AppDeps) {
  return createRouter()
    .openapi(
      routes.submitPlan,
      async (c) => {
        const { id } = c.req.valid('param');
        const principal = c.get('principal');
        await requireCommand(db, principal, id, 'submitPlan', 'submit its plan');
        await sendUpdate(temporal.client, id, submitPlanUpdate, { userId: principal.userId });
        return c.json({ submittedBy: principal.userId }, 202);
      },
    )
    .openapi(
      routes.closeProject,
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const principal = c.get('principal');
        await requireCommand(db, principal, id, 'close', 'close it');
        await sendUpdate(temporal.client, id, closeProjectUpdate, { outcome: body.outcome, userId: principal.userId });
        return c.json(body, 200);
      },
    )
    .openapi(
      routes.listChangeRequests,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        return c.json((await listChangeRequests(db, id)).map((row) => changeRequestDto(row)), 200);
      },
    )
    .openapi(
      routes.previewChange,
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        await currentValue(db, id, body);
        return c.json(await previewMoves(db, temporal.client, id, body), 200);
      },
    )
    .openapi(
      routes.requestChange,
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const principal = c.get('principal');
        await requireCommand(db, principal, id, 'requestChange', 'request changes to its plan');
        return c.json(await requestChange(db, temporal.client, principal, id, body), 201);
      },
    );
}
