import type { FlowDocument } from '../flow/graph-schema';
import type { FlowNode, NodeKind } from '../flow/catalog';
import { changeReaches } from '../domain/shared-calendars';
import { sendChat } from './chat-notes';
import type { FlowEnv } from './flow-env';
import type { CalendarChange, Decision, DecisionResult, FlowResult, FlowRunInput, FlowRunResult, FlowRunState, PathStep } from './flow-run-messages';
import { nodeHandlers, type NodeHandler } from './node-handlers';
import { arriveAtJoin, createGroups, endBranch, rootToken, type GroupOutcome, type Token } from './parallel-groups';
import type { RunScope, TrackedRequest } from './run-scope';

/** A safety net under validation's "no loop without a wait": a run never takes more steps. */
const MAX_STEPS = 5_000;
const PATH_KEPT = 500;

const decisionStatus = { approve: 'approved', reject: 'rejected', acknowledge: 'acknowledged' } as const;

/** Throws, with the reason, when a decision may not be taken on this run's request. */
export function checkDecision(request: TrackedRequest | undefined, decision: Decision): void {
  if (!request) throw new Error(`Request ${decision.requestId} does not belong to this flow run.`);
  if (request.status !== 'pending') throw new Error(`Request ${decision.requestId} is already ${request.status.replace('_', ' ')}.`);
  if (request.approverId !== decision.userId) throw new Error('Only the person this request is assigned to can decide it.');
  // An acknowledgement may always be handed on. Histories from before never hold such a decision
  // (the update's validator refused it, and refused updates are not recorded), so replay is unchanged.
  const allowed = request.kind === 'acknowledgement' ? ['acknowledge', 'delegate'] : request.allowDelegation ? ['approve', 'reject', 'delegate'] : ['approve', 'reject'];
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

export interface FlowRunner {
  /** Walks the graph from its trigger until every path has ended. */
  run(): Promise<FlowRunResult>;
  state(): FlowRunState;
  /** Throws when the decision may not be taken (the update's validator). */
  validateDecision(decision: Decision): void;
  decide(decision: Decision): Promise<DecisionResult>;
  /** The shared holiday calendar changed: business-unit deadlines being awaited that it reaches are counted again. */
  calendarChanged(change?: CalendarChange): void;
  /** The run's id once registered (`run` registers it first). */
  readonly runId: string | undefined;
}

/**
 * The interpreter: one published flow version for one event, walked from its trigger, each step's
 * effects through `env.effects`, people's decisions through `decide`. It knows nothing of Temporal:
 * the workflow and the simulator each drive it with their own clock (see flow-env.ts).
 */
export function createFlowRunner(input: FlowRunInput, doc: FlowDocument, env: FlowEnv): FlowRunner {
  const nodes = new Map(doc.nodes.map((node) => [node.id, node]));
  const trigger = doc.nodes.find((node) => node.kind === 'trigger');
  if (!trigger) throw env.failure('InvalidFlow', 'The flow has no trigger.');

  const requests = new Map<string, TrackedRequest>();
  const active = new Map<string, number>();
  const visits = new Map<string, number>();
  const sleeping = new Map<string, string>();
  const groups = createGroups();
  const path: PathStep[] = [];
  let status: FlowRunState['status'] = 'running';
  let result: FlowResult | undefined;
  let steps = 0;
  let scope: RunScope | undefined;
  /** Every calendar change heard, in order: its years, or undefined when any day may have changed. */
  const calendarChanges: (number[] | undefined)[] = [];

  const state = (): FlowRunState => ({
    flowVersionId: input.flowVersionId,
    status,
    currentNodes: [...active.keys()],
    path,
    waitingFor: [...requests.values()]
      .filter((r) => r.status === 'pending')
      .map(({ requestId, nodeId, kind, approverId, until }) => ({ requestId, nodeId, kind, approverId, until })),
    sleepingUntil: [...sleeping.entries()].map(([nodeId, until]) => ({ nodeId, until })),
    ...(result ? { result } : {}),
  });

  const validateDecision = (decision: Decision) => {
    if (!requests.has(decision.requestId) && (scope?.opening ?? 0) > 0) return;
    checkDecision(requests.get(decision.requestId), decision);
  };

  const decide = async (decision: Decision): Promise<DecisionResult> => {
    // Accepted while its request was still being opened: wait for it, then check for real.
    await env.condition(() => requests.has(decision.requestId) || (scope?.opening ?? 0) === 0);
    try {
      checkDecision(requests.get(decision.requestId), decision);
    } catch (error) {
      throw env.failure('DecisionRefused', (error as Error).message);
    }
    const request = requests.get(decision.requestId)!;
    const runId = scope!.runId;
    if (decision.decision === 'delegate') {
      const [delegate] = await env.effects.resolvePeople({ projectId: input.projectId, rule: { kind: 'user', userId: decision.delegateTo! }, context: scope!.context });
      if (!delegate) throw env.failure('DelegateNotFound', `Nobody active with id ${decision.delegateTo} can take the request over.`);
      const decided = await env.effects.recordDecision({ requestId: request.requestId, userId: decision.userId, status: 'delegated', comment: decision.comment, via: decision.via });
      request.status = 'delegated';
      const stepKey = `${request.slot}:delegated:${request.requestId}`;
      const [opened] = await env.effects.openRequests({
        runId,
        projectId: input.projectId,
        nodeId: request.nodeId,
        stepKey,
        kind: request.kind,
        people: [delegate],
        dueAt: request.until,
        spec: { channel: 'inbox', subject: 'Handed to you: {{project.name}}', message: 'Hello {{recipient.name}}, a decision was delegated to you.', subjectZh: '转交给您：{{project.name}}', messageZh: '{{recipient.name}}，您好：一项决定已转交给您。' },
        context: scope!.context,
      });
      requests.set(opened!.requestId, { ...request, requestId: opened!.requestId, approverId: delegate.id, status: 'pending' });
      // The delegate's chat copy (when they chose a chat channel) goes out after the update has
      // answered: the click that delegates does not wait on a chat platform and its retries.
      if (env.sendsDelegatedChat()) {
        void sendChat(scope!, { id: request.nodeId, kind: request.kind === 'approval' ? 'approval' : 'wait_for_ack' }, stepKey).catch((error: unknown) => {
          if (!env.isCancellation(error)) throw error;
        });
      }
      return { requestId: request.requestId, decidedAt: decided.decidedAt, delegatedRequestId: opened!.requestId };
    }
    const next = decisionStatus[decision.decision];
    const decided = await env.effects.recordDecision({ requestId: request.requestId, userId: decision.userId, status: next, comment: decision.comment, via: decision.via });
    // The step may have timed out while this was recorded; the database then kept the timeout.
    if (request.status === 'pending') Object.assign(request, { status: next, comment: decision.comment, decidedBy: decided.deciderName });
    return { requestId: request.requestId, decidedAt: decided.decidedAt };
  };

  const outgoing = (nodeId: string, ports: readonly string[]) =>
    doc.edges.filter((edge) => edge.source === nodeId && ports.includes(edge.sourcePort)).map((edge) => edge.target);

  const incoming = new Map<string, number>();
  for (const edge of doc.edges) incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  /** Arrivals at each join, for runs that keep the rule from before (count against incoming edges). */
  const legacyArrivals = new Map<string, number>();

  const follow = async (outcome: GroupOutcome): Promise<void> => {
    if (outcome.kind !== 'continue') return;
    // A join that also gathers branches of an enclosing fork (more edges come in than the closed
    // group had branches): the closed group counts as one arrival there, so the join goes on once.
    if (outcome.closed !== undefined && outcome.token.length > 0 && (incoming.get(outcome.joinNodeId) ?? 0) > outcome.closed) {
      return follow(arriveAtJoin(outcome.token, outcome.joinNodeId));
    }
    await step(outcome.joinNodeId, outcome.token);
  };

  /** Runs one step and every path that leaves it. */
  const step = async (nodeId: string, token: Token): Promise<void> => {
    const node = nodes.get(nodeId)!;
    if (++steps > MAX_STEPS) throw env.failure('TooManySteps', `The flow took more than ${MAX_STEPS} steps; it is stopped.`);
    const run = scope!;
    active.set(nodeId, (active.get(nodeId) ?? 0) + 1);
    const started = new Date(env.now()).toISOString();
    const ports = await dispatch(node, run);
    visits.set(nodeId, (visits.get(nodeId) ?? 0) + 1);
    const left = (active.get(nodeId) ?? 1) - 1;
    if (left > 0) active.set(nodeId, left);
    else active.delete(nodeId);
    run.note({ nodeId, kind: node.kind, at: started, endedAt: new Date(env.now()).toISOString(), ...(ports.length > 0 ? { port: ports.join(',') } : {}) });
    if (node.kind === 'end') result = node.config.result;
    const targets = outgoing(nodeId, ports);
    if (targets.length === 0) return env.joinsWaitForLiveBranches ? follow(endBranch(token)) : undefined;
    const branches = groups.fork(token, targets.length);
    await Promise.all(targets.map((target, i) => visit(target, branches[i]!)));
  };

  const visit = async (nodeId: string, token: Token): Promise<void> => {
    const node = nodes.get(nodeId);
    if (!node) return env.joinsWaitForLiveBranches ? follow(endBranch(token)) : undefined;
    if (node.kind === 'parallel_join' && !env.joinsWaitForLiveBranches) {
      const arrived = (legacyArrivals.get(nodeId) ?? 0) + 1;
      if (arrived < (incoming.get(nodeId) ?? 1)) return void legacyArrivals.set(nodeId, arrived);
      legacyArrivals.delete(nodeId);
      return step(nodeId, token);
    }
    if (node.kind === 'parallel_join') return follow(arriveAtJoin(token, nodeId));
    return step(nodeId, token);
  };

  const run = async (): Promise<FlowRunResult> => {
    const runId = await env.effects.registerRun({
      workflowId: env.runKey,
      flowVersionId: input.flowVersionId,
      projectId: input.projectId,
      event: input.event,
      subjectId: input.subjectId,
    });
    scope = {
      input,
      env,
      runId,
      // The sandbox has no structuredClone; the context is plain JSON anyway.
      context: JSON.parse(JSON.stringify(input.context)) as Record<string, unknown>,
      requests,
      opening: 0,
      stepKey: (nodeId) => `${nodeId}#${visits.get(nodeId) ?? 0}`,
      note: (entry) => {
        env.onStep?.(entry);
        path.push(entry);
        if (path.length > PATH_KEPT) path.splice(0, path.length - PATH_KEPT);
      },
      sleeping,
      calendarChanges: () => calendarChanges.length,
      calendarChangedSince: (seen, from, to) => calendarChanges.slice(seen).some((years) => changeReaches(years, from, to)),
    };
    try {
      await visit(trigger.id, rootToken);
      status = 'completed';
      await env.handlersFinished();
      await env.effects.finishRun({ runId, status: 'completed', path });
      return { result: result ?? 'done', context: scope.context };
    } catch (error) {
      status = env.isCancellation(error) ? 'cancelled' : 'failed';
      // A cancelled run still tidies up: nobody is left with a request that no longer matters.
      await env.nonCancellable(async () => {
        const open = [...requests.values()].filter((r) => r.status === 'pending').map((r) => r.requestId);
        await env.effects.closeRequests({ requestIds: open, status: 'cancelled' });
        await env.effects.finishRun({ runId, status, path });
      });
      throw error;
    }
  };

  return {
    run,
    state,
    validateDecision,
    decide,
    calendarChanged: (change) => {
      calendarChanges.push(change?.years);
    },
    get runId() {
      return scope?.runId;
    },
  };
}
