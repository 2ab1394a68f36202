import { SimulationInputError, simulateFlow } from '../../activities/simulation/simulate-flow';
import { findFlow, findVersion } from '../../db/queries/flows';
import { flowDocumentSchema } from '../../workflows/flow/graph-schema';
import type { AppDeps } from '../deps';
import { ApiError, found, invalidFields, zodDetails } from '../errors';
import { createRouter } from '../router';
import { designersOnly, requireValid } from './flows';
import { requestLanguage } from '../request-language';
import * as routes from '../contract/routes/flow-simulation';

/** Test runs: a flow (draft or version) on a simulated clock against a real project. Writes nothing. */
export function flowSimulationRouter({ db }: AppDeps) {
  return createRouter().openapi(
    { ...routes.simulateFlow, middleware: designersOnly },
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const flow = found(await findFlow(db, id), 'flow', id);
      let document: unknown = flow.draft;
      let flowVersionId = `draft:${flow.id}`;
      if (body.version !== undefined) {
        const version = await findVersion(db, flow.id, body.version);
        if (!version) throw invalidFields([{ path: 'version', message: `flow "${flow.name}" has no version ${body.version}` }]);
        document = version.document;
        flowVersionId = version.id;
      } else {
        await requireValid(db, document, requestLanguage(c));
      }
      const parsed = flowDocumentSchema.safeParse(document);
      if (!parsed.success) throw new ApiError(422, 'invalid_flow', 'This version no longer reads as a flow document, so it cannot be test-run.', zodDetails(parsed.error));
      try {
        const result = await simulateFlow(db, {
          flowId: flow.id,
          version: body.version ?? null,
          flowVersionId,
          document: parsed.data,
          projectId: body.projectId,
          subjectId: body.subjectId,
          startAt: body.startAt ? Date.parse(body.startAt) : Date.now(),
          responses: body.responses,
          horizonDays: body.horizonDays,
        });
        return c.json(result, 200);
      } catch (error) {
        if (error instanceof SimulationInputError) throw invalidFields([{ path: error.path, message: error.message }]);
        throw error;
      }
    },
  );
}
