import { createRoute } from '@hono/zod-openapi';
import { SimulationInputError, simulateFlow } from '../../activities/simulation/simulate-flow';
import { findFlow, findVersion } from '../../db/queries/flows';
import { flowDocumentSchema } from '../../workflows/flow/graph-schema';
import { simulationRequestSchema, simulationResultSchema } from '../../workflows/flow/simulation';
import type { AppDeps } from '../deps';
import { ApiError, invalidFields, notFound, zodDetails } from '../errors';
import { createRouter } from '../router';
import { IdParam, errorResponses } from '../contract/common';
import { designersOnly, requireValid } from './flows';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

/** Test runs: a flow (draft or version) on a simulated clock against a real project. Writes nothing. */
export function flowSimulationRouter({ db }: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/{id}/simulate',
      tags: ['flows'],
      summary: 'Test run: what the draft (or a version) would do for a project, on a simulated clock, with scripted answers; writes and sends nothing; ops and admins',
      middleware: designersOnly,
      request: { params: IdParam, body: { content: json(simulationRequestSchema), required: true } },
      responses: {
        200: { description: 'The timeline of the test run', content: json(simulationResultSchema) },
        422: { description: 'The draft does not validate; `details` lists each problem', content: errorResponses[400].content },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const flow = await findFlow(db, id);
      if (!flow) throw notFound('Flow', id);
      let document: unknown = flow.draft;
      let flowVersionId = `draft:${flow.id}`;
      if (body.version !== undefined) {
        const version = await findVersion(db, flow.id, body.version);
        if (!version) throw invalidFields([{ path: 'version', message: `flow "${flow.name}" has no version ${body.version}` }]);
        document = version.document;
        flowVersionId = version.id;
      } else {
        await requireValid(db, document);
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
