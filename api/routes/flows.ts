import { createRoute } from '@hono/zod-openapi';
import { flowWebhookSecret, signatureHeader } from '../../activities/flow/webhook-signature';
import type { Db } from '../../db/connect';
import { listScheduleBindings } from '../../db/queries/flow-schedules';
import { bindFlow, findFlow, findVersion, insertFlow, listBindings, listFlows, listVersions, publishVersion, saveDraft, unbindFlow } from '../../db/queries/flows';
import type { Flow, FlowVersion } from '../../db/schema';
import { flowDraftSchema, type FlowDraft } from '../../workflows/flow/graph-schema';
import { triggerEventSchema } from '../../workflows/flow/trigger-events';
import { onlyRoles } from '../auth/principal';
import { roleAbilities } from '../access/role-abilities';
import type { AppDeps } from '../deps';
import { ApiError, invalidFields, notFound, zodDetails } from '../errors';
import { validateWithDirectory } from '../flow-validation';
import { nextRunsOf, syncFlowSchedule, syncSchedulesOfFlow } from '../flow-schedules';
import { createRouter } from '../router';
import { IdParam, errorResponses } from '../contract/common';
import {
  BindingBody,
  BindingEntry,
  Diagnostic,
  FlowDetail,
  FlowDraftBody,
  FlowSummary,
  FlowVersionDetail,
  ImportBody,
  NewFlowBody,
  PublishBody,
  SaveDraftBody,
  UnbindQuery,
  VersionParams,
  WebhookSecret,
} from '../contract/flows';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const invalidFlow = { description: 'The flow does not validate; `details` lists each problem', content: errorResponses[400].content };

/** The event a draft starts on, read from its (first) trigger; drafts without one say so. */
function triggerEventOf(draft: FlowDraft): string {
  const trigger = draft.nodes.find((node) => node.kind === 'trigger');
  const event = (trigger?.config as { event?: unknown } | undefined)?.event;
  return typeof event === 'string' ? event : 'none';
}

const versionDto = (v: Pick<FlowVersion, 'id' | 'version' | 'publishedAt' | 'publishedBy'>) => ({
  id: v.id,
  version: v.version,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy,
});

async function flowDetail(db: Db, flow: Flow) {
  const versions = await listVersions(db, flow.id);
  return {
    id: flow.id,
    name: flow.name,
    triggerEvent: flow.triggerEvent,
    latestVersion: versions[0]?.version ?? null,
    draftUpdatedAt: flow.draftUpdatedAt.toISOString(),
    draft: flow.draft,
    diagnostics: await validateWithDirectory(db, flow.draft),
    versions: versions.map(versionDto),
  };
}

/** Flows decide who approves what for everybody, so only ops and admins change them. */
export const designersOnly = onlyRoles(roleAbilities.editFlows, 'create, change, publish or bind flows');

/** Refuses a document that does not validate: 422 with one detail per diagnostic, node id first. */
export async function requireValid(db: Db, document: unknown) {
  const diagnostics = await validateWithDirectory(db, document);
  if (diagnostics.length > 0) {
    throw new ApiError(
      422,
      'invalid_flow',
      `The flow has ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} to fix first.`,
      diagnostics.map((d) => ({ path: [d.nodeId && `nodes.${d.nodeId}`, d.edgeId && `edges.${d.edgeId}`, d.field].filter(Boolean).join('.'), message: d.message, code: d.code, nodeId: d.nodeId })),
    );
  }
}

export function flowsRouter({ db, decisionLinks, temporal }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/', tags: ['flows'], summary: 'All flows with their newest published version', responses: { 200: { description: 'Flows', content: json(FlowSummary.array()) } } }),
      async (c) => {
        const rows = await listFlows(db);
        return c.json(
          rows.map((f) => ({ id: f.id, name: f.name, triggerEvent: f.triggerEvent, latestVersion: f.latestVersion ?? null, draftUpdatedAt: f.draftUpdatedAt.toISOString() })),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['flows'],
        summary: 'Create a flow from a draft (it may still have problems; publishing checks); ops and admins',
        middleware: designersOnly,
        request: { body: { content: json(NewFlowBody), required: true } },
        responses: { 201: { description: 'Created', content: json(FlowDetail) }, ...errorResponses },
      }),
      async (c) => {
        const { draft } = c.req.valid('json');
        const flow = await insertFlow(db, { name: draft.name, triggerEvent: triggerEventOf(draft), draft });
        return c.json(await flowDetail(db, flow), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/import',
        tags: ['flows'],
        summary: 'Import an exported flow as a new flow; refused unless it validates; ops and admins',
        middleware: designersOnly,
        request: { body: { content: json(ImportBody), required: true } },
        responses: { 201: { description: 'Imported', content: json(FlowDetail) }, 422: invalidFlow, ...errorResponses },
      }),
      async (c) => {
        const { document } = c.req.valid('json');
        const shape = flowDraftSchema.safeParse(document);
        if (!shape.success) throw invalidFields(zodDetails(shape.error).map((d) => ({ ...d, path: `document${d.path ? `.${d.path}` : ''}` })));
        await requireValid(db, shape.data);
        const flow = await insertFlow(db, { name: shape.data.name, triggerEvent: triggerEventOf(shape.data), draft: shape.data });
        return c.json(await flowDetail(db, flow), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/validate',
        tags: ['flows'],
        summary: 'Check a flow document without saving it',
        request: { body: { content: json(ImportBody), required: true } },
        responses: { 200: { description: 'Diagnostics (empty = publishable)', content: json(Diagnostic.array()) }, ...errorResponses },
      }),
      async (c) => c.json(await validateWithDirectory(db, c.req.valid('json').document), 200),
    )
    .openapi(
      createRoute({ method: 'get', path: '/{id}', tags: ['flows'], summary: 'A flow: its draft, the draft’s diagnostics and its versions', request: { params: IdParam }, responses: { 200: { description: 'The flow', content: json(FlowDetail) }, ...errorResponses } }),
      async (c) => {
        const { id } = c.req.valid('param');
        const flow = await findFlow(db, id);
        if (!flow) throw notFound('Flow', id);
        return c.json(await flowDetail(db, flow), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/draft',
        tags: ['flows'],
        summary: 'Save the draft (published versions are never touched); ops and admins',
        middleware: designersOnly,
        request: { params: IdParam, body: { content: json(SaveDraftBody), required: true } },
        responses: { 200: { description: 'Saved, with its diagnostics', content: json(FlowDetail) }, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { draft } = c.req.valid('json');
        if (!(await findFlow(db, id))) throw notFound('Flow', id);
        const flow = await saveDraft(db, id, { name: draft.name, triggerEvent: triggerEventOf(draft), document: draft });
        return c.json(await flowDetail(db, flow), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/publish',
        tags: ['flows'],
        summary: 'Publish the draft as the next immutable version, as the signed-in person; refused while it has problems; ops and admins',
        middleware: designersOnly,
        request: { params: IdParam, body: { content: json(PublishBody), required: false } },
        responses: { 201: { description: 'Published', content: json(FlowVersionDetail) }, 422: invalidFlow, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const flow = await findFlow(db, id);
        if (!flow) throw notFound('Flow', id);
        await requireValid(db, flow.draft);
        const version = await publishVersion(db, id, flow.draft, c.get('principal').userId);
        // Schedules bound to this flow fire at the new version's times from now on (or stop, if its
        // trigger is no longer a schedule).
        await syncSchedulesOfFlow({ db, ...temporal }, id);
        return c.json({ ...versionDto(version), flowId: id, document: version.document }, 201);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/{id}/versions', tags: ['flows'], summary: 'Published versions, newest first', request: { params: IdParam }, responses: { 200: { description: 'Versions', content: json(FlowVersionDetail.omit({ document: true, flowId: true }).array()) }, ...errorResponses } }),
      async (c) => {
        const { id } = c.req.valid('param');
        if (!(await findFlow(db, id))) throw notFound('Flow', id);
        return c.json((await listVersions(db, id)).map(versionDto), 200);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/{id}/versions/{version}', tags: ['flows'], summary: 'One published version, exactly as it runs', request: { params: VersionParams }, responses: { 200: { description: 'The version', content: json(FlowVersionDetail) }, ...errorResponses } }),
      async (c) => {
        const { id, version } = c.req.valid('param');
        const row = await findVersion(db, id, version);
        if (!row) throw notFound('Flow version', `${id} v${version}`);
        return c.json({ ...versionDto(row), flowId: id, document: row.document }, 200);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/{id}/export', tags: ['flows'], summary: 'The draft as a JSON file to import elsewhere', request: { params: IdParam }, responses: { 200: { description: 'The flow document', content: json(FlowDraftBody) }, ...errorResponses } }),
      async (c) => {
        const { id } = c.req.valid('param');
        const flow = await findFlow(db, id);
        if (!flow) throw notFound('Flow', id);
        c.header('content-disposition', `attachment; filename="${flow.name.replace(/[^\w.-]+/g, '-').toLowerCase()}.flow.json"`);
        // Drafts are shape-checked when saved, so this parse only restores their type.
        return c.json(flowDraftSchema.parse(flow.draft), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/webhook-secret',
        tags: ['flows'],
        summary: 'The secret this flow’s webhook steps sign their bodies with, for the receiver to verify; ops and admins',
        middleware: designersOnly,
        request: { params: IdParam },
        responses: { 200: { description: 'The flow’s signing secret', content: json(WebhookSecret) }, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        if (!(await findFlow(db, id))) throw notFound('Flow', id);
        if (!decisionLinks) throw new ApiError(503, 'not_configured', 'Webhook signing needs the server secret (MILEPOST_SECRET), which this server was started without.');
        c.header('Cache-Control', 'no-store');
        return c.json({ flowId: id, header: signatureHeader, secret: flowWebhookSecret(decisionLinks.secret, id), scheme: 'sha256=<hex HMAC-SHA256 of the exact body bytes>' }, 200);
      },
    );
}

export function flowBindingsRouter({ db, temporal }: AppDeps) {
  const schedules = { db, ...temporal };
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['flows'],
        summary: 'Which flow runs on which event, globally or per project; schedule bindings with their next five run times',
        responses: { 200: { description: 'Bindings', content: json(BindingEntry.array()) } },
      }),
      async (c) => {
        const now = new Date();
        const scheduleOf = new Map((await listScheduleBindings(db)).map((s) => [s.projectId ?? '', s.schedule]));
        return c.json(
          (await listBindings(db)).map((b) => {
            const schedule = b.triggerEvent === 'schedule' ? scheduleOf.get(b.projectId ?? '') : undefined;
            return {
              triggerEvent: triggerEventSchema.parse(b.triggerEvent),
              projectId: b.projectId,
              flowId: b.flowId,
              ...(schedule ? { nextRuns: nextRunsOf(schedule, now), timeZone: schedule.timeZone } : {}),
            };
          }),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/',
        tags: ['flows'],
        summary: 'Unbind the flow of an event for one project (projectId) or for all (no projectId); a schedule binding’s Temporal Schedule is deleted; ops and admins',
        middleware: designersOnly,
        request: { query: UnbindQuery },
        responses: { 200: { description: 'Unbound', content: json(UnbindQuery) }, ...errorResponses },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const projectId = query.projectId ?? null;
        if (!(await unbindFlow(db, { triggerEvent: query.triggerEvent, projectId }))) {
          throw notFound('Flow binding', `${query.triggerEvent} for ${projectId ?? 'all projects'}`);
        }
        if (query.triggerEvent === 'schedule') await syncFlowSchedule(schedules, projectId);
        return c.json(query, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/',
        tags: ['flows'],
        summary: 'Bind a flow to an event for one project (projectId) or all (null); new runs use its newest version; ops and admins',
        middleware: designersOnly,
        request: { body: { content: json(BindingBody), required: true } },
        responses: { 200: { description: 'Bound', content: json(BindingBody) }, ...errorResponses },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const flow = await findFlow(db, body.flowId);
        if (!flow) throw invalidFields([{ path: 'flowId', message: `no flow with id ${body.flowId}` }]);
        if (flow.triggerEvent !== body.triggerEvent) {
          throw invalidFields([{ path: 'triggerEvent', message: `flow "${flow.name}" starts on ${flow.triggerEvent}, not ${body.triggerEvent}` }]);
        }
        if ((await listVersions(db, flow.id)).length === 0) throw invalidFields([{ path: 'flowId', message: 'the flow has no published version yet' }]);
        if (body.projectId && !(await db.selectFrom('sales_projects').select('id').where('id', '=', body.projectId).executeTakeFirst())) {
          throw invalidFields([{ path: 'projectId', message: `no project with id ${body.projectId}` }]);
        }
        await bindFlow(db, body);
        if (body.triggerEvent === 'schedule') await syncFlowSchedule(schedules, body.projectId);
        return c.json(body, 200);
      },
    );
}
