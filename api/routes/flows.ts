import { flowWebhookSecret, signatureHeader } from '../../activities/flow/webhook-signature';
import type { Db } from '../../db/connect';
import { listScheduleBindings } from '../../db/queries/flow-schedules';
import { archiveFlowIfUnbound, bindFlow, findFlow, findVersion, insertFlow, lastBindingRemovals, listBindings, type BindingRemoval, listFlows, listVersions, publishVersion, resolveBinding, restoreFlow, saveDraft, unbindFlow } from '../../db/queries/flows';
import type { Flow, FlowVersion } from '../../db/schema';
import { flowDraftSchema, type FlowDraft } from '../../workflows/flow/graph-schema';
import { triggerEventSchema, triggerEvents } from '../../workflows/flow/trigger-events';
import { requireProjectAccess } from '../access/project-access';
import { onlyRoles } from '../auth/principal';
import { roleAbilities } from '../access/role-abilities';
import type { AppDeps } from '../deps';
import { ApiError, fieldDetail, found, invalidFields, notFound, said, zodDetails } from '../errors';
import { sayIn } from '../said';
import { validateWithDirectory } from '../flow-validation';
import { requestLanguage } from '../request-language';
import { translate } from '../../activities/runtime/translator';
import type { Language } from '../../workflows/i18n';
import { nextRunsOf, syncFlowSchedule, syncSchedulesOfFlow } from '../flow-schedules';
import { createRouter } from '../router';
import * as routes from '../contract/routes/flows';
import { flowNodeComponents } from '../contract/flow-nodes';
import { findProject } from '../../db/queries/projects';

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

const summaryDto = (f: Pick<Flow, 'id' | 'name' | 'triggerEvent' | 'draftUpdatedAt' | 'archivedAt'> & { latestVersion: number | null }) => ({
  id: f.id,
  name: f.name,
  triggerEvent: f.triggerEvent,
  latestVersion: f.latestVersion,
  draftUpdatedAt: f.draftUpdatedAt.toISOString(),
  archivedAt: f.archivedAt?.toISOString() ?? null,
});

async function flowDetail(db: Db, flow: Flow, language: Language) {
  const versions = await listVersions(db, flow.id);
  return {
    ...summaryDto({ ...flow, latestVersion: versions[0]?.version ?? null }),
    draft: flow.draft,
    diagnostics: await validateWithDirectory(db, flow.draft, language),
    versions: versions.map(versionDto),
  };
}

/** Nothing new is made of an archived flow: no draft, version or binding. */
const flowArchived = (flow: Pick<Flow, 'name'>) => new ApiError(409, 'flow_archived', said('flowArchived', { name: flow.name }));

/** The flow, unless it is archived. */
async function inUse(db: Db, id: string): Promise<Flow> {
  const flow = found(await findFlow(db, id), 'flow', id);
  if (flow.archivedAt !== null) throw flowArchived(flow);
  return flow;
}

const withLatestVersion = async (db: Db, flow: Flow) => summaryDto({ ...flow, latestVersion: (await listVersions(db, flow.id))[0]?.version ?? null });

/** Flows decide who approves what for everybody, so only ops and admins change them. */
export const designersOnly = onlyRoles(roleAbilities.editFlows, 'create, change, publish or bind flows');

/**
 * Refuses a document that does not validate: 422 with one detail per diagnostic, node id first,
 * worded in `language` (the codes are the same in every language).
 */
export async function requireValid(db: Db, document: unknown, language: Language) {
  const diagnostics = await validateWithDirectory(db, document, language);
  if (diagnostics.length > 0) {
    throw new ApiError(
      422,
      'invalid_flow',
      translate(language, 'flowDiagnostics')('summary', { count: diagnostics.length }),
      diagnostics.map((d) => ({ path: [d.nodeId && `nodes.${d.nodeId}`, d.edgeId && `edges.${d.edgeId}`, d.field].filter(Boolean).join('.'), message: d.message, code: d.code, nodeId: d.nodeId })),
    );
  }
}

export function flowsRouter({ db, decisionLinks, temporal }: AppDeps) {
  const router = createRouter();
  // Draft bodies name the node kinds by reference (`FlowNode`); this puts them in the description.
  for (const [name, schema] of Object.entries(flowNodeComponents())) router.openAPIRegistry.registerComponent('schemas', name, schema);
  return router
    .openapi(
      routes.listFlows,
      async (c) => {
        const rows = await listFlows(db, { archived: c.req.valid('query').archived === 'true' });
        return c.json(
          rows.map((f) => summaryDto({ ...f, latestVersion: f.latestVersion ?? null })),
          200,
        );
      },
    )
    .openapi(
      { ...routes.archiveFlow, middleware: designersOnly },
      async (c) => {
        const { id } = c.req.valid('param');
        const { flow, boundAt: bindings } = found(await archiveFlowIfUnbound(db, id), 'flow', id);
        if (bindings.length > 0) {
          const events = translate(requestLanguage(c), 'flowCatalog');
          const eventName = (event: string) => {
            const known = triggerEvents.find((candidate) => candidate === event);
            return known === undefined ? event : events(`events.${known}`);
          };
          throw new ApiError(
            409,
            'flow_bound',
            said('flowStillBound', { name: flow.name, count: bindings.length }),
            bindings.map((b) => {
              const where = b.projectId === null ? said('flowBoundAll', { event: eventName(b.triggerEvent) }) : said('flowBoundProject', { event: eventName(b.triggerEvent), project: b.projectName ?? b.projectId });
              return { path: 'bindings', message: sayIn('en', where), said: where };
            }),
          );
        }
        return c.json(await withLatestVersion(db, flow), 200);
      },
    )
    .openapi(
      { ...routes.restoreFlow, middleware: designersOnly },
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await withLatestVersion(db, found(await restoreFlow(db, id), 'flow', id)), 200);
      },
    )
    .openapi(
      { ...routes.createFlow, middleware: designersOnly },
      async (c) => {
        const { draft } = c.req.valid('json');
        const flow = await insertFlow(db, { name: draft.name, triggerEvent: triggerEventOf(draft), draft });
        return c.json(await flowDetail(db, flow, requestLanguage(c)), 201);
      },
    )
    .openapi(
      { ...routes.importFlow, middleware: designersOnly },
      async (c) => {
        const { draft } = c.req.valid('json');
        const shape = flowDraftSchema.safeParse(draft);
        if (!shape.success) throw invalidFields(zodDetails(shape.error).map((d) => ({ ...d, path: `draft${d.path ? `.${d.path}` : ''}` })));
        await requireValid(db, shape.data, requestLanguage(c));
        const flow = await insertFlow(db, { name: shape.data.name, triggerEvent: triggerEventOf(shape.data), draft: shape.data });
        return c.json(await flowDetail(db, flow, requestLanguage(c)), 201);
      },
    )
    .openapi(
      routes.validateFlow,
      async (c) => c.json(await validateWithDirectory(db, c.req.valid('json').draft, requestLanguage(c)), 200),
    )
    .openapi(
      routes.getFlow,
      async (c) => {
        const { id } = c.req.valid('param');
        const flow = found(await findFlow(db, id), 'flow', id);
        return c.json(await flowDetail(db, flow, requestLanguage(c)), 200);
      },
    )
    .openapi(
      { ...routes.saveDraft, middleware: designersOnly },
      async (c) => {
        const { id } = c.req.valid('param');
        const { draft } = c.req.valid('json');
        await inUse(db, id);
        const flow = await saveDraft(db, id, { name: draft.name, triggerEvent: triggerEventOf(draft), document: draft });
        return c.json(await flowDetail(db, flow, requestLanguage(c)), 200);
      },
    )
    .openapi(
      { ...routes.publishFlow, middleware: designersOnly },
      async (c) => {
        const { id } = c.req.valid('param');
        const flow = await inUse(db, id);
        await requireValid(db, flow.draft, requestLanguage(c));
        const version = await publishVersion(db, id, flow.draft, c.get('principal').userId);
        // Schedules bound to this flow fire at the new version's times from now on (or stop, if its
        // trigger is no longer a schedule).
        await syncSchedulesOfFlow({ db, ...temporal }, id);
        return c.json({ ...versionDto(version), flowId: id, document: version.document }, 201);
      },
    )
    .openapi(
      routes.listVersions,
      async (c) => {
        const { id } = c.req.valid('param');
        if (!(await findFlow(db, id))) throw notFound('flow', id);
        return c.json((await listVersions(db, id)).map(versionDto), 200);
      },
    )
    .openapi(
      routes.getVersion,
      async (c) => {
        const { id, version } = c.req.valid('param');
        const row = found(await findVersion(db, id, version), 'flowVersion', `${id} v${version}`);
        return c.json({ ...versionDto(row), flowId: id, document: row.document }, 200);
      },
    )
    .openapi(
      routes.exportFlow,
      async (c) => {
        const { id } = c.req.valid('param');
        const flow = found(await findFlow(db, id), 'flow', id);
        c.header('content-disposition', `attachment; filename="${flow.name.replace(/[^\w.-]+/g, '-').toLowerCase()}.flow.json"`);
        // Drafts are shape-checked when saved, so this parse only restores their type.
        return c.json(flowDraftSchema.parse(flow.draft), 200);
      },
    )
    .openapi(
      { ...routes.getWebhookSecret, middleware: designersOnly },
      async (c) => {
        const { id } = c.req.valid('param');
        if (!(await findFlow(db, id))) throw notFound('flow', id);
        if (!decisionLinks) throw new ApiError(503, 'not_configured', said('signingNotConfigured', { secret: 'MILEPOST_SECRET' }));
        c.header('Cache-Control', 'no-store');
        return c.json({ flowId: id, header: signatureHeader, secret: flowWebhookSecret(decisionLinks.secret, id), scheme: 'sha256=<hex HMAC-SHA256 of the exact body bytes>' }, 200);
      },
    );
}

export function flowBindingsRouter({ db, temporal }: AppDeps) {
  const schedules = { db, ...temporal };
  return createRouter()
    .openapi(
      routes.listBindings,
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
              version: b.pinnedVersion,
              ...(schedule ? { nextRuns: nextRunsOf(schedule, now), timeZone: schedule.timeZone } : {}),
            };
          }),
          200,
        );
      },
    )
    .openapi(
      routes.projectFlowBindings,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        const now = new Date();
        const scheduleOf = new Map((await listScheduleBindings(db)).map((s) => [s.projectId ?? '', s.schedule]));
        const resolvedByEvent = await Promise.all(triggerEvents.map(async (triggerEvent) => ({ triggerEvent, resolved: await resolveBinding(db, id, triggerEvent) })));
        // Read from the audit trail once, and only when some event has nothing running.
        const removals = resolvedByEvent.some((e) => !e.resolved) ? await lastBindingRemovals(db, id) : new Map<string, BindingRemoval>();
        const entries = await Promise.all(
          resolvedByEvent.map(async ({ triggerEvent, resolved }) => {
            if (!resolved) {
              const removal = removals.get(triggerEvent);
              const removed = removal ? { at: removal.at.toISOString(), by: removal.byName, scope: removal.scope } : null;
              return { triggerEvent, source: 'none' as const, flowId: null, flowName: null, version: null, pinned: false, removed };
            }
            const flow = await findFlow(db, resolved.binding.flowId);
            const schedule = triggerEvent === 'schedule' ? scheduleOf.get(resolved.binding.projectId ?? '') : undefined;
            return {
              triggerEvent,
              source: resolved.binding.projectId === null ? ('global' as const) : ('project' as const),
              flowId: resolved.binding.flowId,
              flowName: flow?.name ?? null,
              version: resolved.version.version,
              pinned: resolved.binding.pinnedVersion !== null,
              removed: null,
              ...(schedule ? { nextRuns: nextRunsOf(schedule, now), timeZone: schedule.timeZone } : {}),
            };
          }),
        );
        return c.json(entries, 200);
      },
    )
    .openapi(
      { ...routes.unbindFlow, middleware: designersOnly },
      async (c) => {
        const query = c.req.valid('query');
        const projectId = query.projectId ?? null;
        if (!(await unbindFlow(db, { triggerEvent: query.triggerEvent, projectId }))) {
          throw notFound('flowBinding', `${query.triggerEvent} for ${projectId ?? 'all projects'}`);
        }
        if (query.triggerEvent === 'schedule') await syncFlowSchedule(schedules, projectId);
        return c.json(query, 200);
      },
    )
    .openapi(
      { ...routes.bindFlow, middleware: designersOnly },
      async (c) => {
        const body = c.req.valid('json');
        const flow = await findFlow(db, body.flowId);
        if (!flow) throw invalidFields([fieldDetail('flowId', 'field.noFlow', { id: body.flowId })]);
        if (flow.archivedAt !== null) throw flowArchived(flow);
        if (flow.triggerEvent !== body.triggerEvent) {
          throw invalidFields([{ path: 'triggerEvent', message: `flow "${flow.name}" starts on ${flow.triggerEvent}, not ${body.triggerEvent}` }]);
        }
        const published = (await listVersions(db, flow.id)).map((v) => v.version);
        if (published.length === 0) throw invalidFields([fieldDetail('flowId', 'field.flowUnpublished')]);
        const pinnedVersion = body.version ?? null;
        if (pinnedVersion !== null && !published.includes(pinnedVersion)) {
          throw invalidFields([{ path: 'version', message: `flow "${flow.name}" has no published version ${pinnedVersion}; it has ${published.join(', ')}` }]);
        }
        if (body.projectId && !(await findProject(db, body.projectId))) {
          throw invalidFields([fieldDetail('projectId', 'field.noProject', { id: body.projectId })]);
        }
        if (!(await bindFlow(db, { ...body, pinnedVersion }))) throw flowArchived(flow);
        if (body.triggerEvent === 'schedule') await syncFlowSchedule(schedules, body.projectId);
        return c.json({ ...body, version: pinnedVersion }, 200);
      },
    );
}
