import { sharedResources, type Language } from '../../../workflows/i18n';
import { app as enApp } from './en/app';
import { app as zhApp } from './zh-CN/app';
import { flowBindings as enFlowBindings } from './en/flow-bindings';
import { flowBindings as zhFlowBindings } from './zh-CN/flow-bindings';
import { flowCompare as enFlowCompare } from './en/flow-compare';
import { flowCompare as zhFlowCompare } from './zh-CN/flow-compare';
import { flowRuns as enFlowRuns } from './en/flow-runs';
import { flowRuns as zhFlowRuns } from './zh-CN/flow-runs';

/**
 * Every catalog the web app reads: the shared ones (workflows/i18n) and one namespace per group
 * of screens. A screen's namespace is named after its folder.
 */
export const resources = {
  en: { ...sharedResources.en, app: enApp, flowBindings: enFlowBindings, flowCompare: enFlowCompare, flowRuns: enFlowRuns },
  'zh-CN': { ...sharedResources['zh-CN'], app: zhApp, flowBindings: zhFlowBindings, flowCompare: zhFlowCompare, flowRuns: zhFlowRuns },
} as const satisfies Record<Language, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)['en'];
export const namespaces = Object.keys(resources.en) as Namespace[];
