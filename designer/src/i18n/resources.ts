import { sharedResources, type Language } from '../../../workflows/i18n';
import { app as enApp } from './en/app';
import { app as zhApp } from './zh-CN/app';
import { audit as enAudit } from './en/audit';
import { audit as zhAudit } from './zh-CN/audit';
import { auth as enAuth } from './en/auth';
import { auth as zhAuth } from './zh-CN/auth';
import { calendars as enCalendars } from './en/calendars';
import { calendars as zhCalendars } from './zh-CN/calendars';
import { chat as enChat } from './en/chat';
import { chat as zhChat } from './zh-CN/chat';
import { flowBindings as enFlowBindings } from './en/flow-bindings';
import { flowBindings as zhFlowBindings } from './zh-CN/flow-bindings';
import { flowCompare as enFlowCompare } from './en/flow-compare';
import { flowCompare as zhFlowCompare } from './zh-CN/flow-compare';
import { flowDesigner as enFlowDesigner } from './en/flow-designer';
import { flowDesigner as zhFlowDesigner } from './zh-CN/flow-designer';
import { flowRuns as enFlowRuns } from './en/flow-runs';
import { flowRuns as zhFlowRuns } from './zh-CN/flow-runs';
import { inbox as enInbox } from './en/inbox';
import { inbox as zhInbox } from './zh-CN/inbox';
import { people as enPeople } from './en/people';
import { people as zhPeople } from './zh-CN/people';
import { plan as enPlan } from './en/plan';
import { plan as zhPlan } from './zh-CN/plan';
import { projects as enProjects } from './en/projects';
import { projects as zhProjects } from './zh-CN/projects';
import { retrospective as enRetrospective } from './en/retrospective';
import { retrospective as zhRetrospective } from './zh-CN/retrospective';
import { salesPlan as enSalesPlan } from './en/sales-plan';
import { salesPlan as zhSalesPlan } from './zh-CN/sales-plan';
import { quota as enQuota } from './en/quota';
import { quota as zhQuota } from './zh-CN/quota';
import { shared as enShared } from './en/shared';
import { shared as zhShared } from './zh-CN/shared';
import { forecast as enForecast } from './en/forecast';
import { forecast as zhForecast } from './zh-CN/forecast';
import { funnel as enFunnel } from './en/funnel';
import { funnel as zhFunnel } from './zh-CN/funnel';
import { training as enTraining } from './en/training';
import { training as zhTraining } from './zh-CN/training';
import { scorecard as enScorecard } from './en/scorecard';
import { scorecard as zhScorecard } from './zh-CN/scorecard';
import { incentives as enIncentives } from './en/incentives';
import { incentives as zhIncentives } from './zh-CN/incentives';

/**
 * Every catalog the web app reads: the shared ones (workflows/i18n) and one namespace per group
 * of screens. A screen's namespace is named after its folder.
 */
export const resources = {
  en: { ...sharedResources.en, app: enApp, audit: enAudit, auth: enAuth, calendars: enCalendars, chat: enChat, flowBindings: enFlowBindings, flowCompare: enFlowCompare, flowDesigner: enFlowDesigner, flowRuns: enFlowRuns, inbox: enInbox, people: enPeople, plan: enPlan, projects: enProjects, retrospective: enRetrospective, salesPlan: enSalesPlan, shared: enShared, forecast: enForecast, funnel: enFunnel, quota: enQuota, training: enTraining, scorecard: enScorecard, incentives: enIncentives },
  'zh-CN': { ...sharedResources['zh-CN'], app: zhApp, audit: zhAudit, auth: zhAuth, calendars: zhCalendars, chat: zhChat, flowBindings: zhFlowBindings, flowCompare: zhFlowCompare, flowDesigner: zhFlowDesigner, flowRuns: zhFlowRuns, inbox: zhInbox, people: zhPeople, plan: zhPlan, projects: zhProjects, retrospective: zhRetrospective, salesPlan: zhSalesPlan, shared: zhShared, forecast: zhForecast, funnel: zhFunnel, quota: zhQuota, training: zhTraining, scorecard: zhScorecard, incentives: zhIncentives },
} as const satisfies Record<Language, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)['en'];
export const namespaces = Object.keys(resources.en) as Namespace[];
