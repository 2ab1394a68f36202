import { sharedResources, type Language } from '../../../workflows/i18n';
import { app as enApp } from './en/app';
import { flowDesigner as enFlowDesigner } from './en/flow-designer';
import { app as zhApp } from './zh-CN/app';
import { flowDesigner as zhFlowDesigner } from './zh-CN/flow-designer';

/**
 * Every catalog the web app reads: the shared ones (workflows/i18n) and one namespace per group
 * of screens. A screen's namespace is named after its folder.
 */
export const resources = {
  en: { ...sharedResources.en, app: enApp, flowDesigner: enFlowDesigner },
  'zh-CN': { ...sharedResources['zh-CN'], app: zhApp, flowDesigner: zhFlowDesigner },
} as const satisfies Record<Language, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)['en'];
export const namespaces = Object.keys(resources.en) as Namespace[];
