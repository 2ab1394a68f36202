import { sharedResources, type Language } from '../../../workflows/i18n';
import { app as enApp } from './en/app';
import { plan as enPlan } from './en/plan';
import { shared as enShared } from './en/shared';
import { app as zhApp } from './zh-CN/app';
import { plan as zhPlan } from './zh-CN/plan';
import { shared as zhShared } from './zh-CN/shared';

/**
 * Every catalog the web app reads: the shared ones (workflows/i18n) and one namespace per group
 * of screens. A screen's namespace is named after its folder.
 */
export const resources = {
  en: { ...sharedResources.en, app: enApp, plan: enPlan, shared: enShared },
  'zh-CN': { ...sharedResources['zh-CN'], app: zhApp, plan: zhPlan, shared: zhShared },
} as const satisfies Record<Language, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)['en'];
export const namespaces = Object.keys(resources.en) as Namespace[];
