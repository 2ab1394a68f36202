import type { Db } from '../db/connect';
import { setProjectStatus } from '../db/queries/projects';
import type { TriggerEvent } from '../workflows/flow/trigger-events';
import { systemClock, type Clock } from './clock';
import { buildFlowContext } from './flow/flow-context';
import type { AddressAllowList } from './flow/address-guard';
import type { DecisionLinkConfig } from './flow/decision-links';
import { createFlowActivities } from './flow/flow-activities';
import { noMailer, type Mailer } from './flow/mailer';
import { createChangeRequestActivities } from './change-requests';
import { createLifecycleActivities } from './lifecycle';
import { createMilestoneActivities } from './milestone-check';
import { createRetrospectiveActivities } from './retrospective/retrospective-activities';
import { createScheduleActivities } from './flow/schedule-activities';
import { createAddressGuard, emptyAllowList } from './flow/address-guard';
import { createChatActivities } from './chat/chat-activities';
import { channelKeyFrom } from './chat/secret-box';
import { createTrainingActivities } from './training';
import { createIncentiveActivities } from './incentive-payouts';

export interface ActivityDeps {
  db: Db;
  clock?: Clock;
  mailer?: Mailer;
  /** Non-public hosts and networks webhooks may reach anyway (MILEPOST_WEBHOOK_ALLOW). */
  webhookAllow?: AddressAllowList | undefined;
  /** Secret and public address for the decision links in e-mailed requests. */
  decisionLinks?: DecisionLinkConfig | undefined;
  /** MILEPOST_CHANNEL_KEY; none = the chat channel key is derived from the decision links' secret. */
  channelKey?: string | undefined;
}

/** Every activity the worker registers, built from injected dependencies. */
export function createActivities({ db, clock = systemClock, mailer = noMailer, webhookAllow, decisionLinks, channelKey }: ActivityDeps) {
  const key = decisionLinks || channelKey ? channelKeyFrom({ channelKey, serverSecret: decisionLinks?.secret ?? '' }) : undefined;
  return {
    ...createChatActivities({ db, clock, key, guard: createAddressGuard(webhookAllow ?? emptyAllowList) }),
    ...createMilestoneActivities({ db, clock }),
    ...createLifecycleActivities({ db, clock }),
    ...createChangeRequestActivities({ db, clock }),
    ...createRetrospectiveActivities({ db, clock }),
    ...createScheduleActivities({ db, clock }),
    ...createFlowActivities({ db, clock, mailer, decisionLinks, webhookAllow }),
    ...createTrainingActivities({ db, clock }),
    ...createIncentiveActivities({ db, clock }),
    async buildFlowContext(input: { projectId: string; event: TriggerEvent; subjectId: string; phase: string; actorId?: string; outcome?: string; variables?: Record<string, unknown> }) {
      return buildFlowContext({ db, clock }, input);
    },
    async closeProject(projectId: string): Promise<void> {
      await setProjectStatus(db, projectId, 'closed');
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
