import { ApplicationFailure, CancellationScope, allHandlersFinished, condition, isCancellation, setHandler, workflowInfo } from '@temporalio/workflow';
import type { FlowNode, NodeKind } from '../flow/catalog';
import { flowDocumentSchema } from '../flow/graph-schema';
import { flowActs } from './flow-activities-proxy';
import {
  decideUpdate,
  flowRunStateQuery,
  type Decision,
  type FlowResult,
  type FlowRunInput,
  type FlowRunState,
  type FlowRunResult,
  type PathStep,
} from './flow-run-messages';
import { nodeHandlers, type NodeHandler } from './node-handlers';
import type { RunScope, TrackedRequest } from './run-scope';

/** A safety net under validation's "no loop without a wait": a run never takes more steps. */
const MAX_STEPS = 5_000;
const PATH_KEPT = 500;

const decisionStatus = { approve: 'approved', reject: 'rejected', acknowledge: 'acknowledged' } as const;

function checkDecision(request: TrackedRequest | undefined, decision: Decision): void {
  if (!request) throw new Error(`Request ${decision.requestId} does not belong to this flow run.`);
  if (request.status !== 'pending') throw new Error(`Request ${decision.requestId} is already ${request.status.replace('_', ' ')}.`);
  if (request.approverId !== decision.userId) throw new Error('Only the person this request is assigned to can decide it.');
  const allowed = request.kind === 'acknowledgement' ? ['acknowledge'] : request.allowDelegation ? ['approve', 'reject', 'delegate'] : ['approve', 'reject'];
  if (!allowed.includes(decision.decision)) {
    throw new Error(`"${decision.decision}" is not possible here; this request takes ${allowed.join(' or ')}.`);
  }
  if (decision.decision === 'delegate' && (!decision.delegateTo || decision.delegateTo === decision.userId)) {
    throw new Error('Delegation needs someone else to hand the request to (delegateTo).');
  }
}

function dispatch<K extends NodeKind>(node: Extract<FlowNode, { kind: K }>, scope: RunScope): Promise<readonly string[]> {
  // TypeScript cannot correlate node.kind with its handler's parameter; the mapped type guarantees it.
  const handler = nodeHandlers[node.kind as K] as NodeHandler<K>;
  return handler(node, scope);
}

/**
 * Runs one published flow version for one event: walks the graph from its trigger, each step's
 * effects through activities, people's decisions through the `decide` update.
 */
export async function flowRun(input: FlowRunInput): Promise<FlowRunResult> {
  const parsed = flowDocumentSchema.safeParse(input.document);
  if (!parsed.success) {
    throw ApplicationFailure.create({ type: 'InvalidFlow', message: `The flow version cannot run: ${parsed.error.message}`, nonRetryable: true });
  }
  const doc = parsed.data;
  const nodes = new Map(doc.nodes.map((node) => [node.id, node]));
  const incoming = new Map<string, number>();
  for (const edge of doc.edges) incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  const trigger = doc.nodes.find((node) => node.kind === 'trigger');
  if (!trigger) throw ApplicationFailure.create({ type: 'InvalidFlow', message: 'The flow has no trigger.', nonRetryable: true });

  const requests = new Map<string, TrackedRequest>();
  const active = new Map<string, number>();
  const visits = new Map<string, number>();
  const joinArrivals = new Map<string, number>();
  const path: PathStep[] = [];
  let status: FlowRunState['status'] = 'running';
  let result: FlowResult | undefined;
  let steps = 0;

  const runId = await flowActs.registerRun({
    workflowId: workflowInfo().workflowId,
    flowVersionId: input.flowVersionId,
    projectId: input.projectId,
    event: input.event,
    subjectId: input.subjectId,
  });

  const scope: RunScope = {
    input,
    runId,
    // The sandbox has no structuredClone; the context is plain JSON anyway.
    context: JSON.parse(JSON.stringify(input.context)) as Record<string, unknown>,
    requests,
    opening: 0,
    stepKey: (nodeId) => `${nodeId}#${visits.get(nodeId) ?? 0}`,
    note: (step) => {
      path.push(step);
      if (path.length > PATH_KEPT) path.splice(0, path.length - PATH_KEPT);
    },
  };

  setHandler(flowRunStateQuery, () => ({
    flowVersionId: input.flowVersionId,
    status,
    currentNodes: [...active.keys()],
    path,
    waitingFor: [...requests.values()]
      .filter((r) => r.status === 'pending')
      .map(({ requestId, nodeId, kind, approverId, until }) => ({ requestId, nodeId, kind, approverId, until })),
    ...(result ? { result } : {}),
  }));

  setHandler(
    decideUpdate,
    async (decision) => {
      // Accepted while its request was still being opened: wait for it, then check for real.
      await condition(() => requests.has(decision.requestId) || scope.opening === 0);
      try {
        checkDecision(requests.get(decision.requestId), decision);
      } catch (error) {
        throw ApplicationFailure.create({ type: 'DecisionRefused', message: (error as Error).message, nonRetryable: true });
      }
      const request = requests.get(decision.requestId)!;
      if (decision.decision === 'delegate') {
        const [delegate] = await flowActs.resolvePeople({ projectId: input.projectId, rule: { kind: 'user', userId: decision.delegateTo! }, context: scope.context });
        if (!delegate) throw ApplicationFailure.create({ type: 'DelegateNotFound', message: `Nobody active with id ${decision.delegateTo} can take the request over.`, nonRetryable: true });
        const decided = await flowActs.recordDecision({ requestId: request.requestId, userId: decision.userId, status: 'delegated', comment: decision.comment, via: decision.via });
        request.status = 'delegated';
        const [opened] = await flowActs.openRequests({
          runId,
          projectId: input.projectId,
          nodeId: request.nodeId,
          stepKey: `${request.slot}:delegated:${request.requestId}`,
          kind: request.kind,
          people: [delegate],
          dueAt: request.until,
          spec: { channel: 'inbox', subject: 'Handed to you: {{project.name}}', message: 'Hello {{recipient.name}}, a decision was delegated to you.' },
          context: scope.context,
        });
        requests.set(opened!.requestId, { ...request, requestId: opened!.requestId, approverId: delegate.id, status: 'pending' });
        return { requestId: request.requestId, decidedAt: decided.decidedAt, delegatedRequestId: opened!.requestId };
      }
      const next = decisionStatus[decision.decision];
      const decided = await flowActs.recordDecision({ requestId: request.requestId, userId: decision.userId, status: next, comment: decision.comment, via: decision.via });
      // The step may have timed out while this was recorded; the database then kept the timeout.
      if (request.status === 'pending') Object.assign(request, { status: next, comment: decision.comment, decidedBy: decided.deciderName });
      return { requestId: request.requestId, decidedAt: decided.decidedAt };
    },
    {
      validator: (decision) => {
        if (!requests.has(decision.requestId) && scope.opening > 0) return;
        checkDecision(requests.get(decision.requestId), decision);
      },
    },
  );

  const visit = async (nodeId: string): Promise<void> => {
    const node = nodes.get(nodeId);
    if (!node) return;
    if (node.kind === 'parallel_join') {
      const arrived = (joinArrivals.get(nodeId) ?? 0) + 1;
      if (arrived < (incoming.get(nodeId) ?? 1)) {
        joinArrivals.set(nodeId, arrived);
        return; // this path waits here for the others
      }
      joinArrivals.delete(nodeId);
    }
    if (++steps > MAX_STEPS) {
      throw ApplicationFailure.create({ type: 'TooManySteps', message: `The flow took more than ${MAX_STEPS} steps; it is stopped.`, nonRetryable: true });
    }
    active.set(nodeId, (active.get(nodeId) ?? 0) + 1);
    const started = new Date().toISOString();
    const ports = await dispatch(node, scope);
    visits.set(nodeId, (visits.get(nodeId) ?? 0) + 1);
    const left = (active.get(nodeId) ?? 1) - 1;
    if (left > 0) active.set(nodeId, left);
    else active.delete(nodeId);
    scope.note({ nodeId, kind: node.kind, at: started, ...(ports.length > 0 ? { port: ports.join(',') } : {}) });
    if (node.kind === 'end') result = node.config.result;
    const targets = doc.edges.filter((edge) => edge.source === nodeId && ports.includes(edge.sourcePort)).map((edge) => edge.target);
    await Promise.all(targets.map(visit));
  };

  try {
    await visit(trigger.id);
    status = 'completed';
    await condition(allHandlersFinished);
    await flowActs.finishRun({ runId, status: 'completed' });
    return { result: result ?? 'done', context: scope.context };
  } catch (error) {
    const cancelled = isCancellation(error);
    status = cancelled ? 'cancelled' : 'failed';
    // A cancelled run still tidies up: nobody is left with a request that no longer matters.
    await CancellationScope.nonCancellable(async () => {
      const open = [...requests.values()].filter((r) => r.status === 'pending').map((r) => r.requestId);
      await flowActs.closeRequests({ requestIds: open, status: 'cancelled' });
      await flowActs.finishRun({ runId, status });
    });
    throw error;
  }
}
