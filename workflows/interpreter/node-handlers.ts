import type { FlowNode, NodeKind } from '../flow/catalog';
import { branchPortId } from '../flow/nodes/parallel-split';
import { evaluateRule, RuleError } from '../flow/rule';
import { renderTemplate, lookupVariable } from '../flow/template';
import { deadlineOf, sleepUntilDeadline, startDeadline } from './durations';
import { runHumanStep } from './human-step';
import { sendChat } from './chat-notes';
import { setVariable, type RunScope } from './run-scope';

/**
 * A step's Chinese subject and message, only when it has them: a step without them hands the
 * activity exactly what it always did.
 */
const inChinese = (config: { subjectZh?: string | undefined; messageZh?: string | undefined }) => ({
  ...(config.subjectZh === undefined ? {} : { subjectZh: config.subjectZh }),
  ...(config.messageZh === undefined ? {} : { messageZh: config.messageZh }),
});

type NodeOf<K extends NodeKind> = Extract<FlowNode, { kind: K }>;

/**
 * Runs one step and answers the output ports the run continues through (none = this path ends).
 * End and parallel join are handled by the runner itself, which owns the run's tokens.
 */
export type NodeHandler<K extends NodeKind> = (node: NodeOf<K>, scope: RunScope) => Promise<readonly string[]>;

/** Every kind has a handler: adding a kind to the catalog without one does not compile. */
export const nodeHandlers: { [K in NodeKind]: NodeHandler<K> } = {
  trigger: async () => ['next'],

  notify: async (node, scope) => {
    const stepKey = scope.stepKey(node.id);
    const people = await scope.env.effects.notify({
      runId: scope.runId,
      projectId: scope.input.projectId,
      stepKey,
      rule: node.config.recipient,
      spec: { channel: node.config.channel, subject: node.config.subject, message: node.config.message, webhookUrl: node.config.webhookUrl, chatChannelId: node.config.chatChannelId, ...inChinese(node.config) },
      context: scope.context,
    });
    scope.note({ nodeId: node.id, kind: node.kind, at: new Date(scope.env.now()).toISOString(), note: `told ${people.length} ${people.length === 1 ? 'person' : 'people'}` });
    await sendChat(scope, node, stepKey);
    return ['next'];
  },

  wait_for_ack: async (node, scope) => {
    const outcome = await runHumanStep(scope, {
      nodeId: node.id,
      kind: 'acknowledgement',
      people: node.config.recipient,
      spec: { channel: node.config.channel, subject: node.config.subject, message: node.config.message, chatChannelId: node.config.chatChannelId, ...inChinese(node.config) },
      deadline: await startDeadline(scope, node.config.timeout),
      allowDelegation: false,
      sequential: false,
      decided: (slots) => slots.some((s) => s.status === 'acknowledged'),
    });
    return [outcome.slots.some((s) => s.status === 'acknowledged') ? 'acknowledged' : 'timed_out'];
  },

  approval: async (node, scope) => {
    const { mode, timeoutAction } = node.config;
    const outcome = await runHumanStep(scope, {
      nodeId: node.id,
      kind: 'approval',
      people: node.config.approvers,
      spec: { channel: node.config.channel ?? 'inbox', subject: node.config.subject, message: node.config.message, chatChannelId: node.config.chatChannelId, ...inChinese(node.config) },
      deadline: await startDeadline(scope, node.config.timeout),
      allowDelegation: node.config.allowDelegation,
      sequential: mode === 'sequence',
      decided: (slots) =>
        mode === 'any'
          ? slots.some((s) => s.status === 'approved' || s.status === 'rejected')
          : slots.some((s) => s.status === 'rejected') || slots.every((s) => s.status === 'approved'),
    });
    const rejected = outcome.slots.find((s) => s.status === 'rejected');
    const approved = outcome.slots.filter((s) => s.status === 'approved');
    let decision: 'approved' | 'rejected' | 'timed_out';
    if (rejected) decision = 'rejected';
    else if (!outcome.timedOut && !outcome.nobody && (mode === 'any' ? approved.length > 0 : approved.length === outcome.slots.length)) decision = 'approved';
    else decision = timeoutAction === 'approve' ? 'approved' : timeoutAction === 'reject' ? 'rejected' : 'timed_out';
    const decider = rejected ?? approved[approved.length - 1];
    setVariable(scope.context, 'approval.decision', decision);
    setVariable(scope.context, 'approval.decidedBy.name', decider?.decidedBy ?? '');
    setVariable(scope.context, 'approval.comment', decider?.comment ?? '');
    return [decision];
  },

  escalate: async (node, scope) => {
    const previous = lookupVariable(scope.context, 'escalation.level');
    const level = (typeof previous === 'number' ? previous : 0) + 1;
    const reached = await scope.env.effects.escalate({
      stepKey: scope.stepKey(node.id),
      runId: scope.runId,
      projectId: scope.input.projectId,
      event: scope.input.event,
      subjectId: scope.input.subjectId,
      level,
    });
    if (!reached) return ['top_reached'];
    setVariable(scope.context, 'escalation', { level, recipient: { id: reached.id, name: reached.name } });
    return ['next'];
  },

  condition: async (node, scope) => {
    try {
      return [evaluateRule(node.config.rule, scope.context) ? 'true' : 'false'];
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      scope.note({ nodeId: node.id, kind: node.kind, at: new Date(scope.env.now()).toISOString(), note: `rule could not be evaluated (${error.message}); took "No"` });
      return ['false'];
    }
  },

  parallel_split: async (node) => Array.from({ length: node.config.branches }, (_, i) => branchPortId(i + 1)),
  parallel_join: async () => ['next'],

  delay: async (node, scope) => {
    await sleepUntilDeadline(scope, node.id, await startDeadline(scope, node.config.duration));
    return ['next'];
  },

  set_status: async (node, scope) => {
    await scope.env.effects.setProjectHealth({
      stepKey: scope.stepKey(node.id),
      projectId: scope.input.projectId,
      status: node.config.status,
      reason: node.config.reason === undefined ? null : renderTemplate(node.config.reason, scope.context),
    });
    return ['next'];
  },

  create_task: async (node, scope) => {
    const taskId = await scope.env.effects.createTask({
      projectId: scope.input.projectId,
      runId: scope.runId,
      stepKey: scope.stepKey(node.id),
      title: node.config.title,
      assigneeRule: node.config.assignee,
      dueAt: new Date(await deadlineOf(scope, node.config.dueIn)).toISOString(),
      context: scope.context,
    });
    setVariable(scope.context, 'task', { id: taskId, title: renderTemplate(node.config.title, scope.context) });
    return ['next'];
  },

  webhook: async (node, scope) => {
    const { retries, timeoutSeconds } = node.config;
    const outcome = await scope.env.callWebhook(
      { url: node.config.url, method: node.config.method, headers: node.config.headers, body: node.config.body, timeoutSeconds, context: scope.context, runId: scope.runId },
      { retries, timeoutSeconds, stepKey: scope.stepKey(node.id) },
    );
    setVariable(scope.context, 'webhook.status', outcome.status ?? 0);
    if (outcome.ok) return ['success'];
    const why = outcome.retried ? `gave up after ${retries + 1} attempts` : 'failed, not retried';
    scope.note({ nodeId: node.id, kind: node.kind, at: new Date(scope.env.now()).toISOString(), note: `${why}: ${outcome.message}` });
    return ['failure'];
  },

  start_retrospective: async (node, scope) => {
    await scope.env.startRetrospective({ projectId: scope.input.projectId, stepKey: scope.stepKey(node.id) });
    return ['next'];
  },

  end: async () => [],
};
