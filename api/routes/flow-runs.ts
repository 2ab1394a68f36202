import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import { findFlow, findVersion, findVersionById } from '../../db/queries/flows';
import { finishedRunPaths, findFlowRun, listFlowRuns, namesOf, runDecisions, runningRunsByVersion, type FlowRunRow } from '../../db/queries/flow-runs';
import { flowDraftSchema } from '../../workflows/flow/graph-schema';
import { edgesTaken, runHeat, runPathSchema, stepDurationMs, type RunPathStep } from '../../workflows/flow/run-trace';
import { flowRunStateQuery, type FlowRunState } from '../../workflows/interpreter/flow-run-messages';
import { projectAccessOf, readableProjectIds } from '../access/project-access';
import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { found, notFound } from '../errors';
import { createRouter } from '../router';
import * as routes from '../contract/routes/flow-runs';

const summaryDto = (r: FlowRunRow) => ({
  id: r.id,
  flowId: r.flowId,
  version: r.version,
  project: { id: r.projectId, name: r.projectName },
  triggerEvent: r.triggerEvent,
  subjectId: r.subjectId,
  subjectName: r.subjectName,
  status: r.status,
  startedAt: r.startedAt.toISOString(),
  endedAt: r.endedAt?.toISOString() ?? null,
});

const edgesOf = (document: unknown) => flowDraftSchema.parse(document).edges;

const endConfig = z.object({ result: z.string() });

/** The result of the last end step the path reached (a stored path has no live state to say it). */
function resultOf(path: readonly RunPathStep[], document: unknown): string | null {
  const nodes = flowDraftSchema.parse(document).nodes;
  for (const step of [...path].reverse()) {
    const node = nodes.find((n) => n.id === step.nodeId && n.kind === 'end');
    const config = node && endConfig.safeParse(node.config);
    if (config?.success) return config.data.result;
  }
  return null;
}

/** The live state of a run's workflow, or why it could not be read (the engine is away, the history is gone). */
async function liveState({ temporal }: AppDeps, workflowId: string): Promise<{ state: FlowRunState } | { unavailable: string }> {
  try {
    return { state: await temporal.client.withDeadline(Date.now() + 3_000, () => temporal.client.workflow.getHandle(workflowId).query(flowRunStateQuery)) };
  } catch (error) {
    return { unavailable: (error as Error).message };
  }
}

const traceStep = (step: RunPathStep) => ({
  nodeId: step.nodeId,
  kind: step.kind,
  at: step.at,
  endedAt: step.endedAt ?? null,
  durationMs: stepDurationMs(step),
  port: step.port ?? null,
  note: step.note ?? null,
});

/** A run, when the principal may read its project; else 404, as if it did not exist. */
async function readableRun(db: Db, principal: Principal, id: string) {
  const run = await findFlowRun(db, id);
  if (!run || !(await projectAccessOf(db, principal, run.projectId))) throw notFound('flowRun', id);
  return run;
}

/** `/api/flow-runs/{id}/trace`: what a run did, on its version's graph. */
export function flowRunTraceRouter(deps: AppDeps) {
  const { db } = deps;
  return createRouter().openapi(
    routes.getFlowRunTrace,
    async (c) => {
      const { id } = c.req.valid('param');
      const run = await readableRun(db, c.get('principal'), id);
      const version = await findVersionById(db, run.flowVersionId);
      const stored = run.path === null ? undefined : runPathSchema.safeParse(run.path);
      let pathSource: 'live' | 'stored' | 'none' = 'none';
      let unavailable: string | null = null;
      let path: RunPathStep[] = [];
      let state: FlowRunState | undefined;
      if (run.status === 'running' || !stored?.success) {
        const live = await liveState(deps, run.workflowId);
        if ('state' in live) {
          state = live.state;
          path = runPathSchema.parse(live.state.path);
          pathSource = 'live';
        } else {
          unavailable = live.unavailable;
        }
      }
      if (pathSource === 'none' && stored?.success) {
        path = stored.data;
        pathSource = 'stored';
      }
      const currentNodes = run.status === 'running' ? (state?.currentNodes ?? []) : [];
      const waiting = run.status === 'running' ? (state?.waitingFor ?? []) : [];
      const decisions = await runDecisions(db, id);
      const names = await namesOf(db, waiting.map((w) => w.approverId));
      return c.json(
        {
          ...summaryDto(run),
          flowVersionId: run.flowVersionId,
          pathSource,
          unavailable,
          result: state?.result ?? (version && run.status !== 'running' ? resultOf(path, version.document) : null),
          path: path.map(traceStep),
          edgesTaken: version ? edgesTaken(path, edgesOf(version.document), currentNodes) : [],
          currentNodes,
          waitingFor: waiting.map((w) => ({ requestId: w.requestId, nodeId: w.nodeId, kind: w.kind, person: { id: w.approverId, name: names.get(w.approverId) ?? '' }, until: w.until })),
          decisions: decisions.map((d) => ({
            requestId: d.id,
            nodeId: d.nodeId,
            kind: d.kind,
            status: d.status,
            asked: { id: d.approverId, name: d.approverName },
            askedAt: d.createdAt.toISOString(),
            dueAt: d.dueAt.toISOString(),
            decidedBy: d.decidedBy === null ? null : { id: d.decidedBy, name: d.decidedByName ?? '' },
            decidedAt: d.decidedAt?.toISOString() ?? null,
            comment: d.comment,
            onBehalfOf: d.onBehalfOfId === null ? null : { id: d.onBehalfOfId, name: d.onBehalfOfName ?? '' },
            assignmentNote: d.assignmentNote,
          })),
        },
        200,
      );
    },
  );
}

/** `/api/flows/{id}/runs`, `/api/flows/{id}/running` and `/api/flows/{id}/versions/{version}/heat`: a flow's runs, as far as the reader may see their projects. */
export function flowRunsOfFlowRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(
      routes.listFlowRuns,
      async (c) => {
        const { id } = c.req.valid('param');
        const query = c.req.valid('query');
        if (!(await findFlow(db, id))) throw notFound('flow', id);
        const rows = await listFlowRuns(db, { flowId: id, ...query, readable: readableProjectIds(c.get('principal')) });
        return c.json(rows.map(summaryDto), 200);
      },
    )
    .openapi(
      routes.getRunningByVersion,
      async (c) => {
        const { id } = c.req.valid('param');
        if (!(await findFlow(db, id))) throw notFound('flow', id);
        return c.json(await runningRunsByVersion(db, { flowId: id, readable: readableProjectIds(c.get('principal')) }), 200);
      },
    )
    .openapi(
      routes.getVersionHeat,
      async (c) => {
        const { id, version } = c.req.valid('param');
        const { last } = c.req.valid('query');
        const row = found(await findVersion(db, id, version), 'flowVersion', `${id} v${version}`);
        const edges = edgesOf(row.document);
        const stored = await finishedRunPaths(db, { versionId: row.id, last, readable: readableProjectIds(c.get('principal')) });
        const paths = stored.flatMap((r) => {
          const parsed = runPathSchema.safeParse(r.path);
          return parsed.success ? [parsed.data] : [];
        });
        const heat = runHeat(paths, edges);
        return c.json(
          {
            flowId: id,
            version,
            last,
            runs: heat.runs,
            edges: edges.map((edge) => ({ edgeId: edge.id, runs: heat.edgeRuns[edge.id] ?? 0 })),
            nodes: Object.entries(heat.nodes).map(([nodeId, n]) => ({ nodeId, ...n })),
          },
          200,
        );
      },
    );
}
