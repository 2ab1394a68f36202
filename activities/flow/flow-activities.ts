import { ApplicationFailure, Context } from '@temporalio/activity';
import { onBehalfOf } from '../../db/actor';
import type { Db } from '../../db/connect';
import { cancelPendingRequestsOfRun, closePendingApprovalRequests, movePendingApprovalRequests, whomRequestAnswersFor, decidePendingApprovalRequest, getApprovalRequest, openApprovalRequestOnce } from '../../db/queries/approvals';
import { acknowledgeEscalationsOfRun, insertFlowEscalationOnce } from '../../db/queries/escalations';
import { insertInboxItemOnce, markRequestInboxItemsRead } from '../../db/queries/inbox';
import { findProject, setProjectHealth } from '../../db/queries/projects';
import { getTaskIdByDedupeKey, insertTaskOnce } from '../../db/queries/tasks';
import { findUser, findUserName } from '../../db/queries/users';
import { findVersionById, resolveBoundVersion } from '../../db/queries/flows';
import { findFlowIdOfRun, finishFlowRun, registerFlowRunOnce } from '../../db/queries/flow-runs';
import type { ApprovalRequestKind, ApprovalRequestStatus, FlowRunStatus } from '../../workflows/domain';
import { addBusinessDuration } from '../../workflows/domain/business-calendar';
import { resolveCalendar } from '../../db/queries/calendars';
import { durationToMs, isCalendarDuration, type Duration } from '../../workflows/flow/duration';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import type { PeopleRule } from '../../workflows/flow/people-rule';
import type { RunPathStep } from '../../workflows/flow/run-trace';
import { renderTemplate } from '../../workflows/flow/template';
import type { MessageSpec } from '../../workflows/flow/message-spec';
import type { TriggerEvent } from '../../workflows/flow/trigger-events';
import type { Clock } from '../clock';
import { AddressRefusedError, createAddressGuard, emptyAllowList, type AddressAllowList } from './address-guard';
import { createDecisionLinkMinter, decisionLabel, linksText, type DecisionLink, type DecisionLinkConfig } from './decision-links';
import { readersLanguages } from '../runtime/messages';
import type { Language } from '../../workflows/i18n';
import { findChatChannel, personalChatChannels, queueChatDeliveryOnce } from '../../db/queries/chat-channels';
import type { ChatMessage } from '../../workflows/flow/chat-platforms';
import type { Mailer } from './mailer';
import { assignAroundAbsences, type AssignedPerson } from './absence-route';
import { findEscalationTarget } from './escalation-target';
import { personOf, resolvePeople, type Person } from './people';
import { renderMessage } from './render-message';
import { sendWebhook, WebhookRequestError } from './webhook-call';
import { flowWebhookSecret, signatureHeader, signWebhookBody } from './webhook-signature';

export interface FlowActivityDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  /** Non-public hosts and networks webhooks may reach anyway (MILEPOST_WEBHOOK_ALLOW); none by default. */
  webhookAllow?: AddressAllowList | undefined;
  /** Signs the approve / reject / acknowledge links of e-mailed requests; none = such e-mails fail clearly. */
  decisionLinks?: DecisionLinkConfig | undefined;
}

export interface BoundFlow {
  flowVersionId: string;
  document: FlowDocument;
}

const nonRetryable = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

export function createFlowActivities({ db, clock, mailer, webhookAllow = emptyAllowList, decisionLinks }: FlowActivityDeps) {
  const mintDecisionLinks = decisionLinks ? createDecisionLinkMinter({ db, clock, ...decisionLinks }) : undefined;
  const guard = createAddressGuard(webhookAllow);

  /** The flow a webhook step belongs to: by the run's id, or by the workflow this activity runs for. */
  async function flowIdOfRun(runId: string | undefined): Promise<string> {
    const flowId = await findFlowIdOfRun(db, runId ? { runId } : { workflowId: Context.current().info.workflowExecution?.workflowId ?? '' });
    if (!flowId) throw nonRetryable('FlowRunNotFound', 'This webhook step does not belong to a recorded flow run, so there is no flow secret to sign it with.');
    return flowId;
  }

  /** The signature header's value for a body sent on behalf of a flow run (see webhook-signature.ts). */
  async function signatureFor(body: Buffer, runId: string | undefined): Promise<string> {
    if (!decisionLinks) throw nonRetryable('WebhookSigningNotConfigured', 'Webhooks are signed with a secret derived from the server secret, but the worker has none (MILEPOST_SECRET).');
    return signWebhookBody(flowWebhookSecret(decisionLinks.secret, await flowIdOfRun(runId)), body);
  }

  /**
   * Queues the chat message of each person who gets one: over the step's chat channel, else over
   * the one the person chose. The deliverChat activity sends them (with its own retries) right
   * after; a channel removed since the step was written is skipped, the inbox still has the message.
   */
  async function queueChat(rendered: { person: Person; language: Language; subject: string; text: string }[], spec: MessageSpec, where: { runId: string; stepKey: string; dedupePrefix: string }, links: DecisionLink[]) {
    const stepChannel = spec.chatChannelId !== undefined && (await findChatChannel(db, spec.chatChannelId)) ? spec.chatChannelId : undefined;
    const personal = stepChannel ? new Map<string, string>() : await personalChatChannels(db, rendered.map((r) => r.person.id));
    for (const r of rendered) {
      const channelId = stepChannel ?? personal.get(r.person.id);
      if (channelId === undefined) continue;
      const message: ChatMessage = {
        title: r.subject,
        text: r.text,
        buttons: links.map((link) => ({ label: decisionLabel(link.decision, r.language), url: link.url, style: link.decision === 'reject' ? 'danger' : 'primary' })),
      };
      await queueChatDeliveryOnce(db, { dedupeKey: `${where.dedupePrefix}:${r.person.id}:chat`, channelId, flowRunId: where.runId, stepKey: where.stepKey, recipientId: r.person.id, message });
    }
  }

  /** Whether anything a request step sends carries answer links: by e-mail, or to a chat channel. */
  async function wantsLinks(person: Person, spec: MessageSpec): Promise<boolean> {
    if (spec.channel === 'email') return true;
    if (spec.chatChannelId !== undefined) return true;
    return (await personalChatChannels(db, [person.id])).size > 0;
  }

  /**
   * Delivers one rendered message to each person over the channel; inbox items are written once.
   * Each person reads it in their own language (users.language; none = English). `mailAppendix`
   * goes under the e-mail's text only (the inbox copy stays as rendered); `chat` queues the chat
   * messages of the step (with `links` as their buttons).
   */
  async function deliver(
    people: Person[],
    spec: MessageSpec,
    context: object,
    dedupePrefix: string,
    payload: Record<string, unknown>,
    mailAppendix: (language: Language) => string = () => '',
    chat?: { runId: string; stepKey: string; links: DecisionLink[] },
  ) {
    const languageOf = await readersLanguages(db, people.map((person) => person.id));
    const rendered = people.map((person) => ({ person, language: languageOf(person.id), ...renderMessage(spec, context, person, languageOf(person.id)) }));
    if (spec.channel === 'webhook') {
      if (!spec.webhookUrl) throw nonRetryable('WebhookMissing', 'A webhook notification needs its web address.');
      const body = Buffer.from(JSON.stringify({ ...payload, messages: rendered.map((r) => ({ to: r.person.email, subject: r.subject, text: r.text })) }));
      const headers = { 'content-type': 'application/json', [signatureHeader]: await signatureFor(body, payload.flowRunId as string | undefined) };
      const response = await guarded(() => sendWebhook(guard, { url: spec.webhookUrl!, method: 'POST', headers, body, timeoutMs: 15_000 }));
      failUnlessSuccess('POST', spec.webhookUrl, response.status);
    }
    for (const r of rendered) {
      if (spec.channel === 'email') await mailer.send({ to: r.person.email, subject: r.subject, text: r.text + mailAppendix(r.language) });
      // The inbox always keeps a copy, so nothing sent is invisible in the app.
      await insertInboxItemOnce(db, {
        userId: r.person.id,
        kind: (payload.kind as 'notification' | 'approval_request' | 'acknowledgement_request' | 'escalation') ?? 'notification',
        dedupeKey: `${dedupePrefix}:${r.person.id}`,
        payload: { ...payload, subject: r.subject, message: r.text, channel: spec.channel },
      });
    }
    if (chat) await queueChat(rendered, spec, { runId: chat.runId, stepKey: chat.stepKey, dedupePrefix }, chat.links);
  }

  return {
    /** The newest published version bound to this event for the project, or null when none is. */
    async findBoundFlow(input: { projectId: string; event: TriggerEvent }): Promise<BoundFlow | null> {
      const version = await resolveBoundVersion(db, input.projectId, input.event);
      return version ? { flowVersionId: version.id, document: version.document as FlowDocument } : null;
    },

    async loadFlowVersion(flowVersionId: string): Promise<BoundFlow> {
      const version = await findVersionById(db, flowVersionId);
      if (!version) throw nonRetryable('FlowVersionNotFound', `Flow version ${flowVersionId} does not exist.`);
      return { flowVersionId: version.id, document: version.document as FlowDocument };
    },

    /** Records the run once per workflow id and returns its id (retries find the same row). */
    async registerRun(input: { workflowId: string; flowVersionId: string; projectId: string; event: TriggerEvent; subjectId: string }): Promise<string> {
      return registerFlowRunOnce(db, {
        workflowId: input.workflowId,
        flowVersionId: input.flowVersionId,
        projectId: input.projectId,
        triggerEvent: input.event,
        subjectId: input.subjectId,
      });
    },

    /**
     * Closes the run; `path` (the whole path it took) is kept with it for its trace and the
     * version's heat. A request of the run still pending is cancelled with it: nobody is left
     * asked for an answer no run waits on.
     */
    async finishRun(input: { runId: string; status: FlowRunStatus; path?: readonly RunPathStep[] | undefined }): Promise<void> {
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        await finishFlowRun(trx, { runId: input.runId, status: input.status, endedAt: at, path: input.path });
        await cancelPendingRequestsOfRun(trx, input.runId, at);
      });
    },

    /**
     * The people a request step asks: whom the rule names, each replaced by whoever stands in for
     * them while they are away (the deputy's request remembers whom it is for, and why).
     */
    async resolvePeople(input: { projectId: string; rule: PeopleRule; context: object }): Promise<AssignedPerson[]> {
      return assignAroundAbsences(db, await resolvePeople(db, input.projectId, input.rule, input.context), clock.now());
    },

    async notify(input: { runId: string; projectId: string; stepKey: string; rule: PeopleRule; spec: MessageSpec; context: object }): Promise<Person[]> {
      const people = await resolvePeople(db, input.projectId, input.rule, input.context);
      await deliver(people, input.spec, input.context, `flow:${input.runId}:${input.stepKey}`, { kind: 'notification', projectId: input.projectId, flowRunId: input.runId }, undefined, {
        runId: input.runId,
        stepKey: input.stepKey,
        links: [],
      });
      return people;
    },

    /** Opens one request per person (approval or acknowledgement) and tells each of them, once. */
    async openRequests(input: {
      runId: string;
      projectId: string;
      nodeId: string;
      stepKey: string;
      kind: ApprovalRequestKind;
      people: AssignedPerson[];
      dueAt: string;
      spec: MessageSpec;
      context: object;
    }): Promise<{ requestId: string; approverId: string }[]> {
      const opened: { requestId: string; approverId: string }[] = [];
      for (const person of input.people) {
        const dedupeKey = `${input.runId}:${input.stepKey}:${person.id}`;
        const request = await openApprovalRequestOnce(db, {
          flowRunId: input.runId,
          projectId: input.projectId,
          nodeId: input.nodeId,
          kind: input.kind,
          approverId: person.id,
          onBehalfOfId: person.onBehalfOf?.id ?? null,
          assignmentNote: person.assignmentNote ?? null,
          dueAt: input.dueAt,
          dedupeKey: dedupeKey,
        });
        // An e-mailed request carries one signed link per answer (escalations ask through an
        // acknowledgement request too, so this covers them). A retry after a decision mints none.
        // A chat message carries them as buttons.
        let minted: DecisionLink[] = [];
        if (request.status === 'pending' && (await wantsLinks(person, input.spec))) {
          if (!mintDecisionLinks) {
            throw nonRetryable('DecisionLinksNotConfigured', 'This step sends a request by e-mail or chat, but decision links are not configured: the worker needs the secret (MILEPOST_SECRET) and PUBLIC_URL.');
          }
          minted = await mintDecisionLinks({ userId: person.id, requestId: request.id, kind: input.kind, dueAt: input.dueAt });
        }
        const links = (language: Language) => (input.spec.channel === 'email' ? linksText(minted, language) : '');
        await deliver([person], input.spec, input.context, `request:${request.id}`, {
          kind: input.kind === 'approval' ? 'approval_request' : 'acknowledgement_request',
          requestId: request.id,
          projectId: input.projectId,
          flowRunId: input.runId,
          dueAt: input.dueAt,
          ...(person.onBehalfOf ? { onBehalfOf: person.onBehalfOf } : {}),
        }, links, { runId: input.runId, stepKey: input.stepKey, links: minted });
        opened.push({ requestId: request.id, approverId: person.id });
      }
      return opened;
    },

    /**
     * Records a person's decision on a pending request; an acknowledgement also acknowledges the
     * escalation this run raised to that person. Repeats change nothing.
     */
    async recordDecision(input: { requestId: string; userId: string; status: ApprovalRequestStatus; comment?: string | undefined; via?: string | undefined }): Promise<{ decidedAt: string; deciderName: string }> {
      const at = clock.now();
      return onBehalfOf(input.userId, () => db.transaction().execute(async (trx) => {
        const request = await decidePendingApprovalRequest(trx, input.requestId, { status: input.status, decidedAt: at, decidedBy: input.userId, comment: input.comment ?? null });
        const row = request ?? (await getApprovalRequest(trx, input.requestId));
        if (request && input.status === 'acknowledged') {
          // A deputy's or a delegate's acknowledgement answers the escalation raised to whom they stand for.
          await acknowledgeEscalationsOfRun(trx, { flowRunId: row.flowRunId, recipientIds: await whomRequestAnswersFor(trx, row.id), at, by: input.userId });
        }
        await markRequestInboxItemsRead(trx, input.requestId, at);
        const deciderName = await findUserName(trx, input.userId);
        return { decidedAt: (row.decidedAt ?? at).toISOString(), deciderName: deciderName ?? '' };
      }), input.via);
    },

    /** Closes what is still pending (time ran out, or another answer decided the step). */
    /** A waiting step's deadline moved (the shared calendar changed): its pending requests show the new due time. */
    async moveRequests(input: { requestIds: string[]; dueAt: string }): Promise<void> {
      await movePendingApprovalRequests(db, input.requestIds, new Date(input.dueAt));
    },

    async closeRequests(input: { requestIds: string[]; status: 'timed_out' | 'cancelled' }): Promise<void> {
      if (input.requestIds.length === 0) return;
      await closePendingApprovalRequests(db, input.requestIds, input.status, clock.now());
    },

    /**
     * One level further up: the manager `level` steps above the milestone owner (or the project
     * owner for other events), recording the escalation once per milestone and level. The flow's
     * next step tells that person. Null when nobody is higher up.
     */
    async escalate(input: { runId: string; projectId: string; event: TriggerEvent; subjectId: string; level: number; stepKey?: string }): Promise<Person | null> {
      const { milestoneId, person } = await findEscalationTarget(db, input);
      if (!person || !milestoneId) return person;
      // Run again (a retry after a lost answer, say), it answers with whom it wrote the first
      // time, so the flow asks the person the escalation names.
      const recipientId = await insertFlowEscalationOnce(db, { projectId: input.projectId, milestoneId, level: input.level, recipientId: person.id, flowRunId: input.runId });
      if (recipientId === person.id) return person;
      const recipient = await findUser(db, recipientId);
      return recipient ? personOf(recipient) : person;
    },

    /**
     * When a duration that starts now ends. Business units follow the project's working calendar
     * (the default one when it has none), with the shared calendar it names (cn-mainland).
     */
    async deadline(input: { duration: Duration; projectId: string; from?: string }): Promise<string> {
      // `from`: a deadline counted again from when its wait began, after the shared calendar changed.
      const now = input.from === undefined ? clock.now() : new Date(input.from);
      if (isCalendarDuration(input.duration)) return new Date(now.getTime() + durationToMs(input.duration)).toISOString();
      const project = await findProject(db, input.projectId);
      const unit = input.duration.unit === 'business_hours' ? 'business_hours' : 'business_days';
      return addBusinessDuration(await resolveCalendar(db, project?.calendar), now, { amount: input.duration.amount, unit }).toISOString();
    },

    async setProjectHealth(input: { projectId: string; status: string; reason: string | null; stepKey?: string }): Promise<void> {
      await setProjectHealth(db, input.projectId, input.status, input.reason);
    },

    async createTask(input: { projectId: string; stepKey: string; runId: string; title: string; assigneeRule: PeopleRule; dueAt: string; context: object }): Promise<string> {
      const [assignee] = await resolvePeople(db, input.projectId, input.assigneeRule, input.context);
      const dedupeKey = `task:${input.runId}:${input.stepKey}`;
      await insertTaskOnce(db, { projectId: input.projectId, title: renderTemplate(input.title, input.context), assigneeId: assignee?.id ?? null, dueAt: input.dueAt, dedupeKey: dedupeKey });
      return getTaskIdByDedupeKey(db, dedupeKey);
    },

    /**
     * One signed HTTP call of a webhook step. A 2xx answer is success; 5xx, timeouts and network
     * errors throw plain errors, so the step's retry policy applies; any other answer (4xx, or a
     * redirect, which is not followed) and a refused address fail at once (non-retryable).
     * `runId` names the flow run; without it the run is found by this activity's workflow.
     */
    async callWebhook(input: { url: string; method: string; headers: Record<string, string>; body?: string | undefined; timeoutSeconds: number; context: object; runId?: string | undefined }): Promise<{ status: number }> {
      const url = renderTemplate(input.url, input.context);
      const body = Buffer.from(input.body === undefined ? '' : renderTemplate(input.body, input.context));
      const headers: Record<string, string> = {};
      for (const [name, text] of Object.entries(input.headers)) {
        // The signature is ours to set; a configured header of that name is dropped.
        if (name.toLowerCase() !== signatureHeader.toLowerCase()) headers[name] = renderTemplate(text, input.context);
      }
      headers[signatureHeader] = await signatureFor(body, input.runId);
      const { status } = await guarded(() =>
        sendWebhook(guard, { url, method: input.method, headers, body: input.body === undefined ? undefined : body, timeoutMs: input.timeoutSeconds * 1000 }),
      );
      failUnlessSuccess(input.method, url, status);
      return { status };
    },
  };
}

/**
 * A 2xx answer passes. A 5xx answer throws a plain error, so the retry policy applies; any other
 * answer (4xx, or a redirect, which is not followed) is the receiver refusing: no retries.
 */
function failUnlessSuccess(method: string, url: string, status: number): void {
  if (status >= 200 && status <= 299) return;
  // Without the query: it may carry a token, and this message lands in the history and the run's path.
  const { origin, pathname } = new URL(url);
  if (status >= 500) throw new Error(`${method} ${origin}${pathname} answered ${status}.`);
  throw ApplicationFailure.create({
    type: 'WebhookRefused',
    message: `${method} ${origin}${pathname} answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}; not retried.`,
    nonRetryable: true,
    details: [{ status }],
  });
}

/** A refused address or a request that cannot be sent is the flow's mistake, not a passing failure: no retries. */
async function guarded<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof AddressRefusedError) throw nonRetryable('WebhookAddressRefused', error.message);
    if (error instanceof WebhookRequestError) throw nonRetryable('WebhookRequestInvalid', error.message);
    throw error;
  }
}

export type FlowActivities = ReturnType<typeof createFlowActivities>;
